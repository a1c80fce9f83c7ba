//! The collapsible log of every DNS query sent.

use inboxable_core::i18n::{self, Lang};
use inboxable_core::resolver::QueryLogEntry;
use yew::prelude::*;

use crate::present::{resolver_label, t};

/// Properties of [`QueryLog`].
#[derive(Properties, PartialEq)]
pub struct QueryLogProps {
    /// The language.
    pub lang: Lang,
    /// The queries, in completion order.
    pub queries: Vec<QueryLogEntry>,
}

/// `#query-log`: a `<details>` with one `tr.query` per query.
#[component]
pub fn QueryLog(props: &QueryLogProps) -> Html {
    let lang = props.lang;
    let count = props.queries.len().to_string();
    let columns = [
        t(lang, "ui-log-name"),
        t(lang, "ui-log-type"),
        t(lang, "ui-log-resolver"),
        t(lang, "ui-log-outcome"),
        t(lang, "ui-log-time"),
    ];
    html! {
        <details id="query-log" class="query-log card">
            <summary>{ i18n::text(lang, "report-heading-queries", &[("count", &count)]) }</summary>
            <table>
                <thead>
                    <tr>
                        { for columns.iter().map(|c| html! { <th scope="col">{ c.clone() }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.queries.iter().map(|q| html! {
                        <tr class={classes!("query", q.error.then_some("query-error"))}>
                            <td data-label={columns[0].clone()} class="mono name">{ q.name.clone() }</td>
                            <td data-label={columns[1].clone()} class="mono">{ q.rtype.to_string() }</td>
                            <td data-label={columns[2].clone()} class="resolver" title={q.resolver.clone()}>
                                { resolver_label(&q.resolver).to_owned() }
                            </td>
                            <td data-label={columns[3].clone()} class="mono">{ q.outcome.clone() }</td>
                            <td data-label={columns[4].clone()} class="num">
                                { i18n::text(lang, "ui-log-ms", &[("ms", &q.duration_ms.to_string())]) }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </details>
    }
}
