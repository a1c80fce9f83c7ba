//! The banner above a snapshot's report: when the run was made, that nothing was
//! asked to show it, and a button that runs the same check now.

use inboxable_core::i18n::{self, Lang};
use yew::prelude::*;

use crate::present::t;
use crate::snapshot::display_date;
use crate::state::SnapshotNote;

/// Properties of [`SnapshotBanner`].
#[derive(Properties, PartialEq)]
pub struct SnapshotBannerProps {
    /// The language.
    pub lang: Lang,
    /// What the snapshot says about itself.
    pub note: SnapshotNote,
    /// "Re-run now".
    pub on_rerun: Callback<()>,
}

/// `#snapshot-banner` with `data-taken` and the `#rerun` button.
#[component]
pub fn SnapshotBanner(props: &SnapshotBannerProps) -> Html {
    let lang = props.lang;
    let date = display_date(&props.note.taken);
    let onclick = props.on_rerun.reform(|_: MouseEvent| ());
    html! {
        <section
            id="snapshot-banner"
            class="snapshot-banner"
            data-taken={props.note.taken.clone()}
            aria-labelledby="snapshot-banner-text"
        >
            <p id="snapshot-banner-text" class="snapshot-banner-text">
                { i18n::text(lang, "ui-snapshot-banner", &[("date", &date)]) }
            </p>
            if props.note.answers_dropped {
                <p id="snapshot-answers-dropped" class="hint">
                    { t(lang, "ui-snapshot-answers-dropped") }
                </p>
            }
            <button type="button" id="rerun" class="button-primary" {onclick}>
                { t(lang, "ui-snapshot-rerun") }
            </button>
        </section>
    }
}
