//! The engine's door to RDAP: [`HttpFetch`] (one HTTP GET), its `reqwest`
//! implementation for native targets and the browser, and [`RdapClient`], which
//! finds the service in the bootstrap registries and keeps every answer for the
//! run (a question asked by two checks, or while in flight, is fetched once).

use std::cell::RefCell;
use std::collections::HashMap;
use std::net::IpAddr;
use std::rc::Rc;
use std::time::Duration;

use futures::FutureExt;
use futures::future::{Either, LocalBoxFuture, Shared, select};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::bootstrap::{Bootstrap, Registry};
use super::model::RdapObject;
use crate::i18n::Message;
use crate::resolver::sleep;

/// An HTTP answer as the RDAP client needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// `Retry-After` in seconds, when sent.
    pub retry_after_s: Option<u64>,
    /// The body.
    pub body: String,
}

/// Why a GET brought no answer at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No answer in time.
    Timeout {
        /// The deadline.
        after_ms: u64,
    },
    /// The request could not be made or read: no connection, TLS, or — in a browser
    /// — a server that does not allow this page to read its answers (CORS), which
    /// `fetch` cannot tell apart from a network error.
    Transport {
        /// The client's error text.
        reason: String,
    },
}

/// One HTTP GET. Futures are not `Send`, as with [`crate::resolver::Resolver`].
pub trait HttpFetch {
    /// GETs `url` asking for `application/rdap+json`.
    fn get(&self, url: &str) -> LocalBoxFuture<'_, Result<HttpResponse, FetchError>>;
}

/// [`HttpFetch`] over `reqwest` (the browser's `fetch` in wasm32).
pub struct ReqwestFetch {
    client: reqwest::Client,
    timeout: Duration,
}

impl ReqwestFetch {
    /// A fetcher giving each GET `timeout_ms`.
    pub fn new(timeout_ms: u64) -> Self {
        Self {
            client: reqwest::Client::new(),
            timeout: Duration::from_millis(timeout_ms),
        }
    }

    async fn fetch(&self, url: &str) -> Result<HttpResponse, FetchError> {
        let transport = |e: reqwest::Error| FetchError::Transport {
            reason: e.to_string(),
        };
        // Only the `accept` header: a CORS-safelisted simple request, no preflight.
        let response = self
            .client
            .get(url)
            .header("accept", "application/rdap+json, application/json")
            .send()
            .await
            .map_err(transport)?;
        let status = response.status().as_u16();
        let retry_after_s = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse().ok());
        let body = response.text().await.map_err(transport)?;
        Ok(HttpResponse {
            status,
            retry_after_s,
            body,
        })
    }
}

impl HttpFetch for ReqwestFetch {
    fn get(&self, url: &str) -> LocalBoxFuture<'_, Result<HttpResponse, FetchError>> {
        let url = url.to_owned();
        async move {
            let fetch = Box::pin(self.fetch(&url));
            let timeout = Box::pin(sleep(self.timeout));
            match select(fetch, timeout).await {
                Either::Left((result, _)) => result,
                Either::Right(((), _)) => Err(FetchError::Timeout {
                    after_ms: u64::try_from(self.timeout.as_millis()).unwrap_or(u64::MAX),
                }),
            }
        }
        .boxed_local()
    }
}

/// An in-memory [`HttpFetch`] for unit tests: URL → answer; anything else 404.
#[derive(Default)]
pub struct MemoryFetch {
    answers: HashMap<String, Result<HttpResponse, FetchError>>,
    calls: RefCell<Vec<String>>,
}

impl MemoryFetch {
    /// Answers `url` with `status` and `body`.
    pub fn with(mut self, url: &str, status: u16, body: &str) -> Self {
        self.answers.insert(
            url.to_owned(),
            Ok(HttpResponse {
                status,
                retry_after_s: None,
                body: body.to_owned(),
            }),
        );
        self
    }

    /// Fails `url` with `error`.
    pub fn failing(mut self, url: &str, error: FetchError) -> Self {
        self.answers.insert(url.to_owned(), Err(error));
        self
    }

    /// Every URL asked, in order.
    pub fn calls(&self) -> Vec<String> {
        self.calls.borrow().clone()
    }
}

impl HttpFetch for MemoryFetch {
    fn get(&self, url: &str) -> LocalBoxFuture<'_, Result<HttpResponse, FetchError>> {
        self.calls.borrow_mut().push(url.to_owned());
        let answer = self.answers.get(url).cloned().unwrap_or(Ok(HttpResponse {
            status: 404,
            retry_after_s: None,
            body: String::new(),
        }));
        async move { answer }.boxed_local()
    }
}

/// Why an RDAP question has no answer. Each makes the dependent item `unknown`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RdapError {
    /// The bootstrap registry names no RDAP service for this TLD (many ccTLDs).
    #[error("no RDAP service for .{tld}")]
    NoService {
        /// The top-level domain.
        tld: String,
    },
    /// The bootstrap registry names no RDAP service for this address.
    #[error("no RDAP service for {ip}")]
    NoIpService {
        /// The address.
        ip: String,
    },
    /// The server has no such object (HTTP 404).
    #[error("{url}: not found")]
    NotFound {
        /// The URL asked.
        url: String,
    },
    /// HTTP 429.
    #[error("{url}: rate limited")]
    RateLimited {
        /// The URL asked.
        url: String,
        /// `Retry-After`, when sent.
        retry_after_s: Option<u64>,
    },
    /// Another non-200 status.
    #[error("{url}: HTTP {status}")]
    Http {
        /// The URL asked.
        url: String,
        /// The status.
        status: u16,
    },
    /// No answer in time.
    #[error("{url}: timed out")]
    Timeout {
        /// The URL asked.
        url: String,
        /// The deadline.
        after_ms: u64,
    },
    /// No answer could be read (network, TLS, or CORS in a browser).
    #[error("{url}: {reason}")]
    Transport {
        /// The URL asked.
        url: String,
        /// The client's error text.
        reason: String,
    },
    /// The answer is not RDAP JSON.
    #[error("{url}: malformed answer")]
    Malformed {
        /// The URL asked.
        url: String,
    },
    /// RDAP lookups are not configured for this run.
    #[error("RDAP is off")]
    Off,
}

impl RdapError {
    /// The reason as a catalogue message.
    pub fn message(&self) -> Message {
        match self {
            Self::NoService { tld } => Message::new("rdap-error-no-service").arg("tld", tld),
            Self::NoIpService { ip } => Message::new("rdap-error-no-ip-service").arg("ip", ip),
            Self::NotFound { url } => Message::new("rdap-error-not-found").arg("url", url),
            Self::RateLimited { url, retry_after_s } => {
                Message::new("rdap-error-rate-limited").arg("url", url).arg(
                    "seconds",
                    retry_after_s.map_or_else(|| "?".to_owned(), |s| s.to_string()),
                )
            }
            Self::Http { url, status } => Message::new("rdap-error-http")
                .arg("url", url)
                .arg("status", status),
            Self::Timeout { url, after_ms } => Message::new("rdap-error-timeout")
                .arg("url", url)
                .arg("seconds", after_ms.div_ceil(1000)),
            Self::Transport { url, reason } => Message::new("rdap-error-transport")
                .arg("url", url)
                .arg("reason", reason),
            Self::Malformed { url } => Message::new("rdap-error-malformed").arg("url", url),
            Self::Off => Message::new("rdap-error-off"),
        }
    }

    /// Every key [`RdapError::message`] can produce.
    pub fn catalogue_keys() -> Vec<String> {
        [
            "no-service",
            "no-ip-service",
            "not-found",
            "rate-limited",
            "http",
            "timeout",
            "transport",
            "malformed",
            "off",
        ]
        .iter()
        .map(|k| format!("rdap-error-{k}"))
        .collect()
    }
}

type JsonResult = Result<Rc<Value>, RdapError>;
type SharedJson = Shared<LocalBoxFuture<'static, JsonResult>>;

/// An answered RDAP question: the object and the URL it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RdapAnswer {
    /// The URL asked.
    pub url: String,
    /// The object read from the answer.
    pub object: RdapObject,
}

/// RDAP for one run: bootstrap, fetch, cache.
pub struct RdapClient {
    fetch: Rc<dyn HttpFetch>,
    bootstrap_base: String,
    cache: RefCell<HashMap<String, SharedJson>>,
}

/// IANA's bootstrap registries (RFC 9224 §3). data.iana.org answers browsers
/// (client.rdap.org reads them from the page; `reference/dns-facts.md` §6).
pub const IANA_BOOTSTRAP: &str = "https://data.iana.org/rdap/";

impl RdapClient {
    /// A client reading the bootstrap registries under `bootstrap_base`
    /// ([`IANA_BOOTSTRAP`] or a mirror, e.g. an `inboxable-doh --rdap` server).
    pub fn new(fetch: Rc<dyn HttpFetch>, bootstrap_base: &str) -> Self {
        let mut base = bootstrap_base.trim().to_owned();
        if !base.ends_with('/') {
            base.push('/');
        }
        Self {
            fetch,
            bootstrap_base: base,
            cache: RefCell::new(HashMap::new()),
        }
    }

    /// The bootstrap base URL.
    pub fn bootstrap_base(&self) -> &str {
        &self.bootstrap_base
    }

    fn json(&self, url: &str) -> SharedJson {
        if let Some(f) = self.cache.borrow().get(url) {
            return f.clone();
        }
        let fetch = Rc::clone(&self.fetch);
        let owned = url.to_owned();
        let fut: LocalBoxFuture<'static, JsonResult> = async move {
            let response = fetch.get(&owned).await.map_err(|e| match e {
                FetchError::Timeout { after_ms } => RdapError::Timeout {
                    url: owned.clone(),
                    after_ms,
                },
                FetchError::Transport { reason } => RdapError::Transport {
                    url: owned.clone(),
                    reason,
                },
            })?;
            match response.status {
                200 => serde_json::from_str::<Value>(&response.body)
                    .ok()
                    .filter(Value::is_object)
                    .map(Rc::new)
                    .ok_or(RdapError::Malformed { url: owned }),
                404 => Err(RdapError::NotFound { url: owned }),
                429 => Err(RdapError::RateLimited {
                    url: owned,
                    retry_after_s: response.retry_after_s,
                }),
                status => Err(RdapError::Http { url: owned, status }),
            }
        }
        .boxed_local();
        let shared = fut.shared();
        self.cache
            .borrow_mut()
            .insert(url.to_owned(), shared.clone());
        shared
    }

    async fn bootstrap(&self, registry: Registry) -> Result<Bootstrap, RdapError> {
        let url = format!("{}{}", self.bootstrap_base, registry.file());
        let v = self.json(&url).await?;
        Bootstrap::from_json(&v).ok_or(RdapError::Malformed { url })
    }

    async fn object(&self, url: String) -> Result<RdapAnswer, RdapError> {
        let v = self.json(&url).await?;
        Ok(RdapAnswer {
            object: RdapObject::from_json(&v),
            url,
        })
    }

    /// The registry's RDAP object for `domain` (RFC 9082 §3.1.3 `domain/<name>`).
    pub async fn domain(&self, domain: &str) -> Result<RdapAnswer, RdapError> {
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        let base = self
            .bootstrap(Registry::Dns)
            .await?
            .for_domain(&domain)
            .ok_or_else(|| RdapError::NoService {
                tld: domain.rsplit('.').next().unwrap_or_default().to_owned(),
            })?;
        self.object(format!("{base}domain/{domain}")).await
    }

    /// The RIR's network object holding `ip` (RFC 9082 §3.1.1 `ip/<address>`).
    pub async fn ip(&self, ip: IpAddr) -> Result<RdapAnswer, RdapError> {
        let base = self
            .bootstrap(Registry::for_ip(ip))
            .await?
            .for_ip(ip)
            .ok_or_else(|| RdapError::NoIpService { ip: ip.to_string() })?;
        self.object(format!("{base}ip/{ip}")).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdap::test_block_on as block_on;

    const B: &str = "https://boot.test/";

    fn client(fetch: MemoryFetch) -> (Rc<MemoryFetch>, RdapClient) {
        let fetch = Rc::new(fetch);
        (fetch.clone(), RdapClient::new(fetch, "https://boot.test"))
    }

    fn dns_boot() -> &'static str {
        r#"{"services":[[["com"],["https://rdap.test/com/"]]]}"#
    }

    #[test]
    fn domain_through_bootstrap_once_per_run() {
        let (fetch, c) = client(
            MemoryFetch::default()
                .with(&format!("{B}dns.json"), 200, dns_boot())
                .with(
                    "https://rdap.test/com/domain/example.com",
                    200,
                    r#"{"objectClassName":"domain","ldhName":"EXAMPLE.COM",
                        "events":[{"eventAction":"registration","eventDate":"1995-08-14T04:00:00Z"}]}"#,
                ),
        );
        let (a, b) =
            block_on(async { futures::join!(c.domain("Example.com."), c.domain("example.com")) });
        let a = a.unwrap();
        assert_eq!(a.object.event("registration"), Some("1995-08-14T04:00:00Z"));
        assert_eq!(b.unwrap(), a);
        assert_eq!(fetch.calls().len(), 2, "bootstrap and object, each once");
    }

    #[test]
    fn failures_are_reasons() {
        let (_, c) = client(
            MemoryFetch::default()
                .with(&format!("{B}dns.json"), 200, dns_boot())
                .with("https://rdap.test/com/domain/busy.com", 429, "")
                .with("https://rdap.test/com/domain/broken.com", 500, "")
                .with("https://rdap.test/com/domain/html.com", 200, "<html>")
                .failing(
                    "https://rdap.test/com/domain/slow.com",
                    FetchError::Timeout { after_ms: 5000 },
                ),
        );
        let err = |d: &str| block_on(c.domain(d)).unwrap_err();
        assert_eq!(err("example.id"), RdapError::NoService { tld: "id".into() });
        assert!(matches!(err("gone.com"), RdapError::NotFound { .. }));
        assert!(matches!(err("busy.com"), RdapError::RateLimited { .. }));
        assert!(matches!(
            err("broken.com"),
            RdapError::Http { status: 500, .. }
        ));
        assert!(matches!(err("html.com"), RdapError::Malformed { .. }));
        assert!(matches!(
            err("slow.com"),
            RdapError::Timeout { after_ms: 5000, .. }
        ));
    }

    #[test]
    fn bootstrap_failure_is_the_reason() {
        let (_, c) = client(MemoryFetch::default().failing(
            &format!("{B}ipv4.json"),
            FetchError::Transport {
                reason: "blocked".into(),
            },
        ));
        let e = block_on(c.ip("198.51.100.7".parse().unwrap())).unwrap_err();
        assert_eq!(
            e,
            RdapError::Transport {
                url: format!("{B}ipv4.json"),
                reason: "blocked".into()
            }
        );
        let (_, c) = client(MemoryFetch::default().with(
            &format!("{B}ipv6.json"),
            200,
            r#"{"services":[]}"#,
        ));
        assert!(matches!(
            block_on(c.ip("2001:db8::1".parse().unwrap())),
            Err(RdapError::NoIpService { .. })
        ));
    }
}
