//! `--rdap DIR`: serves RDAP fixtures (RFC 9083 JSON) and bootstrap registries
//! (RFC 9224) from files, so the engine's RDAP client can be tested for real on
//! loopback, or pointed at a local mirror.
//!
//! `GET /rdap/<path>` answers `DIR/<path>` when it ends in `.json`, else
//! `DIR/<path>.json`, as `application/rdap+json`. Beside a fixture, the sidecar
//! `<file>.status` holds a status code to answer instead (e.g. `500`, `429`), and
//! `<file>.delay` a number of milliseconds to wait first (timeouts). Anything
//! missing is an RFC 9083 §6 error object with 404. Paths with `..` or hidden
//! components are refused.

use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::http::AppState;

const RDAP_JSON: &str = "application/rdap+json";
/// The longest `.delay` honoured, so a fixture cannot hold a request for ever.
const MAX_DELAY: Duration = Duration::from_secs(60);

fn rdap_error(status: StatusCode) -> Response {
    let body = json!({
        "errorCode": status.as_u16(),
        "title": status.canonical_reason().unwrap_or("Error"),
    })
    .to_string();
    (
        status,
        [(header::CONTENT_TYPE, HeaderValue::from_static(RDAP_JSON))],
        body,
    )
        .into_response()
}

/// The fixture file for `path` under `dir`, or `None` for a path that could leave it.
pub fn fixture_path(dir: &Path, path: &str) -> Option<PathBuf> {
    let rel = Path::new(path);
    let safe = rel.components().all(|c| match c {
        Component::Normal(s) => !s.to_string_lossy().starts_with('.'),
        _ => false,
    });
    if !safe || path.is_empty() || path.contains('\\') {
        return None;
    }
    let name = if path.ends_with(".json") {
        path.to_owned()
    } else {
        format!("{path}.json")
    };
    Some(dir.join(name))
}

fn sidecar(file: &Path, ext: &str) -> PathBuf {
    let mut s = file.as_os_str().to_owned();
    s.push(ext);
    PathBuf::from(s)
}

async fn read_number(path: &Path) -> Option<u64> {
    tokio::fs::read_to_string(path)
        .await
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// The `/rdap/{*path}` handler.
pub async fn serve(State(state): State<AppState>, UrlPath(path): UrlPath<String>) -> Response {
    let Some(dir) = state.rdap_dir.as_deref() else {
        return rdap_error(StatusCode::NOT_FOUND);
    };
    let Some(file) = fixture_path(dir, &path) else {
        return rdap_error(StatusCode::BAD_REQUEST);
    };
    if let Some(ms) = read_number(&sidecar(&file, ".delay")).await {
        let mut shutdown = state.shutdown.clone();
        tokio::select! {
            () = tokio::time::sleep(Duration::from_millis(ms).min(MAX_DELAY)) => {}
            _ = shutdown.wait_for(|stopping| *stopping) => {
                return rdap_error(StatusCode::SERVICE_UNAVAILABLE);
            }
        }
    }
    if let Some(code) = read_number(&sidecar(&file, ".status")).await {
        let status = u16::try_from(code)
            .ok()
            .and_then(|c| StatusCode::from_u16(c).ok())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = rdap_error(status);
        if status == StatusCode::TOO_MANY_REQUESTS {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
        }
        return response;
    }
    match tokio::fs::read(&file).await {
        Ok(body) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, HeaderValue::from_static(RDAP_JSON))],
            body,
        )
            .into_response(),
        Err(_) => rdap_error(StatusCode::NOT_FOUND),
    }
}

#[cfg(test)]
mod tests {
    use super::fixture_path;
    use std::path::Path;

    #[test]
    fn paths_stay_inside_the_directory() {
        let d = Path::new("/srv/rdap");
        assert_eq!(
            fixture_path(d, "rir/ip/198.51.100.7").unwrap(),
            Path::new("/srv/rdap/rir/ip/198.51.100.7.json")
        );
        assert_eq!(
            fixture_path(d, "bootstrap/dns.json").unwrap(),
            Path::new("/srv/rdap/bootstrap/dns.json")
        );
        assert!(fixture_path(d, "reg/ip/2001:db8::1").is_some());
        for bad in [
            "../etc/passwd",
            "a/../../b",
            "/etc/passwd",
            ".hidden/x",
            "",
            "a\\b",
        ] {
            assert_eq!(fixture_path(d, bad), None, "{bad}");
        }
    }
}
