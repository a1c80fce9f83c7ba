//! The collapsible log of every DNS query sent.

use inboxable_core::i18n::{self, Lang};
use inboxable_core::resolver::QueryLogEntry;
use yew::prelude::*;

use std::rc::Rc;

use crate::present::{resolver_label, t};
use crate::shared::Shared;

/// Properties of [`QueryLog`].
#[derive(Properties, PartialEq)]
pub struct QueryLogProps {
    /// The language.
    pub lang: Lang,
    /// The queries, in completion order.
    pub queries: Vec<Shared<QueryLogEntry>>,
}

/// `#query-log`: a `<details>` with one `tr.query` per query.
#[component]
pub fn QueryLog(props: &QueryLogProps) -> Html {
    let lang = props.lang;
    let count = props.queries.len().to_string();
    let columns: Rc<[AttrValue; 5]> = Rc::new(
        [
            "ui-log-name",
            "ui-log-type",
            "ui-log-resolver",
            "ui-log-outcome",
            "ui-log-time",
        ]
        .map(|key| AttrValue::from(t(lang, key))),
    );
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
                        <QueryRow {lang} columns={columns.clone()} query={q.clone()} />
                    }) }
                </tbody>
            </table>
        </details>
    }
}

/// Properties of [`QueryRow`].
#[derive(Properties, PartialEq)]
struct QueryRowProps {
    lang: Lang,
    /// The column headings, repeated as `data-label` for the narrow layout.
    columns: Rc<[AttrValue; 5]>,
    query: Shared<QueryLogEntry>,
}

/// One `tr.query`. A component of its own so that, while a run adds rows, the rows
/// already shown are not rendered again.
#[component]
fn QueryRow(props: &QueryRowProps) -> Html {
    let (q, columns) = (&props.query, &props.columns);
    html! {
        <tr class={classes!("query", q.error.then_some("query-error"))}>
            <td data-label={columns[0].clone()} class="mono name">{ q.name.clone() }</td>
            <td data-label={columns[1].clone()} class="mono">{ q.rtype.to_string() }</td>
            <td data-label={columns[2].clone()} class="resolver" title={q.resolver.clone()}>
                { resolver_label(&q.resolver).to_owned() }
            </td>
            <td data-label={columns[3].clone()} class="mono">{ q.outcome.clone() }</td>
            <td data-label={columns[4].clone()} class="num">
                { i18n::text(props.lang, "ui-log-ms", &[("ms", &q.duration_ms.to_string())]) }
            </td>
        </tr>
    }
}
