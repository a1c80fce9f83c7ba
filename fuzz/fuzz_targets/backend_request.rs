//! The backend's request handling, end to end in process: arbitrary GET/POST requests to the
//! DoH routes (JSON parameters, RFC 8484 `dns=` base64url and POST bodies, content types) go
//! through the real axum router of inboxable-doh answering from the test zones. No request may
//! panic or get a 500, and every 200 must carry a well-formed JSON or DNS message body.
//!
//! Input layout: byte 0 chooses path, method and headers; the rest is `query string \n body`.
#![no_main]

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Method, Request, StatusCode, header};
use inboxable_doh::cli::Cors;
use inboxable_doh::engine::Engine;
use inboxable_doh::faults::FaultSet;
use inboxable_doh::http::{AppState, router};
use inboxable_doh::limits::{Rate, RateLimiter};
use inboxable_doh::zones::ZoneSet;
use libfuzzer_sys::fuzz_target;
use tower::ServiceExt as _;

const PATHS: [&str; 4] = ["/dns-query", "/resolve", "/info", "/health"];

struct Harness {
    runtime: tokio::runtime::Runtime,
    router: Router,
}

fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let zones_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/zones");
        let zones = ZoneSet::load_dir(&zones_dir).expect("the test zones load");
        let engine = Arc::new(Engine {
            zones,
            upstream: None,
            recursive: None,
            inflight: None,
            limiter: RateLimiter::new(Rate::unlimited(), 1, true),
            faults: FaultSet::new(Vec::new()),
            latency: Duration::ZERO,
            log_queries: false,
        });
        let (stop, shutdown) = tokio::sync::watch::channel(false);
        // The sender must outlive every request; the harness lives as long as the process.
        std::mem::forget(stop);
        let state = AppState {
            engine,
            shutdown,
            trust_proxy: false,
            rdap_dir: None,
        };
        Harness {
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime"),
            router: router(state, None, &Cors::Any),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let (query, body) = match rest.iter().position(|&b| b == b'\n') {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let Ok(query) = std::str::from_utf8(query) else {
        return;
    };
    let path = PATHS[usize::from(selector & 3)];
    let method = if selector & 4 != 0 {
        Method::POST
    } else {
        Method::GET
    };
    let mut request = Request::builder().method(method);
    if selector & 8 != 0 {
        request = request.header(header::CONTENT_TYPE, "application/dns-message");
    }
    if selector & 16 != 0 {
        request = request.header(header::ACCEPT, "application/dns-json");
    }
    // The URI parser rejects what no HTTP server would hand us; those inputs say nothing.
    let Ok(request) = request
        .uri(format!("{path}?{query}"))
        .body(Body::from(body.to_vec()))
    else {
        return;
    };
    let harness = harness();
    harness.runtime.block_on(async {
        let response = harness
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router is infallible");
        let status = response.status();
        assert_ne!(status, StatusCode::INTERNAL_SERVER_ERROR, "{query:?}");
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let bytes = to_bytes(response.into_body(), 1 << 20)
            .await
            .expect("the body is in memory");
        if status == StatusCode::OK && content_type == "application/dns-message" {
            hickory_proto::op::Message::from_vec(&bytes).expect("a well-formed DNS answer");
        } else if content_type.contains("json") {
            serde_json::from_slice::<serde_json::Value>(&bytes).expect("well-formed JSON");
        }
    });
});
