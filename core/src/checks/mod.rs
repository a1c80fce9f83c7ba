//! The checks. One module per check family (`spf`, `ptr`, `dnsbl`, …); each exposes
//!
//! * `pub async fn run(ctx: &CheckContext<'_>) -> Vec<CheckResult>` — the family's
//!   checks over the resolver, emitting each result through `ctx.emit` as soon as
//!   it is decided;
//! * `pub fn catalogue_keys() -> Vec<String>` — every message key the family can
//!   produce, so `tests::every_finding_has_text_in_every_language` can hold it to
//!   the catalogues.
//!
//! Checks share DNS answers through the run's resolver cache, not by passing data
//! between families: asking again for the same question costs nothing.

use std::net::IpAddr;

use futures::future::join_all;
use futures::join;

use crate::dns::{LookupError, RData, RecordType};
use crate::facts::{MAX_MX_HOSTS, SendingIpSource};
use crate::input::Input;
use crate::report::CheckResult;
use crate::resolver::Resolver;

/// What a check family gets to work with.
pub struct CheckContext<'a> {
    /// The checked input.
    pub input: &'a Input,
    /// The run's resolver (cached, logged).
    pub resolver: &'a dyn Resolver,
    /// Called with each result as soon as it is decided.
    pub emit: &'a dyn Fn(&CheckResult),
}

impl CheckContext<'_> {
    /// Emits `result` and hands it back for collection.
    pub fn emit(&self, result: CheckResult) -> CheckResult {
        (self.emit)(&result);
        result
    }
}

/// The sending IPs of a run and where they came from.
#[derive(Clone, Debug, Default)]
pub struct SendingIps {
    /// Where they came from (`None` when nothing could be found).
    pub source: Option<SendingIpSource>,
    /// The addresses, without duplicates.
    pub ips: Vec<IpAddr>,
    /// A lookup that failed on the way: the list may be incomplete.
    pub error: Option<LookupError>,
}

impl CheckContext<'_> {
    /// The IPs mail leaves from: the ones entered; else the client IP of the pasted
    /// message's entry hop; else the mail hostname's A/AAAA;
    /// else the MX hosts' addresses, on the assumption (stated on the page) that the
    /// MX hosts also send. Lookups are shared with the facts through the cache.
    pub async fn sending_ips(&self) -> SendingIps {
        let source = SendingIpSource::for_input(self.input);
        let mut out = SendingIps {
            source: Some(source),
            ..SendingIps::default()
        };
        let hosts: Vec<String> = match source {
            SendingIpSource::Input => {
                out.ips = self.input.ips.clone();
                return out;
            }
            SendingIpSource::Message => {
                out.ips = self
                    .input
                    .message_facts()
                    .and_then(|m| m.sending_ip())
                    .into_iter()
                    .collect();
                return out;
            }
            SendingIpSource::Host => self.input.host.iter().cloned().collect(),
            SendingIpSource::MxAssumed => match self
                .resolver
                .lookup(&self.input.domain, RecordType::MX)
                .await
            {
                Ok(answer) => answer
                    .records
                    .iter()
                    .filter_map(|r| match &r.data {
                        RData::Mx { exchange, .. } if !exchange.is_empty() => {
                            Some(exchange.clone())
                        }
                        _ => None,
                    })
                    .take(MAX_MX_HOSTS)
                    .collect(),
                Err(e) => {
                    out.error = Some(e);
                    return out;
                }
            },
        };
        let answers = join_all(hosts.iter().map(|h| async move {
            join!(
                self.resolver.lookup(h, RecordType::A),
                self.resolver.lookup(h, RecordType::AAAA)
            )
        }))
        .await;
        for (a, aaaa) in answers {
            for result in [a, aaaa] {
                match result {
                    Ok(answer) => {
                        for ip in answer.addresses() {
                            if !out.ips.contains(&ip) {
                                out.ips.push(ip);
                            }
                        }
                    }
                    Err(e) => out.error = Some(e),
                }
            }
        }
        out
    }
}

/// Runs every check family concurrently and returns the results in family order.
pub async fn run_all(ctx: &CheckContext<'_>, options: &crate::run::RunOptions) -> Vec<CheckResult> {
    // Families are added here as they are written; each is one `run(ctx)` future.
    use futures::FutureExt;
    let families: Vec<futures::future::LocalBoxFuture<'_, Vec<CheckResult>>> = vec![
        crate::server::run(ctx).boxed_local(),
        crate::mx::run(ctx).boxed_local(),
        crate::spf::run(ctx).boxed_local(),
        crate::dkim::run(ctx).boxed_local(),
        crate::dkim::signature::run(ctx, options.verifier()).boxed_local(),
        crate::dmarc::run(ctx).boxed_local(),
        crate::extras::run(ctx).boxed_local(),
        crate::dnsbl::run_with(ctx, &options.dnsbl).boxed_local(),
        crate::reputation::run(ctx, &options.rdap).boxed_local(),
        crate::rdap::run(ctx, &options.rdap).boxed_local(),
    ];
    // Each family is polled only when one of its own queries is answered.
    let mut results: Vec<CheckResult> = crate::join::join_isolated(families)
        .await
        .into_iter()
        .flatten()
        .collect();
    // The provider checklists are built from every other result, so they come last.
    let providers = crate::provider::run(ctx, &results);
    results.extend(providers);
    results
}

/// Every message key the check families can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys = crate::dns::LookupError::catalogue_keys();
    keys.extend(crate::server::catalogue_keys());
    keys.extend(crate::mx::catalogue_keys());
    keys.extend(crate::spf::catalogue_keys());
    keys.extend(crate::dkim::catalogue_keys());
    keys.extend(crate::dkim::signature::catalogue_keys());
    keys.extend(crate::message::catalogue_keys());
    keys.extend(crate::dmarc::catalogue_keys());
    keys.extend(crate::extras::catalogue_keys());
    keys.extend(crate::dnsbl::catalogue_keys());
    keys.extend(crate::reputation::catalogue_keys());
    keys.extend(crate::rdap::catalogue_keys());
    keys.extend(crate::provider::catalogue_keys());
    keys
}

#[cfg(test)]
mod tests {
    use crate::i18n::{Lang, has_key};

    #[test]
    fn every_finding_has_text_in_every_language() {
        for key in super::catalogue_keys() {
            for lang in Lang::ALL {
                assert!(has_key(lang, &key), "{key} is missing in {lang:?}");
            }
        }
    }
}
