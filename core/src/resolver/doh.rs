//! DoH JSON over HTTP(S) with `reqwest`, which builds for native targets and, through
//! the browser's `fetch`, for wasm32.

use std::time::Duration;

use futures::FutureExt;
use futures::future::{Either, LocalBoxFuture, select};

use super::{Transport, json, timer::sleep};
use crate::dns::{LookupError, LookupResult, Question};

/// A DoH endpoint speaking the Google/Cloudflare JSON dialect.
pub struct DohJsonTransport {
    url: String,
    /// `url` parsed once: parsing it for every query (host name through IDNA included)
    /// was a measurable share of the page's work per query. `Err` for a URL that does
    /// not parse: every query then fails with that reason.
    parsed: Result<reqwest::Url, String>,
    client: reqwest::Client,
    timeout: Duration,
}

impl DohJsonTransport {
    /// A transport for `url` (e.g. `https://cloudflare-dns.com/dns-query`).
    pub fn new(url: &str, timeout_ms: u64) -> Self {
        Self {
            url: url.to_owned(),
            parsed: reqwest::Url::parse(url).map_err(|e| format!("{url}: {e}")),
            client: reqwest::Client::new(),
            timeout: Duration::from_millis(timeout_ms),
        }
    }

    async fn fetch(&self, question: &Question) -> LookupResult {
        // GET with the `accept` header only: a CORS-safelisted simple request, so the
        // browser sends no preflight (dns-facts.md §1.3).
        let url = self
            .parsed
            .clone()
            .map_err(|reason| LookupError::Transport { reason })?;
        let request = self
            .client
            .get(url)
            .query(&[
                ("name", question.name.as_str()),
                ("type", &question.rtype.0.to_string()),
            ])
            .header("accept", "application/dns-json");
        // In the browser, `cache: no-store`: the run's own cache already answers a repeated
        // question, and a check run again after the user fixed a record must see the new
        // record, not the browser's HTTP-cache copy kept for the old one's TTL. It is also
        // cheaper: writing every answer to the HTTP cache cost Chromium's network process
        // about 1 ms of CPU per query, the page's largest cost in the benchmark.
        #[cfg(target_arch = "wasm32")]
        let request = request.fetch_cache_no_store();
        let response = request.send().await.map_err(|e| LookupError::Transport {
            reason: e.to_string(),
        })?;
        let status = response.status().as_u16();
        if status == 429 {
            let retry_after_s = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse().ok());
            return Err(LookupError::RateLimited { retry_after_s });
        }
        if status != 200 {
            return Err(LookupError::Http { status });
        }
        let body = response.text().await.map_err(|e| LookupError::Transport {
            reason: e.to_string(),
        })?;
        json::parse_body(question, &body)
    }
}

impl Transport for DohJsonTransport {
    fn label(&self) -> &str {
        &self.url
    }

    fn query(&self, question: Question) -> LocalBoxFuture<'_, LookupResult> {
        async move {
            let fetch = Box::pin(self.fetch(&question));
            let timeout = Box::pin(sleep(self.timeout));
            match select(fetch, timeout).await {
                Either::Left((result, _)) => result,
                Either::Right(((), _)) => Err(LookupError::Timeout {
                    after_ms: u64::try_from(self.timeout.as_millis()).unwrap_or(u64::MAX),
                }),
            }
        }
        .boxed_local()
    }
}
