//! Pictures of a check's details: the SPF lookup meter and record tree, the
//! blocklist tiles, the IP ↔ PTR loop. Built from `details` JSON, as text nodes only.

use inboxable_core::i18n::{self, Lang, Message};
use inboxable_core::report::{CheckResult, Status};
use serde_json::Value;
use yew::prelude::*;

use crate::present::t;

/// The picture of `check`, if its id has one.
pub fn visual(lang: Lang, check: &CheckResult) -> Html {
    let d = &check.details;
    match check.id.as_str() {
        "spf.lookups" => spf_lookups(lang, d),
        "spf.authorizes-ip" => spf_evaluation(lang, d, check.status != Status::Pass),
        "ip.blocklists" | "domain.blocklists" => blocklists(lang, d),
        "ip.fcrdns" => fcrdns(lang, check.subject.as_deref().unwrap_or(""), d),
        id if id.starts_with("provider.") => super::provider_checklist::checklist(lang, check),
        _ => Html::default(),
    }
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn num_of(v: &Value, key: &str) -> u64 {
    v.get(key).and_then(Value::as_u64).unwrap_or(0)
}

fn text(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    i18n::text(lang, key, args)
}

/// The `N / 10` meter and the include/redirect tree.
fn spf_lookups(lang: Lang, d: &Value) -> Html {
    let Some(tree) = d.get("tree").filter(|t| t.is_object()) else {
        return Html::default();
    };
    let total = num_of(d, "lookups_total");
    let limit = num_of(d, "limit").max(1);
    let complete = d.get("complete").and_then(Value::as_bool).unwrap_or(true);
    let (count, max) = (total.to_string(), limit.to_string());
    let over = total > limit;
    html! {
        <div class="spf-panel">
            <div class={classes!("meter-row", over.then_some("meter-over"))}>
                <label class="meter-label" for="spf-meter">
                    { text(lang, "ui-spf-meter", &[("count", &count), ("limit", &max)]) }
                </label>
                <meter
                    id="spf-meter"
                    min="0"
                    max={total.max(limit).to_string()}
                    low={format!("{}.5", limit.saturating_sub(3))}
                    high={format!("{limit}.5")}
                    optimum="0"
                    value={total.to_string()}
                >
                    { format!("{count} / {max}") }
                </meter>
            </div>
            if !complete {
                <p class="hint">{ t(lang, "ui-spf-incomplete") }</p>
            }
            <details class="spf-tree-box" open={over || !complete}>
                <summary>{ t(lang, "ui-spf-trace") }</summary>
                <ul class="spf-tree">{ spf_node(lang, tree, true) }</ul>
            </details>
        </div>
    }
}

/// The deciding term of one sending IP, and the evaluated records with it marked.
fn spf_evaluation(lang: Lang, d: &Value, open: bool) -> Html {
    let decided: Vec<String> = d
        .get("decided_by")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|t| str_of(t, "term").to_owned()).collect())
        .unwrap_or_default();
    let Some(tree) = d.get("trace").filter(|t| t.is_object()) else {
        return Html::default();
    };
    let lookups = num_of(d, "lookups").to_string();
    html! {
        <div class="spf-panel">
            if !decided.is_empty() {
                <p class="spf-decided">
                    { t(lang, "ui-spf-decided-by") }{ ": " }
                    <code class="term-decided">{ decided.join(" → ") }</code>
                </p>
            }
            <p class="hint">{ t(lang, "ui-spf-lookups") }{ ": " }{ lookups }</p>
            <details class="spf-tree-box" {open}>
                <summary>{ t(lang, "ui-spf-trace") }</summary>
                <ul class="spf-tree">{ spf_node(lang, tree, true) }</ul>
            </details>
        </div>
    }
}

fn spf_node(lang: Lang, node: &Value, root: bool) -> Html {
    let domain = str_of(node, "domain");
    let via = str_of(node, "via");
    let own = num_of(node, "lookups").to_string();
    let branch = num_of(node, "lookups_total").to_string();
    let terms = node
        .get("terms")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let via_key = match via {
        "include" => Some("ui-spf-via-include"),
        "redirect" => Some("ui-spf-via-redirect"),
        _ => None,
    };
    html! {
        <li class="spf-node">
            <details open={root}>
                <summary>
                    if let Some(k) = via_key {
                        <span class="spf-via">{ t(lang, k) }</span>{ " " }
                    }
                    <code>{ domain.to_owned() }</code>
                    { " " }
                    <span class="spf-count">
                        { text(lang, "ui-spf-branch", &[("own", &own), ("total", &branch)]) }
                    </span>
                </summary>
                if let Some(record) = node.get("record").and_then(Value::as_str) {
                    <p class="spf-record"><code>{ record.to_owned() }</code></p>
                } else {
                    <p class="hint">{ t(lang, "ui-spf-no-record") }</p>
                }
                if !terms.is_empty() {
                    <ul class="spf-terms">
                        { for terms.iter().map(|term| spf_term(lang, term)) }
                    </ul>
                }
            </details>
        </li>
    }
}

fn spf_term(lang: Lang, term: &Value) -> Html {
    let flag = |k: &str| term.get(k).and_then(Value::as_bool).unwrap_or(false);
    let (lookup, void, decided) = (flag("lookup"), flag("void"), flag("decided"));
    let child = term.get("child").filter(|c| c.is_object());
    html! {
        <li class={classes!("spf-term", decided.then_some("term-decided"))}>
            <code>{ str_of(term, "term").to_owned() }</code>
            if lookup {
                <span class="tag">{ t(lang, "ui-spf-lookup") }</span>
            }
            if void {
                <span class="tag tag-warn">{ t(lang, "ui-spf-void") }</span>
            }
            if decided {
                <span class="tag tag-decided">{ t(lang, "ui-spf-decided") }</span>
            }
            if let Some(child) = child {
                <ul class="spf-tree">{ spf_node(lang, child, false) }</ul>
            }
        </li>
    }
}

/// The blocklist states, in display order.
const STATES: [&str; 4] = ["listed", "unknown", "clean", "skipped"];

/// A grid of one tile per list, grouped by state, with counts.
fn blocklists(lang: Lang, d: &Value) -> Html {
    let Some(lists) = d.get("lists").and_then(Value::as_array) else {
        return Html::default();
    };
    if lists.is_empty() {
        return Html::default();
    }
    html! {
        <div class="bl-panel">
            { for STATES.iter().map(|state| {
                let of_state: Vec<&Value> =
                    lists.iter().filter(|l| str_of(l, "state") == *state).collect();
                if of_state.is_empty() {
                    return Html::default();
                }
                let count = of_state.len().to_string();
                // One reason shared by every tile is said once, above them.
                let notes: Vec<Option<String>> =
                    of_state.iter().map(|l| tile_note(lang, l, state)).collect();
                let shared = (notes.len() > 1 && notes.iter().all(|n| n.is_some() && *n == notes[0]))
                    .then(|| notes[0].clone())
                    .flatten();
                html! {
                    <section class={classes!("bl-state", format!("bl-state-{state}"))} data-state={*state}>
                        <h5>{ text(lang, &format!("ui-bl-{state}"), &[("count", &count)]) }</h5>
                        if let Some(note) = &shared {
                            <p class="bl-shared">{ note.clone() }</p>
                        }
                        <ul class="bl-grid">
                            { for of_state.iter().map(|l| bl_tile(lang, l, state, shared.is_none())) }
                        </ul>
                    </section>
                }
            }) }
        </div>
    }
}

fn meaning_of(lang: Lang, list: &Value) -> Option<String> {
    list.get("meaning")
        .and_then(Value::as_str)
        .filter(|k| i18n::has_key(lang, k))
        .map(|k| t(lang, k))
}

fn reason_of(lang: Lang, list: &Value) -> Option<String> {
    list.get("reason")
        .and_then(Value::as_str)
        .map(|r| format!("ui-bl-reason-{r}"))
        .filter(|k| i18n::has_key(lang, k))
        .map(|k| t(lang, &k))
}

/// The visible note of a tile: the meaning of a listing, the reason of an unknown.
fn tile_note(lang: Lang, list: &Value, state: &str) -> Option<String> {
    match state {
        "listed" => meaning_of(lang, list),
        "unknown" | "skipped" => reason_of(lang, list),
        _ => None,
    }
}

fn bl_tile(lang: Lang, list: &Value, state: &str, with_note: bool) -> Html {
    let zone = str_of(list, "zone").to_owned();
    let meaning = meaning_of(lang, list);
    let reason = reason_of(lang, list);
    let weight = format!("dnsbl-weight-{}", str_of(list, "weight"));
    let weight = i18n::has_key(lang, &weight).then(|| t(lang, &weight));
    let code = list.get("code").and_then(Value::as_str).map(str::to_owned);
    let note = tile_note(lang, list, state).filter(|_| with_note);
    let title = [weight.clone(), code.clone(), meaning, reason]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    html! {
        <li class={classes!("bl-tile", format!("bl-{state}"))} data-zone={zone.clone()} title={title}>
            <span class="bl-zone">{ zone }</span>
            if let Some(w) = weight.filter(|_| state == "listed") {
                <span class="bl-weight">{ w }</span>
            }
            if let Some(note) = note {
                <span class="bl-note">
                    if let Some(code) = code.filter(|_| state == "listed") {
                        <code>{ code }</code>{ " " }
                    }
                    { note }
                </span>
            }
        </li>
    }
}

/// The IP → PTR name → A/AAAA → IP loop, one row per PTR name; a broken link drawn
/// broken, with the engine's sentence as the text alternative.
fn fcrdns(lang: Lang, ip: &str, d: &Value) -> Html {
    let Some(chain) = d.get("chain").and_then(Value::as_array) else {
        return Html::default();
    };
    if chain.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="loop-list">
            { for chain.iter().map(|link| {
                let name = str_of(link, "name").to_owned();
                let rtype = str_of(link, "type").to_owned();
                let addresses: Vec<String> = link
                    .get("addresses")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                    .unwrap_or_default();
                let error = link.get("error").is_some();
                let confirms = link.get("confirms").and_then(Value::as_bool).unwrap_or(false);
                let shown = if addresses.is_empty() { "—".to_owned() } else { addresses.join(", ") };
                let sentence = if error {
                    text(lang, "ui-loop-error", &[("ip", ip), ("name", &name), ("rtype", &rtype)])
                } else {
                    Message::new(if confirms { "server-found-chain" } else { "server-found-chain-broken" })
                        .arg("ip", ip)
                        .arg("name", &name)
                        .arg("rtype", &rtype)
                        .arg("addresses", &shown)
                        .render(lang)
                };
                let back = if confirms { "ui-loop-back" } else if error { "ui-loop-unknown" } else { "ui-loop-broken" };
                html! {
                    <li class={classes!("loop", if confirms { "loop-ok" } else if error { "loop-unknown" } else { "loop-broken" })}>
                        <p class="visually-hidden">{ sentence }</p>
                        <div class="loop-row" aria-hidden="true">
                            <span class="loop-box"><span class="loop-kind">{ "IP" }</span><code>{ ip.to_owned() }</code></span>
                            <span class="loop-arrow">{ "→ PTR →" }</span>
                            <span class="loop-box"><span class="loop-kind">{ t(lang, "ui-loop-name") }</span><code>{ name }</code></span>
                            <span class="loop-arrow">{ format!("→ {rtype} →") }</span>
                            <span class="loop-box"><span class="loop-kind">{ t(lang, "ui-loop-addresses") }</span><code>{ shown }</code></span>
                            <span class="loop-arrow loop-back">
                                { if confirms { "↩ ✓ " } else { "↩ ✗ " } }{ t(lang, back) }
                            </span>
                        </div>
                    </li>
                }
            }) }
        </ul>
    }
}
