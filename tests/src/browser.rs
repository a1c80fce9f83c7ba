//! Headless Chromium through chromedriver, driven over WebDriver with `fantoccini`.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::{external_tool, terminate, try_http_get};

/// How long chromedriver may take to answer `GET /status` with `ready: true`.
const DRIVER_STARTUP: Duration = Duration::from_secs(20);
/// How long a condition on the page may take to hold.
pub const PAGE_TIMEOUT: Duration = Duration::from_secs(15);

/// A running chromedriver on a loopback port, stopped when dropped.
pub struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    /// Starts `$CHROMEDRIVER --port=N` and waits until it reports ready.
    ///
    /// chromedriver cannot be told to pick a port itself (`--port=0` is refused), so the
    /// port comes from binding a listener to port 0 and releasing it just before the
    /// driver binds it; a lost race shows as a start-up failure, never as a wrong pass.
    pub fn start() -> Self {
        let bin = external_tool("CHROMEDRIVER", "/usr/bin/chromedriver");
        let port = {
            let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
            listener.local_addr().expect("local address").port()
        };
        let mut child = Command::new(&bin)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let url = format!("http://127.0.0.1:{port}/status");
        let deadline = std::time::Instant::now() + DRIVER_STARTUP;
        loop {
            if let Ok(Some(status)) = child.try_wait() {
                panic!("chromedriver exited at start-up with {status} (port {port})");
            }
            if let Ok(r) = try_http_get(&url, Duration::from_secs(2)) {
                let ready = serde_json::from_str::<serde_json::Value>(&r.body)
                    .ok()
                    .and_then(|v| v["value"]["ready"].as_bool());
                if r.status == 200 && ready == Some(true) {
                    break;
                }
            }
            if std::time::Instant::now() > deadline {
                terminate(&mut child);
                panic!(
                    "chromedriver did not report ready on port {port} within {DRIVER_STARTUP:?}"
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child, port }
    }

    /// The WebDriver URL.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A new headless Chromium session with a fresh profile in `profile`.
    pub async fn session(&self, profile: &std::path::Path, width: u32, height: u32) -> Client {
        let caps = chromium_capabilities(profile, width, height);
        let serde_json::Value::Object(caps) = caps else {
            unreachable!("a JSON object literal")
        };
        ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&self.url())
            .await
            .unwrap_or_else(|e| panic!("cannot open a Chromium session via chromedriver: {e}"))
    }
}

/// WebDriver capabilities for headless Chromium as this machine needs it: no
/// sandbox (root), no GPU, no background networking (the network is closed), a
/// fresh profile in `profile`, a `width` × `height` window.
pub fn chromium_capabilities(
    profile: &std::path::Path,
    width: u32,
    height: u32,
) -> serde_json::Value {
    let chromium: PathBuf = external_tool("CHROMIUM", "/usr/bin/chromium");
    json!({
        "browserName": "chrome",
        // The backend's `--tls-self-signed` certificate (HTTPS, hence HTTP/2, in the bench and
        // the HTTPS page test); WebDriver's own switch, which trusts nothing else.
        "acceptInsecureCerts": true,
        "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                format!("--user-data-dir={}", profile.display()),
                format!("--window-size={width},{height}"),
            ],
        },
    })
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        terminate(&mut self.child);
    }
}

/// Runs `script` (a function body returning a value) in the page.
pub async fn eval(client: &Client, script: &str) -> Result<serde_json::Value, String> {
    client
        .execute(script, vec![])
        .await
        .map_err(|e| format!("script failed: {e}\n{script}"))
}

/// Waits until the page, served by `inboxable-doh`, has read `./info` and chosen that
/// server as its resolver (`#resolver` = `this`).
pub async fn wait_resolver_this(client: &Client) -> Flow {
    wait_js(
        client,
        "#resolver = this",
        "const s = document.querySelector('#resolver'); return s && s.value === 'this';",
    )
    .await
    .map(drop)
}

/// Polls `script` until it returns something other than `null`/`false`, or fails.
pub async fn wait_js(
    client: &Client,
    what: &str,
    script: &str,
) -> Result<serde_json::Value, String> {
    let deadline = std::time::Instant::now() + PAGE_TIMEOUT;
    loop {
        let value = eval(client, script).await?;
        if !(value.is_null() || value == serde_json::Value::Bool(false)) {
            return Ok(value);
        }
        if std::time::Instant::now() > deadline {
            let state = eval(
                client,
                "const r = document.querySelector('#results'); \
                 return {url: location.href, results: r && r.dataset.state, \
                 body: document.body ? document.body.innerText.slice(0, 2000) : null};",
            )
            .await
            .unwrap_or_default();
            return Err(format!(
                "timed out after {PAGE_TIMEOUT:?} waiting for {what}; page: {state}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until an element matching `css` exists.
pub async fn wait_css(client: &Client, css: &str) -> Result<fantoccini::elements::Element, String> {
    let script = format!(
        "return document.querySelector({}) !== null;",
        serde_json::to_string(css).expect("a string")
    );
    wait_js(client, &format!("`{css}`"), &script).await?;
    client
        .find(Locator::Css(css))
        .await
        .map_err(|e| format!("{css}: {e}"))
}

/// Saves a PNG screenshot of the viewport as `name`.png under `target/screenshots`.
pub async fn screenshot(client: &Client, name: &str) -> Result<PathBuf, String> {
    let png = client
        .screenshot()
        .await
        .map_err(|e| format!("screenshot: {e}"))?;
    let path = crate::screenshot_dir().join(format!("{name}.png"));
    std::fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// What a browser flow returns: `Err` with the reason, so that the session is closed
/// before the test fails.
pub type Flow = Result<(), String>;

/// Returns `Err(message)` from a [`Flow`] when `cond` does not hold.
#[macro_export]
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// Opens a session of `width` × `height`, runs `flow`, always closes the session,
/// then panics with the flow's message if it failed.
pub async fn with_browser<F>(width: u32, height: u32, flow: F)
where
    F: AsyncFnOnce(&Client) -> Flow,
{
    let driver = Chromedriver::start();
    let profile = tempfile::tempdir().expect("a temporary profile directory");
    let client = driver.session(profile.path(), width, height).await;
    let result = flow(&client).await;
    let closed = client.close().await;
    if let Err(message) = result {
        panic!("{message}");
    }
    closed.expect("closing the browser session");
}

/// A backend serving the built page (`INBOXABLE_DIST`) and the fixture zones, with `extra`
/// flags; the page uses it as its resolver ("this server").
pub fn page_backend(extra: &[&str]) -> crate::Backend {
    let dist = crate::dist_dir();
    let dist = dist.to_str().expect("UTF-8 path");
    let mut args = vec!["--static", dist];
    args.extend_from_slice(extra);
    crate::Backend::start(&crate::zones_dir(), &args)
}

/// Navigates to `url`.
pub async fn open(client: &Client, url: &str) -> Flow {
    client
        .goto(url)
        .await
        .map_err(|e| format!("open {url}: {e}"))
}

/// Waits until the run on the page has finished (`#results[data-state=done]`).
pub async fn wait_done(client: &Client) -> Flow {
    wait_js(
        client,
        "#results[data-state=done]",
        "return document.querySelector('#results[data-state=done]') !== null;",
    )
    .await
    .map(drop)
}

/// [`open`], then [`wait_done`]: for links that start a run.
pub async fn open_done(client: &Client, url: &str) -> Flow {
    open(client, url).await?;
    wait_done(client).await
}

/// Every check card on the page as `id|subject` → status (at least ten of them).
pub async fn statuses(
    client: &Client,
) -> Result<std::collections::BTreeMap<String, String>, String> {
    let v = eval(
        client,
        "return Array.from(document.querySelectorAll('article.check')).map(c => \
           [c.dataset.id + '|' + (c.dataset.subject || ''), c.dataset.status]);",
    )
    .await?;
    let map: std::collections::BTreeMap<String, String> = v
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((p[0].as_str()?.to_owned(), p[1].as_str()?.to_owned())))
        .collect();
    if map.len() <= 10 {
        return Err(format!("too few check cards: {map:?}"));
    }
    Ok(map)
}

/// Rows in the page's query log (`#query-log tr.query`).
pub async fn query_rows(client: &Client) -> Result<u64, String> {
    Ok(eval(
        client,
        "return document.querySelectorAll('#query-log tr.query').length;",
    )
    .await?
    .as_u64()
    .unwrap_or(0))
}
