//! One check run: from checked input to a [`Report`], over a [`RunResolver`].
//!
//! The DNS facts and every check family start together; each query is issued as
//! soon as what it depends on is known, and shared questions are answered once by
//! the run resolver's cache.

use futures::{FutureExt, join};

use crate::checks::CheckContext;
use crate::dnsbl::DnsblOptions;
use crate::facts::{Fact, SendingIpSource, gather};
use crate::input::Input;
use crate::report::{CheckResult, Report, SCHEMA_VERSION, Verdict};
use crate::resolver::RunResolver;

/// Runs every check for `input`, calling `on_fact` as DNS facts arrive.
pub async fn run(input: &Input, resolver: &RunResolver, on_fact: &dyn Fn(&Fact)) -> Report {
    run_observed(input, resolver, on_fact, &|_| {}).await
}

/// Options of a run that are not part of the shareable input.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Blocklist catalogue and the user's Spamhaus DQS key. The key is a secret: it
    /// is kept out of the query log (see [`RunResolver::redact`]) and out of reports.
    pub dnsbl: DnsblOptions,
    /// RDAP for `domain.age` and the IP's network in `ip.reputation`; without a
    /// client those are `unknown` / unavailable ("RDAP is off").
    pub rdap: crate::rdap::RdapOptions,
    /// Verifies the DKIM signatures of a pasted message; `None`: mail-auth in this
    /// process when the `dkim-verify` feature is on (see [`crate::dkim::verify`]).
    pub verifier: Option<std::rc::Rc<dyn crate::dkim::verify::SignatureVerifier>>,
}

impl RunOptions {
    /// The verifier the run uses: the one given, else the built-in one, if any.
    pub fn verifier(&self) -> Option<std::rc::Rc<dyn crate::dkim::verify::SignatureVerifier>> {
        self.verifier
            .clone()
            .or_else(crate::dkim::verify::default_verifier)
    }
}

/// Runs every check for `input`, calling `on_fact` and `on_check` as facts and
/// check results arrive (the page shows each card the moment it is decided).
pub async fn run_observed(
    input: &Input,
    resolver: &RunResolver,
    on_fact: &dyn Fn(&Fact),
    on_check: &dyn Fn(&CheckResult),
) -> Report {
    run_with_options(input, resolver, &RunOptions::default(), on_fact, on_check).await
}

/// [`run_observed`] with [`RunOptions`].
pub async fn run_with_options(
    input: &Input,
    resolver: &RunResolver,
    options: &RunOptions,
    on_fact: &dyn Fn(&Fact),
    on_check: &dyn Fn(&CheckResult),
) -> Report {
    if let Some(key) = &options.dnsbl.dqs_key {
        resolver.redact(key.expose());
    }
    let ctx = CheckContext {
        input,
        resolver,
        emit: on_check,
    };
    // Boxed, so that the caller's future (polled on every answer of the run) does not
    // inline both state machines: in the page it was the largest optimised function.
    let (facts, checks) = join!(
        gather(input, resolver, on_fact).boxed_local(),
        crate::checks::run_all(&ctx, options).boxed_local()
    );
    Report {
        schema: SCHEMA_VERSION,
        input: input.clone(),
        sending_ips: SendingIpSource::for_input(input),
        verdict: Verdict::of(&checks),
        checks,
        dns_host: crate::dnshost::from_facts(&facts),
        facts,
        queries: resolver.log(),
    }
}
