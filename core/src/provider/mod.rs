//! `provider.google`, `provider.yahoo`, `provider.microsoft`: each mailbox
//! provider's published sender requirements ([`requirements`]) as a checklist built
//! from the other checks' results. No DNS query of its own.
//!
//! An item's state comes from its deciding checks:
//!
//! * each result maps to `fail`, `unknown`, `warn` or `pass` (`info` decides nothing;
//!   a `warn` that still meets the provider's minimum — a 1024-bit DKIM key,
//!   `p=none` — counts as `pass`);
//! * a facet (SPF, DKIM, DMARC, FCrDNS, reverse DNS) takes the worst of its
//!   results, `fail` > `unknown` > `warn` > `pass`, over every sending IP; DKIM keys
//!   found under guessed selectors are alternatives (the server signs with one of
//!   them), so the best selector counts, but a selector the user typed must hold;
//!   with no result at all a facet is `unknown`;
//! * "SPF or DKIM" takes the better facet, "SPF and DKIM" the worse;
//! * items no DNS answer decides are `cannot-check`, never `pass`; a pasted message
//!   can decide two of them: alignment (`dmarc.alignment` then passes or fails) and
//!   one-click unsubscribe (met when the message carries both RFC 8058 headers).
//!
//! The provider's status: `fail` when an item for all senders fails, `warn` when
//! only bulk-sender items fail (or an item warns), `unknown` when an item could not
//! be decided, `pass` otherwise. `cannot-check` items do not change it; the summary
//! counts them.

pub mod requirements;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::json;

pub use requirements::{Facet, Item, Provider, Rule, Scope};

use crate::checks::CheckContext;
use crate::i18n::Message;
use crate::input::Input;
use crate::report::{CheckResult, Explanation, Reference, Status};

/// The state of one checklist item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemStatus {
    /// Met.
    Pass,
    /// Met in a way a receiver may still penalise (a key in test mode, a
    /// dynamic-looking PTR).
    Warn,
    /// A deciding check could not be determined.
    Unknown,
    /// Not met.
    Fail,
    /// No DNS answer can decide it (spam rate, TLS, a real message's headers).
    CannotCheck,
}

impl ItemStatus {
    /// The catalogue key of the state's word.
    pub fn key(self) -> &'static str {
        match self {
            Self::Pass => "provider-state-pass",
            Self::Warn => "provider-state-warn",
            Self::Unknown => "provider-state-unknown",
            Self::Fail => "provider-state-fail",
            Self::CannotCheck => "provider-state-cannot-check",
        }
    }

    /// Rank for "worst of": fail > unknown > warn > pass.
    fn badness(self) -> u8 {
        match self {
            Self::Pass => 0,
            Self::Warn => 1,
            Self::Unknown => 2,
            Self::Fail => 3,
            Self::CannotCheck => 0,
        }
    }
}

/// A check result that decided an item: where the page links to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decided {
    /// The check id.
    pub id: String,
    /// Its subject (IP, selector, host), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The check's own status.
    pub status: Status,
}

/// One item of a provider's checklist, decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ItemResult {
    /// The item id (`spf-or-dkim`, `dmarc`, …).
    pub item: &'static str,
    /// Who it applies to.
    pub scope: Scope,
    /// The ids of the checks that decide (or, for `cannot-check`, inform) it.
    pub checks: Vec<&'static str>,
    /// Its state.
    pub status: ItemStatus,
    /// The results that gave it that state.
    pub decided_by: Vec<Decided>,
}

/// How one result counts for a facet, `None` for `info`.
fn counts(status: Status, warn_meets: bool) -> Option<ItemStatus> {
    match status {
        Status::Info => None,
        Status::Pass => Some(ItemStatus::Pass),
        Status::Warn if warn_meets => Some(ItemStatus::Pass),
        Status::Warn => Some(ItemStatus::Warn),
        Status::Unknown => Some(ItemStatus::Unknown),
        Status::Fail => Some(ItemStatus::Fail),
    }
}

fn worst(states: impl IntoIterator<Item = ItemStatus>) -> Option<ItemStatus> {
    states.into_iter().max_by_key(|s| s.badness())
}

fn best(states: impl IntoIterator<Item = ItemStatus>) -> Option<ItemStatus> {
    states.into_iter().min_by_key(|s| s.badness())
}

/// A facet's state and the results that gave it.
fn facet(facet: Facet, checks: &[CheckResult], input: &Input) -> (ItemStatus, Vec<Decided>) {
    let deciders = facet.deciders();
    // Per subject: the counted results.
    let mut subjects: BTreeMap<Option<&str>, Vec<(ItemStatus, &CheckResult)>> = BTreeMap::new();
    for c in checks {
        let Some(d) = deciders.iter().find(|d| d.id == c.id) else {
            continue;
        };
        if let Some(state) = counts(c.status, d.warn_meets) {
            subjects
                .entry(c.subject.as_deref())
                .or_default()
                .push((state, c));
        }
    }
    let per_subject: Vec<(Option<&str>, ItemStatus)> = subjects
        .iter()
        .filter_map(|(s, rs)| worst(rs.iter().map(|(st, _)| *st)).map(|w| (*s, w)))
        .collect();
    let typed = |s: &Option<&str>| {
        s.is_some_and(|s| input.selectors.iter().any(|t| t.eq_ignore_ascii_case(s)))
    };
    let chosen: Vec<(Option<&str>, ItemStatus)> = if facet == Facet::Dkim {
        if per_subject.iter().any(|(s, _)| typed(s)) {
            per_subject.into_iter().filter(|(s, _)| typed(s)).collect()
        } else {
            // Guessed selectors are alternatives: the best one stands for DKIM.
            best(per_subject.iter().map(|(_, st)| *st))
                .and_then(|b| per_subject.into_iter().find(|(_, st)| *st == b))
                .into_iter()
                .collect()
        }
    } else {
        per_subject
    };
    let Some(state) = worst(chosen.iter().map(|(_, st)| *st)) else {
        return (ItemStatus::Unknown, vec![]);
    };
    let decided = chosen
        .iter()
        .flat_map(|(s, _)| subjects.get(s).into_iter().flatten())
        .filter(|(st, _)| *st == state)
        .map(|(_, c)| Decided {
            id: c.id.clone(),
            subject: c.subject.clone(),
            status: c.status,
        })
        .collect();
    (state, decided)
}

/// Decides one item over the run's results.
pub fn decide(item: &Item, checks: &[CheckResult], input: &Input) -> ItemResult {
    let (status, decided_by) = match item.rule {
        // A pasted message can make an informing check decide (`dmarc.alignment`
        // passes or fails then); without one it only informs.
        Rule::NotFromDns(ids) => {
            let decided: Vec<(ItemStatus, &CheckResult)> = checks
                .iter()
                .filter(|c| ids.contains(&c.id.as_str()))
                .filter_map(|c| counts(c.status, false).map(|s| (s, c)))
                .collect();
            match worst(decided.iter().map(|(s, _)| *s)) {
                None => (ItemStatus::CannotCheck, vec![]),
                Some(state) => (
                    state,
                    decided
                        .iter()
                        .filter(|(s, _)| *s == state)
                        .map(|(_, c)| Decided {
                            id: c.id.clone(),
                            subject: c.subject.clone(),
                            status: c.status,
                        })
                        .collect(),
                ),
            }
        }
        Rule::OneClickUnsubscribe => match input.message_facts() {
            Some(m) if m.one_click_unsubscribe() => (ItemStatus::Pass, vec![]),
            _ => (ItemStatus::CannotCheck, vec![]),
        },
        Rule::All(facets) | Rule::Any(facets) => {
            let states: Vec<(ItemStatus, Vec<Decided>)> =
                facets.iter().map(|f| facet(*f, checks, input)).collect();
            let pick = if matches!(item.rule, Rule::All(_)) {
                worst(states.iter().map(|(s, _)| *s))
            } else {
                best(states.iter().map(|(s, _)| *s))
            }
            .unwrap_or(ItemStatus::Unknown);
            let decided = states
                .into_iter()
                .filter(|(s, _)| *s == pick)
                .flat_map(|(_, d)| d)
                .collect();
            (pick, decided)
        }
    };
    ItemResult {
        item: item.id,
        scope: item.scope,
        checks: item.checks(),
        status,
        decided_by,
    }
}

/// The provider's status from its items (the rule in the module documentation).
pub fn overall(items: &[ItemResult]) -> Status {
    let any = |scope: Option<Scope>, status: ItemStatus| {
        items
            .iter()
            .any(|i| i.status == status && scope.is_none_or(|s| i.scope == s))
    };
    if any(Some(Scope::All), ItemStatus::Fail) {
        Status::Fail
    } else if any(None, ItemStatus::Fail) || any(None, ItemStatus::Warn) {
        Status::Warn
    } else if any(None, ItemStatus::Unknown) {
        Status::Unknown
    } else {
        Status::Pass
    }
}

fn count(items: &[ItemResult], f: impl Fn(&ItemResult) -> bool) -> usize {
    items.iter().filter(|i| f(i)).count()
}

/// The `provider.*` result of `provider` over the run's results.
pub fn evaluate(provider: Provider, checks: &[CheckResult], input: &Input) -> CheckResult {
    let items: Vec<ItemResult> = provider
        .items()
        .iter()
        .map(|i| decide(i, checks, input))
        .collect();
    let status = overall(&items);
    let name = provider.name();
    let unchecked = count(&items, |i| i.status == ItemStatus::CannotCheck);
    let summary = match status {
        Status::Fail => Message::new("provider-fail").arg(
            "count",
            count(&items, |i| {
                i.scope == Scope::All && i.status == ItemStatus::Fail
            }),
        ),
        Status::Warn if items.iter().any(|i| i.status == ItemStatus::Fail) => {
            Message::new("provider-bulk-fail")
                .arg("count", count(&items, |i| i.status == ItemStatus::Fail))
        }
        Status::Warn => Message::new("provider-warn")
            .arg("count", count(&items, |i| i.status == ItemStatus::Warn)),
        Status::Unknown => Message::new("provider-unknown")
            .arg("count", count(&items, |i| i.status == ItemStatus::Unknown)),
        _ => Message::new("provider-pass"),
    }
    .arg("provider", name)
    .arg("unchecked", unchecked);
    let details = json!({
        "provider": provider.key(),
        "bulk_threshold": provider.bulk_threshold(),
        "reference": provider.references()[0].1,
        "items": items,
    });
    let mut result = CheckResult::new(provider.id(), status, summary).details(details);
    if status != Status::Pass {
        result = result.explain(explain(provider, &items));
    }
    result
}

/// Found: every item not met, with its state; fix: each such item's steps, which
/// point to the deciding checks' cards (their records are there and in the combined
/// fix).
fn explain(provider: Provider, items: &[ItemResult]) -> Explanation {
    let open: Vec<&ItemResult> = items
        .iter()
        .filter(|i| !matches!(i.status, ItemStatus::Pass | ItemStatus::CannotCheck))
        .collect();
    let checks = |i: &ItemResult| i.checks.join(", ");
    Explanation {
        found: open
            .iter()
            .map(|i| {
                Message::new("provider-found-item")
                    .arg_key("state", i.status.key())
                    .arg_key("scope", scope_key(i.scope))
                    .arg_msg("item", item_message(i.item, provider))
            })
            .collect(),
        why: Some(Message::new(format!("provider-{}-why", provider.key()))),
        fix: open
            .iter()
            .map(|i| {
                Message::new(format!("provider-item-{}-fix", i.item))
                    .arg("checks", checks(i))
                    .arg("provider", provider.name())
            })
            .collect(),
        records: vec![],
        references: provider
            .references()
            .iter()
            .map(|(t, u)| Reference::new(t, u))
            .collect(),
    }
}

/// The catalogue key of a scope's words.
pub fn scope_key(scope: Scope) -> &'static str {
    match scope {
        Scope::All => "provider-scope-all",
        Scope::Bulk => "provider-scope-bulk",
    }
}

/// The text of item `item` for `provider` (`provider-item-<item>`).
pub fn item_message(item: &str, provider: Provider) -> Message {
    Message::new(format!("provider-item-{item}")).arg("provider", provider.name())
}

/// One checklist item as the front ends show it, read back from a `provider.*`
/// result's `details` (so a report loaded from JSON shows the same).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemView {
    /// The item id (`spf-or-dkim`, …).
    pub item: String,
    /// The item's text.
    pub text: Message,
    /// Who it applies to, as words.
    pub scope: Message,
    /// Its state, as words.
    pub state: Message,
    /// Its state as in the JSON (`pass`, `cannot-check`, …).
    pub status: String,
    /// The ids of the checks that decide it.
    pub checks: Vec<String>,
    /// The `(id, subject)` of the results that gave it its state.
    pub decided_by: Vec<(String, Option<String>)>,
}

/// The items of a `provider.*` result; empty for any other check.
pub fn item_views(check: &CheckResult) -> Vec<ItemView> {
    let Some(provider) = Provider::ALL.into_iter().find(|p| p.id() == check.id) else {
        return vec![];
    };
    let strings = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let items = check.details["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    items
        .iter()
        .filter_map(|i| {
            let item = i["item"].as_str()?;
            let status = i["status"].as_str()?.to_owned();
            let scope = if i["scope"] == "bulk" {
                Scope::Bulk
            } else {
                Scope::All
            };
            Some(ItemView {
                item: item.to_owned(),
                text: item_message(item, provider),
                scope: Message::new(scope_key(scope)),
                state: Message::new(format!("provider-state-{status}")),
                status,
                checks: strings(&i["checks"]),
                decided_by: i["decided_by"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|d| {
                                Some((
                                    d["id"].as_str()?.to_owned(),
                                    d["subject"].as_str().map(str::to_owned),
                                ))
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// Every provider's checklist over `checks` (the other families' results), each
/// emitted as it is decided.
pub fn run(ctx: &CheckContext<'_>, checks: &[CheckResult]) -> Vec<CheckResult> {
    Provider::ALL
        .into_iter()
        .map(|p| ctx.emit(evaluate(p, checks, ctx.input)))
        .collect()
}

/// Every message key this family can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys = Vec::new();
    for p in Provider::ALL {
        let k = p.key();
        keys.extend([
            format!("provider-{k}-label"),
            format!("provider-{k}-about"),
            format!("provider-{k}-why"),
        ]);
    }
    for item in requirements::item_ids() {
        keys.extend([
            format!("provider-item-{item}"),
            format!("provider-item-{item}-why"),
            format!("provider-item-{item}-fix"),
        ]);
    }
    for s in [
        ItemStatus::Pass,
        ItemStatus::Warn,
        ItemStatus::Unknown,
        ItemStatus::Fail,
        ItemStatus::CannotCheck,
    ] {
        keys.push(s.key().to_owned());
    }
    keys.extend(
        [
            "provider-scope-all",
            "provider-scope-bulk",
            "provider-fail",
            "provider-bulk-fail",
            "provider-warn",
            "provider-unknown",
            "provider-pass",
            "provider-found-item",
            "provider-heading",
            "provider-decided-by",
        ]
        .map(String::from),
    );
    keys
}

#[cfg(test)]
mod tests;
