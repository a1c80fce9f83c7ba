//! The engine's one door to DNS.
//!
//! Checks ask a [`Resolver`]; nothing else in the engine performs I/O. A run uses a
//! [`RunResolver`]: it asks its [`Transport`]s in order (falling back on transport
//! failures), answers identical questions once per run — including questions still
//! in flight — and logs every query it actually sends.

mod doh;
pub mod json;
mod limit;
pub mod memory;
mod run;
mod timer;

pub use doh::DohJsonTransport;
pub use limit::Turn;
pub use memory::MemoryTransport;
pub use run::{DEFAULT_MAX_IN_FLIGHT, QueryLogEntry, RunResolver};
pub use timer::sleep;

use futures::future::LocalBoxFuture;
use serde::{Deserialize, Serialize};

use crate::dns::{LookupResult, Question, RecordType};

/// Something that answers DNS questions. Futures are not `Send`: the same engine
/// runs on a browser's single thread and on a current-thread Tokio runtime.
pub trait Resolver {
    /// Looks up `rtype` records at `name`.
    fn lookup(&self, name: &str, rtype: RecordType) -> LocalBoxFuture<'_, LookupResult>;

    /// Looks up a *leaf* question: one whose answer leads to no further question (a
    /// blocklist probe, a DKIM selector guess). Where queries wait for a turn, a leaf
    /// yields it to questions that may lead further, so hundreds of leaves asked at the
    /// start of a run never queue the run's longest chain of dependent queries.
    fn lookup_leaf(&self, name: &str, rtype: RecordType) -> LocalBoxFuture<'_, LookupResult> {
        self.lookup(name, rtype)
    }
}

/// One way of sending a question to one resolver (a DoH endpoint, a test table).
pub trait Transport {
    /// A short label for logs: the resolver's name or URL.
    fn label(&self) -> &str;
    /// Sends one question and reads the answer.
    fn query(&self, question: Question) -> LocalBoxFuture<'_, LookupResult>;
}

/// The resolvers a user can choose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "url")]
pub enum ResolverChoice {
    /// Cloudflare first, Google on transport failure: the default of the hosted page.
    Public,
    /// Cloudflare's JSON API only.
    Cloudflare,
    /// Google's JSON API only.
    Google,
    /// Any DoH JSON endpoint, such as a self-hosted `inboxable-doh`.
    Custom(String),
}

/// Cloudflare's JSON DoH endpoint.
pub const CLOUDFLARE_URL: &str = "https://cloudflare-dns.com/dns-query";
/// Google's JSON DoH endpoint.
pub const GOOGLE_URL: &str = "https://dns.google/resolve";

impl ResolverChoice {
    /// Reads `cloudflare`, `google`, `public`, or an `http(s)://` URL.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        match text.to_ascii_lowercase().as_str() {
            "public" | "default" => Some(Self::Public),
            "cloudflare" => Some(Self::Cloudflare),
            "google" => Some(Self::Google),
            lower if lower.starts_with("http://") || lower.starts_with("https://") => {
                Some(Self::Custom(text.to_owned()))
            }
            _ => None,
        }
    }

    /// The endpoint URLs, in the order they are tried.
    pub fn urls(&self) -> Vec<String> {
        match self {
            Self::Public => vec![CLOUDFLARE_URL.into(), GOOGLE_URL.into()],
            Self::Cloudflare => vec![CLOUDFLARE_URL.into()],
            Self::Google => vec![GOOGLE_URL.into()],
            Self::Custom(url) => vec![url.clone()],
        }
    }

    /// A resolver for one run over DoH JSON with the given per-query timeout.
    pub fn build(&self, timeout_ms: u64) -> RunResolver {
        let transports: Vec<Box<dyn Transport>> = self
            .urls()
            .into_iter()
            .map(|url| Box::new(DohJsonTransport::new(&url, timeout_ms)) as Box<dyn Transport>)
            .collect();
        RunResolver::new(transports)
    }
}
