//! Test helpers for the authentication families: an input and a run of one family
//! over a [`MemoryTransport`], through the real [`RunResolver`].

use crate::checks::CheckContext;
use crate::input::Input;
use crate::report::{CheckResult, Status};
use crate::resolver::{MemoryTransport, RunResolver};

/// The input for `domain` with the given DKIM selectors.
pub fn input(domain: &str, selectors: &[&str]) -> Input {
    Input {
        domain: domain.to_owned(),
        domain_unicode: None,
        ips: vec![],
        host: None,
        selectors: selectors.iter().map(|s| (*s).to_owned()).collect(),
        helo: None,
        message: None,
    }
}

/// Runs `family` over `table` for `input` on a current-thread runtime.
pub fn run_family<F>(table: MemoryTransport, input: &Input, family: F) -> Vec<CheckResult>
where
    F: for<'a> AsyncFnOnce(&'a CheckContext<'a>) -> Vec<CheckResult>,
{
    let resolver = RunResolver::new(vec![Box::new(table)]);
    let emit = |_: &CheckResult| {};
    let ctx = CheckContext {
        input,
        resolver: &resolver,
        emit: &emit,
    };
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(family(&ctx))
}

/// The one result with `id` (and `subject`, when given); panics with the list otherwise.
pub fn find<'r>(results: &'r [CheckResult], id: &str, subject: Option<&str>) -> &'r CheckResult {
    results
        .iter()
        .find(|r| r.id == id && (subject.is_none() || r.subject.as_deref() == subject))
        .unwrap_or_else(|| panic!("no {id} {subject:?} in {results:#?}"))
}

/// Asserts `id`'s status and summary key; every non-pass result must be explained.
pub fn expect(results: &[CheckResult], id: &str, subject: Option<&str>, status: Status, key: &str) {
    let r = find(results, id, subject);
    assert_eq!((r.status, r.summary.key.as_str()), (status, key), "{r:#?}");
    if status != Status::Pass {
        assert!(r.explanation.is_some(), "{id} {status:?} is not explained");
    }
    for k in r.summary.keys() {
        for lang in crate::i18n::Lang::ALL {
            assert!(crate::i18n::has_key(lang, k), "{k} missing in {lang:?}");
        }
    }
    if let Some(e) = &r.explanation {
        for m in e.found.iter().chain(&e.why).chain(&e.fix) {
            for k in m.keys() {
                assert!(
                    crate::i18n::has_key(crate::i18n::Lang::En, k),
                    "{k} missing"
                );
            }
        }
    }
}
