//! What a browser cannot check (port 25, Microsoft's own blocks), named, explained
//! and linked to tools that can.

use inboxable_core::i18n::Lang;
use yew::prelude::*;

use crate::present::t;

/// Properties of [`CannotCheck`].
#[derive(Properties, PartialEq)]
pub struct CannotCheckProps {
    /// The language.
    pub lang: Lang,
}

fn link(href: &'static str, label: String) -> Html {
    html! { <a {href} target="_blank" rel="noopener noreferrer">{ label }</a> }
}

/// `#cannot-check`.
#[component]
pub fn CannotCheck(props: &CannotCheckProps) -> Html {
    let lang = props.lang;
    html! {
        <section id="cannot-check" class="card cannot-check" aria-labelledby="cannot-check-heading">
            <h2 id="cannot-check-heading">{ t(lang, "ui-cannot-heading") }</h2>
            <p>{ t(lang, "ui-cannot-intro") }</p>
            <ul class="cannot-list">
                <li><strong>{ t(lang, "ui-cannot-banner") }</strong>{ " — " }{ t(lang, "ui-cannot-banner-why") }</li>
                <li><strong>{ t(lang, "ui-cannot-starttls") }</strong>{ " — " }{ t(lang, "ui-cannot-starttls-why") }</li>
                <li><strong>{ t(lang, "ui-cannot-relay") }</strong>{ " — " }{ t(lang, "ui-cannot-relay-why") }</li>
                <li><strong>{ t(lang, "ui-cannot-microsoft") }</strong>{ " — " }{ t(lang, "dnsbl-microsoft") }{ " " }
                    { link("https://sender.office.com/", t(lang, "ui-cannot-microsoft-link")) }</li>
            </ul>
            <h3>{ t(lang, "ui-cannot-tools") }</h3>
            <ul class="cannot-tools">
                <li>{ link("https://www.checktls.com/", "CheckTLS".into()) }{ " — " }{ t(lang, "ui-cannot-checktls") }</li>
                <li>{ link("https://mxtoolbox.com/diagnostic.aspx", "MxToolbox SMTP Diagnostics".into()) }{ " — " }{ t(lang, "ui-cannot-mxtoolbox") }</li>
            </ul>
            <p>{ t(lang, "ui-cannot-commands") }</p>
            <pre class="command"><code>{ "openssl s_client -starttls smtp -connect mail.example.com:25 -crlf" }</code></pre>
            <pre class="command"><code>{ "swaks --to you@example.org --server mail.example.com --tls" }</code></pre>
            <p class="hint">{ t(lang, "ui-cannot-commands-note") }</p>
        </section>
    }
}
