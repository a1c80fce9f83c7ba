//! HTTP routes: JSON DoH, RFC 8484, `/info`, `/health` and the static page.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hickory_proto::op::{Message, ResponseCode};
use hickory_proto::rr::RData;
use serde_json::json;
use tokio::sync::watch;
use tower_http::cors::{AllowOrigin, Any, CorsLayer};
use tower_http::services::{ServeDir, ServeFile};

use crate::cli::Cors;
use crate::engine::{Busy, Engine, build_query};
use crate::faults::FaultKind;
use crate::limits::client_ip;
use crate::{json, wire};

/// Longest accepted query string; a 4096-byte message is about 5.5 kB of base64url.
const MAX_QUERY_STRING: usize = 8192;
/// How long a `timeout` fault holds a request before answering 504.
const HELD_REQUEST: Duration = Duration::from_secs(30);

const DNS_JSON: &str = "application/dns-json";
const DNS_MESSAGE: &str = "application/dns-message";

/// Shared state of the HTTP handlers.
#[derive(Clone)]
pub struct AppState {
    /// The answering logic.
    pub engine: Arc<Engine>,
    /// Becomes `true` when the server is shutting down, releasing held requests.
    pub shutdown: watch::Receiver<bool>,
    /// Take the client address from X-Forwarded-For (`--trust-proxy`).
    pub trust_proxy: bool,
    /// `--rdap DIR`: RDAP fixtures served at `/rdap/` (see `rdap.rs`).
    pub rdap_dir: Option<PathBuf>,
}

/// Builds the router. `static_dir`, when given, is served at `/` with `index.html` as the
/// fallback for unknown paths so the page's client-side routes work. Serve it with
/// `into_make_service_with_connect_info::<SocketAddr>()` so rate limits see client addresses.
pub fn router(state: AppState, static_dir: Option<PathBuf>, cors: &Cors) -> Router {
    let allow_origin = match cors {
        Cors::Any => AllowOrigin::from(Any),
        Cors::Origins(origins) => AllowOrigin::list(
            origins
                .iter()
                .filter_map(|o| HeaderValue::from_str(o).ok())
                .collect::<Vec<_>>(),
        ),
    };
    let cors = CorsLayer::new()
        .allow_origin(allow_origin)
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([header::ACCEPT, header::CONTENT_TYPE])
        // Browsers only let a page read Retry-After on a 429 when it is exposed.
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(86400));
    // Only the DoH routes cost resolver work, so only they are rate limited; /info and /health
    // stay cheap and always answer (the page asks /info first).
    let doh = Router::new()
        .route("/dns-query", get(dns_query_get).post(dns_query_post))
        .route("/resolve", get(resolve))
        .route_layer(middleware::from_fn_with_state(state.clone(), rate_limit));
    let router = Router::new()
        .merge(doh)
        .route("/info", get(info))
        .route("/health", get(|| async { "ok" }))
        .route("/rdap/{*path}", get(crate::rdap::serve))
        .with_state(state);
    let router = match static_dir {
        Some(dir) => {
            let index = ServeFile::new(dir.join("index.html"));
            router.fallback_service(ServeDir::new(dir).fallback(index))
        }
        None => router.fallback(|| async { error(StatusCode::NOT_FOUND, "not found") }),
    };
    router
        .layer(DefaultBodyLimit::max(wire::MAX_MESSAGE))
        .layer(cors)
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    let body = json!({ "error": message.into() }).to_string();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// A client or server error, rendered as `{"error": ...}`. It stands in for `Response` in
/// `Result`s because a whole `Response` makes every `Result` large.
struct HttpError(StatusCode, String);

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        error(self.0, self.1)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Wire,
}

type Params = Vec<(String, String)>;

fn param<'a>(params: &'a Params, key: &str) -> Option<&'a str> {
    // Duplicate parameters: the first wins, as Google documents.
    params
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn params(uri: &Uri) -> Result<Params, HttpError> {
    if uri.query().is_some_and(|q| q.len() > MAX_QUERY_STRING) {
        return Err(HttpError(
            StatusCode::URI_TOO_LONG,
            "query string is too long".into(),
        ));
    }
    Query::<Params>::try_from_uri(uri)
        .map(|Query(p)| p)
        .map_err(|e| HttpError(StatusCode::BAD_REQUEST, e.body_text()))
}

/// Builds a query from `name`, `type`, `do` and `cd`.
fn query_from_params(params: &Params) -> Result<Message, HttpError> {
    let bad = |e: String| HttpError(StatusCode::BAD_REQUEST, e);
    let name = json::parse_name(param(params, "name").unwrap_or_default()).map_err(bad)?;
    let qtype = json::parse_type(param(params, "type")).map_err(bad)?;
    let dnssec_ok = json::parse_flag("do", param(params, "do")).map_err(bad)?;
    let cd = json::parse_flag("cd", param(params, "cd")).map_err(bad)?;
    Ok(build_query(name, qtype, dnssec_ok, cd))
}

fn query_from_wire(bytes: &[u8]) -> Result<Message, HttpError> {
    if bytes.len() > wire::MAX_MESSAGE {
        return Err(HttpError(
            StatusCode::PAYLOAD_TOO_LARGE,
            "DNS message is too large".into(),
        ));
    }
    if bytes.len() < 12 {
        return Err(HttpError(
            StatusCode::BAD_REQUEST,
            "DNS message is too small".into(),
        ));
    }
    wire::parse_query(bytes).map_err(|e| HttpError(StatusCode::BAD_REQUEST, e))
}

async fn dns_query_get(State(state): State<AppState>, headers: HeaderMap, uri: Uri) -> Response {
    let params = match params(&uri) {
        Ok(p) => p,
        Err(e) => return e.into_response(),
    };
    if let Some(dns) = param(&params, "dns") {
        let request = wire::decode_base64url(dns)
            .map_err(|e| HttpError(StatusCode::BAD_REQUEST, e))
            .and_then(|bytes| query_from_wire(&bytes));
        return match request {
            Ok(request) => serve(&state, request, Format::Wire).await,
            Err(e) => e.into_response(),
        };
    }
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let ct = param(&params, "ct").unwrap_or_default();
    // Google's `ct=application/dns-message` asks for a binary answer to a name/type question;
    // otherwise a name/type question is answered in JSON, whether or not the client sent
    // `accept: application/dns-json`, because no other answer to such a URL makes sense.
    let format = if ct.eq_ignore_ascii_case(DNS_MESSAGE) && !accept.contains(DNS_JSON) {
        Format::Wire
    } else {
        Format::Json
    };
    if param(&params, "name").is_none() {
        return error(
            StatusCode::BAD_REQUEST,
            "give either dns= (RFC 8484) or name= (JSON)",
        );
    }
    match query_from_params(&params) {
        Ok(request) => serve(&state, request, format).await,
        Err(e) => e.into_response(),
    }
}

async fn dns_query_post(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !content_type
        .split(';')
        .next()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case(DNS_MESSAGE))
    {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "POST needs content-type: application/dns-message",
        );
    }
    match query_from_wire(&body) {
        Ok(request) => serve(&state, request, Format::Wire).await,
        Err(e) => e.into_response(),
    }
}

async fn resolve(State(state): State<AppState>, uri: Uri) -> Response {
    let request = params(&uri).and_then(|p| query_from_params(&p));
    match request {
        Ok(request) => serve(&state, request, Format::Json).await,
        Err(e) => e.into_response(),
    }
}

/// Set once the "X-Forwarded-For without --trust-proxy" warning has been logged.
static PROXY_WARNED: AtomicBool = AtomicBool::new(false);

/// The per-client token bucket in front of the DoH routes: 429 with Retry-After when empty.
async fn rate_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(ConnectInfo(peer)) = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .copied()
    else {
        // Served without connect info (embedded use): there is no client address to limit.
        return next.run(request).await;
    };
    let forwarded = request
        .headers()
        .get("x-forwarded-for")
        .and_then(|v| v.to_str().ok());
    if forwarded.is_some()
        && !state.trust_proxy
        && peer.ip().is_loopback()
        && !PROXY_WARNED.swap(true, Ordering::Relaxed)
    {
        tracing::warn!(
            "requests arrive through a local proxy (X-Forwarded-For) but --trust-proxy is off: \
             every client looks like loopback, which the rate limit exempts"
        );
    }
    let client = client_ip(peer.ip(), forwarded, state.trust_proxy);
    match state.engine.limiter.check(client) {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            let mut response = error(StatusCode::TOO_MANY_REQUESTS, "rate limited");
            let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
            response
        }
    }
}

async fn info(State(state): State<AppState>) -> Response {
    let engine = &state.engine;
    axum::Json(json!({
        "name": "inboxable-doh",
        "version": env!("CARGO_PKG_VERSION"),
        "mode": engine.mode(),
        "zones": engine.zones.origins(),
        "recursive": engine.recursive.is_some(),
        "dnssec": engine.dnssec(),
        // Relative to the server's base URL, so it works under a proxy's sub-path.
        "rdap_bootstrap": state.rdap_dir.as_ref().map(|_| "rdap/bootstrap/"),
    }))
    .into_response()
}

fn body_response(format: Format, body: Vec<u8>) -> Response {
    let content_type = match format {
        Format::Json => DNS_JSON,
        Format::Wire => DNS_MESSAGE,
    };
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        body,
    )
        .into_response()
}

fn encode(format: Format, message: &Message) -> Result<Vec<u8>, HttpError> {
    match format {
        Format::Json => Ok(json::render(message)),
        Format::Wire => message
            .to_vec()
            .map_err(|e| HttpError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())),
    }
}

/// Answers one query in the requested format, applying latency and faults.
async fn serve(state: &AppState, request: Message, format: Format) -> Response {
    let engine = &state.engine;
    engine.delay().await;
    let fault = engine.fault_for(&request);
    let message = match fault {
        Some(FaultKind::Timeout) => {
            let mut shutdown = state.shutdown.clone();
            tokio::select! {
                _ = tokio::time::sleep(HELD_REQUEST) => {}
                _ = shutdown.wait_for(|stopping| *stopping) => {}
            }
            return error(
                StatusCode::GATEWAY_TIMEOUT,
                "resolver timed out (injected fault)",
            );
        }
        Some(FaultKind::Http429 { retry_after }) => {
            let mut response = error(
                StatusCode::TOO_MANY_REQUESTS,
                "rate limited (injected fault)",
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
            return response;
        }
        Some(FaultKind::Http500) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error (injected fault)",
            );
        }
        Some(FaultKind::Malformed) => {
            let body = match format {
                Format::Json => b"{\"Status\": 0, \"Answer\": [".to_vec(),
                // Shorter than the 12-byte DNS header, so no parser can accept it.
                Format::Wire => vec![0xde, 0xad, 0xbe, 0xef],
            };
            return body_response(format, body);
        }
        Some(FaultKind::ServFail) => engine.response_to(&request, ResponseCode::ServFail),
        Some(FaultKind::Refused) => engine.response_to(&request, ResponseCode::Refused),
        Some(FaultKind::Truncated) | None => match engine.try_answer(&request).await {
            Ok(message) => message,
            Err(Busy) => {
                let mut response = error(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "too many queries in flight; retry shortly",
                );
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(1));
                return response;
            }
        },
    };
    let mut body = match encode(format, &message) {
        Ok(body) => body,
        Err(e) => return e.into_response(),
    };
    if fault == Some(FaultKind::Truncated) {
        body.truncate(body.len() / 2);
        return body_response(format, body);
    }
    let mut response = body_response(format, body);
    if let Some(seconds) = freshness(&message) {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_str(&format!("max-age={seconds}")).expect("ASCII"),
        );
    }
    response
}

/// The HTTP freshness lifetime of an answer, as RFC 8484 §5.1 asks of DoH servers (and as
/// the public JSON resolvers send it): the smallest TTL of the answer's records, or for an
/// answer without records (NXDOMAIN, NODATA) the negative-caching TTL of its SOA, the lesser
/// of the SOA's TTL and MINIMUM (RFC 2308 §5). `None` for errors and for answers with
/// neither, which get no lifetime.
fn freshness(message: &Message) -> Option<u32> {
    if !matches!(
        message.metadata.response_code,
        ResponseCode::NoError | ResponseCode::NXDomain
    ) {
        return None;
    }
    if !message.answers.is_empty() {
        return message.answers.iter().map(|r| r.ttl).min();
    }
    message
        .authorities
        .iter()
        .filter_map(|r| match &r.data {
            RData::SOA(soa) => Some(r.ttl.min(soa.minimum)),
            _ => None,
        })
        .min()
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use hickory_proto::rr::rdata::{A, SOA};
    use hickory_proto::rr::{Name, Record};

    use super::*;

    fn a(ttl: u32) -> Record {
        Record::from_rdata(
            Name::from_ascii("example.com.").unwrap(),
            ttl,
            RData::A(A(Ipv4Addr::new(192, 0, 2, 1))),
        )
    }

    fn soa(ttl: u32, minimum: u32) -> Record {
        let name = Name::from_ascii("example.com.").unwrap();
        let data = SOA::new(name.clone(), name.clone(), 1, 3600, 600, 86400, minimum);
        Record::from_rdata(name, ttl, RData::SOA(data))
    }

    fn message(rcode: ResponseCode, answers: Vec<Record>, authorities: Vec<Record>) -> Message {
        let mut m = Message::response(1, hickory_proto::op::OpCode::Query);
        m.metadata.response_code = rcode;
        m.answers = answers;
        m.authorities = authorities;
        m
    }

    #[test]
    fn the_freshness_lifetime_is_the_smallest_ttl_or_the_negative_ttl() {
        let answer = message(ResponseCode::NoError, vec![a(300), a(60)], vec![]);
        assert_eq!(freshness(&answer), Some(60));
        // RFC 2308 §5: the lesser of the SOA's TTL and its MINIMUM.
        let nx = message(ResponseCode::NXDomain, vec![], vec![soa(600, 120)]);
        assert_eq!(freshness(&nx), Some(120));
        let nodata = message(ResponseCode::NoError, vec![], vec![soa(90, 3600)]);
        assert_eq!(freshness(&nodata), Some(90));
        let failed = message(ResponseCode::ServFail, vec![a(300)], vec![]);
        assert_eq!(freshness(&failed), None);
        let bare = message(ResponseCode::NoError, vec![], vec![]);
        assert_eq!(freshness(&bare), None);
    }
}
