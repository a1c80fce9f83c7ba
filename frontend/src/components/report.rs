//! The report: the overall verdict in plain words, the check cards in three groups
//! (failures first), and every record to publish gathered in one snippet.

use inboxable_core::i18n::{self, Lang};
use inboxable_core::report::{CheckResult, Status, Verdict};
use yew::prelude::*;

use super::check_card::{CheckCard, badge};
use super::copy_button::CopyButton;
use inboxable_core::dnshost;
use inboxable_core::facts::Fact;
use inboxable_core::report::FixPlace;

use crate::present::{CardGroup, checks_of, fix_records, fix_snippet, status_value, t};
use crate::shared::Shared;

fn fix_all_key(place: FixPlace) -> &'static str {
    match place {
        FixPlace::DnsHost => "ui-fix-all-at-dns-host",
        FixPlace::IpProvider => "ui-fix-all-at-ip-provider",
        FixPlace::MailServer => "ui-fix-all-at-mail-server",
    }
}

/// Properties of [`Report`].
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// The language.
    pub lang: Lang,
    /// The checks so far.
    pub checks: Vec<Shared<CheckResult>>,
    /// The final verdict, once the run is done.
    pub verdict: Option<Verdict>,
    /// The facts so far: the NS fact names the DNS host the fixes are made at.
    pub facts: Vec<Shared<Fact>>,
}

/// `#verdict`, the card groups and `#fix-all`.
#[component]
pub fn Report(props: &ReportProps) -> Html {
    let lang = props.lang;
    let running = props.verdict.is_none();
    html! {
        <>
            { verdict(lang, &props.checks, props.verdict.as_ref()) }
            <FixAll {lang} checks={props.checks.clone()} facts={props.facts.clone()} />
            <h3 class="section-heading">{ t(lang, "report-heading-checks") }</h3>
            { for CardGroup::ALL.into_iter().map(|group| {
                let cards = checks_of(&props.checks, group);
                let heading_id = format!("checks-{}", group.value());
                if cards.is_empty() && !running {
                    return Html::default();
                }
                html! {
                    <section class="check-group" data-group={group.value()} aria-labelledby={heading_id.clone()}>
                        <h3 id={heading_id}>{ t(lang, group.key()) }</h3>
                        if cards.is_empty() {
                            <p class="group-empty">{ t(lang, "ui-group-waiting") }</p>
                        }
                        { for cards.into_iter().map(|check| {
                            let key = format!("{}|{}", check.id, check.subject.as_deref().unwrap_or(""));
                            html! { <CheckCard {key} {lang} check={check.clone()} /> }
                        }) }
                    </section>
                }
            }) }
        </>
    }
}

fn verdict(lang: Lang, checks: &[Shared<CheckResult>], done: Option<&Verdict>) -> Html {
    let live = Verdict::of(checks);
    let v = done.unwrap_or(&live);
    let status = status_value(v.status);
    let counts = i18n::text(
        lang,
        "ui-verdict-counts",
        &[
            ("fail", &v.fail.to_string()),
            ("warn", &v.warn.to_string()),
            ("unknown", &v.unknown.to_string()),
            ("pass", &v.pass.to_string()),
        ],
    );
    let pending = done.is_none() && checks.is_empty();
    html! {
        <section
            id="verdict"
            class={classes!("verdict", format!("verdict-{status}"))}
            data-status={status}
            data-final={if done.is_some() { "true" } else { "false" }}
            aria-labelledby="verdict-title"
        >
            if pending {
                <p id="verdict-title" class="verdict-title">{ t(lang, "ui-verdict-pending") }</p>
            } else {
                <p id="verdict-title" class="verdict-title">
                    { badge(lang, v.status) }
                    <span>{ t(lang, &format!("ui-verdict-title-{status}")) }</span>
                </p>
                <p class="verdict-message">{ v.message().render(lang) }</p>
                if v.status != Status::Info {
                    <p class="verdict-counts">{ counts }</p>
                }
                if done.is_none() {
                    <p class="hint">{ t(lang, "ui-verdict-running") }</p>
                }
            }
        </section>
    }
}

/// Properties of [`FixAll`].
#[derive(Properties, PartialEq)]
pub struct FixAllProps {
    /// The language.
    pub lang: Lang,
    /// The checks so far.
    pub checks: Vec<Shared<CheckResult>>,
    /// The facts so far (the NS fact recognises the DNS host).
    pub facts: Vec<Shared<Fact>>,
}

/// `#fix-all`: every record of every non-pass check, grouped by place, one Copy.
#[component]
pub fn FixAll(props: &FixAllProps) -> Html {
    let lang = props.lang;
    let groups = fix_records(&props.checks);
    if groups.is_empty() {
        return Html::default();
    }
    // At a recognised DNS host the snippet's comments name where in its panel to add the
    // records, and the line above it says whose name servers these are.
    let host = dnshost::from_facts(&props.facts);
    let ns = dnshost::ns_of(&props.facts);
    let snippet = fix_snippet(lang, &groups, host.as_ref());
    let host_line = dnshost::summary(host.as_ref(), &ns);
    html! {
        <section id="fix-all" class="fix-all card" aria-labelledby="fix-all-heading">
            <h3 id="fix-all-heading">{ t(lang, "ui-fix-all-heading") }</h3>
            <p class="hint">{ t(lang, "ui-fix-all-intro") }</p>
            if !ns.is_empty() {
                <p id="dns-host" class="hint" data-host={host.as_ref().map(|h| h.id.clone())}>
                    { host_line.render(lang) }
                </p>
            }
            <ul class="fix-all-places">
                { for groups.iter().map(|(place, records)| html! {
                    <li>
                        { i18n::text(lang, fix_all_key(*place), &[("count", &records.len().to_string())]) }
                    </li>
                }) }
            </ul>
            <pre class="fix-all-snippet"><code>{ snippet.clone() }</code></pre>
            <CopyButton {lang} id="fix-all-copy" text={snippet} label={t(lang, "ui-copy-all")} />
        </section>
    }
}
