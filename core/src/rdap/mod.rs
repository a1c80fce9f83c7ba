//! RDAP (RFC 9082/9083/9224): registration data over HTTPS+JSON, the second kind of
//! I/O the engine does — only through [`HttpFetch`], as DNS goes only through
//! [`crate::resolver::Resolver`].
//!
//! * `bootstrap.rs` — the IANA bootstrap registries (which server answers for a TLD
//!   or an address block).
//! * `client.rs` — [`HttpFetch`], [`ReqwestFetch`], [`RdapClient`] (bootstrap,
//!   per-run cache, errors as [`RdapError`]).
//! * `model.rs` — the RFC 9083 members the checks read.
//! * `network.rs` — the sending IP's network for `ip.reputation`.
//! * `provider.rs` — the hosting provider recognised from the network's registrant.
//! * `age.rs` — `domain.age`.
//!
//! The bootstrap registries are fetched at run time from [`IANA_BOOTSTRAP`] (or a
//! mirror given by the user or the serving `inboxable-doh`), not embedded: they
//! change as TLDs and blocks gain RDAP services, data.iana.org answers browsers
//! (CORS), and the page stays small.

pub mod age;
pub mod bootstrap;
pub mod client;
pub mod model;
pub mod network;
pub mod provider;

use std::rc::Rc;

pub use client::{
    FetchError, HttpFetch, HttpResponse, IANA_BOOTSTRAP, MemoryFetch, RdapAnswer, RdapClient,
    RdapError, ReqwestFetch,
};

use crate::checks::CheckContext;
use crate::report::CheckResult;

/// RDAP for a run: the client, or none (lookups off: `domain.age` is `unknown`).
#[derive(Clone, Default)]
pub struct RdapOptions {
    /// The run's client. Build one per run: it caches every answer.
    pub client: Option<Rc<RdapClient>>,
}

impl std::fmt::Debug for RdapOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RdapOptions")
            .field(
                "bootstrap",
                &self.client.as_ref().map(|c| c.bootstrap_base().to_owned()),
            )
            .finish()
    }
}

impl RdapOptions {
    /// Options with a `reqwest` client reading the bootstrap under `bootstrap_base`.
    pub fn over_http(bootstrap_base: &str, timeout_ms: u64) -> Self {
        Self {
            client: Some(Rc::new(RdapClient::new(
                Rc::new(ReqwestFetch::new(timeout_ms)),
                bootstrap_base,
            ))),
        }
    }
}

/// Runs the RDAP family (`domain.age`; the IP network goes into `ip.reputation`).
pub async fn run(ctx: &CheckContext<'_>, options: &RdapOptions) -> Vec<CheckResult> {
    age::run(ctx, options.client.as_deref()).await
}

/// Every message key this family can produce, including the network lines and
/// provider texts `ip.reputation` shows.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys = age::catalogue_keys();
    keys.extend(RdapError::catalogue_keys());
    keys.extend(
        [
            "rdap-value-unknown",
            "rdap-network",
            "rdap-network-dates",
            "rdap-network-abuse",
            "rdap-network-provider",
            "rdap-network-unavailable",
            "rdap-network-age-note",
        ]
        .map(String::from),
    );
    keys.extend(
        provider::PROVIDERS
            .iter()
            .map(|(code, _)| format!("provider-{code}")),
    );
    keys
}

/// Drives a future to completion on a current-thread runtime (unit tests).
#[cfg(test)]
pub(crate) fn test_block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(f)
}
