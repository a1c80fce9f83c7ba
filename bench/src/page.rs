//! The page in headless Chromium: time to interactive on a cold load, then one check from
//! the click on `#submit` until `#results[data-state=done]`, both timed inside the page
//! with `performance.now()`.

use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

use inboxable_e2e::browser::{Chromedriver, chromium_capabilities};

/// A phone-sized viewport (CSS pixels of a common Android phone).
pub const VIEWPORT: (u32, u32) = (412, 915);
/// How long the page may take to become interactive.
const LOAD_TIMEOUT: Duration = Duration::from_secs(30);
/// How long one check may take in the page.
const RUN_TIMEOUT: Duration = Duration::from_secs(60);
/// Polling pace.
const POLL: Duration = Duration::from_millis(10);

/// What one page run measured.
#[derive(Debug)]
pub struct PageRun {
    /// Navigation start → `#submit` rendered and enabled, in ms.
    pub tti_ms: f64,
    /// Whether a mutation observer caught that moment (else the first poll already saw
    /// the page ready, and `tti_ms` is an upper bound).
    pub tti_exact: bool,
    /// Click on `#submit` → `#results[data-state=done]`, in ms.
    pub wall_ms: f64,
    /// Rows in the page's query log (`#query-log tr.query`).
    pub log_rows: u64,
}

/// A headless Chromium session that returns from navigation at once
/// (`pageLoadStrategy: none`), so the load can be watched from its start.
pub async fn session(driver: &Chromedriver, profile: &std::path::Path) -> Result<Client, String> {
    let (width, height) = VIEWPORT;
    let mut caps = chromium_capabilities(profile, width, height);
    // Time to interactive is measured from navigation start, so `get` must not wait
    // for the page to load.
    caps["pageLoadStrategy"] = json!("none");
    let Value::Object(caps) = caps else {
        unreachable!("a JSON object literal")
    };
    ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url())
        .await
        .map_err(|e| format!("cannot open a Chromium session via chromedriver: {e}"))
}

/// Polls `script` until it returns neither `null` nor `false`. Script errors while the
/// document is still being replaced count as "not yet".
async fn poll(
    client: &Client,
    what: &str,
    script: &str,
    timeout: Duration,
) -> Result<Value, String> {
    let deadline = Instant::now() + timeout;
    let mut last_error = String::new();
    loop {
        match client.execute(script, vec![]).await {
            Ok(Value::Null | Value::Bool(false)) => {}
            Ok(value) => return Ok(value),
            Err(e) => last_error = e.to_string(),
        }
        if Instant::now() > deadline {
            return Err(format!(
                "timed out after {timeout:?} waiting for {what} (last script error: {last_error})"
            ));
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Watches for `#submit` from the first moment a script can run in the new document.
const TTI_SCRIPT: &str = "
if (!location.href.startsWith(PAGE_URL)) return null;
const w = window;
if (!w.__bench) {
  const ready = () => { const b = document.querySelector('#submit'); return !!b && !b.disabled; };
  w.__bench = { tti: null, exact: false };
  if (ready()) {
    w.__bench.tti = performance.now();
  } else {
    w.__bench.exact = true;
    const obs = new MutationObserver(() => {
      if (w.__bench.tti === null && ready()) { w.__bench.tti = performance.now(); obs.disconnect(); }
    });
    obs.observe(document, { subtree: true, childList: true, attributes: true });
  }
}
return w.__bench.tti === null ? null : { tti: w.__bench.tti, exact: w.__bench.exact };
";

/// Stamps the click on `#submit` and the moment `#results` turns `done`.
const RUN_SCRIPT: &str = "
const w = window;
w.__run = { click: null, done: null };
document.addEventListener('click', (e) => {
  if (w.__run.click === null && e.target.closest && e.target.closest('#submit')) {
    w.__run.click = performance.now();
  }
}, true);
const check = () => {
  const r = document.querySelector('#results');
  if (w.__run.click !== null && w.__run.done === null && r && r.dataset.state === 'done') {
    w.__run.done = performance.now();
  }
};
new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
return true;
";

const DONE_SCRIPT: &str = "
const w = window;
if (!w.__run || w.__run.done === null) return null;
return { click: w.__run.click, done: w.__run.done,
         rows: document.querySelectorAll('#query-log tr.query').length };
";

async fn type_into(client: &Client, css: &str, text: &str) -> Result<(), String> {
    let input = client
        .find(Locator::Css(css))
        .await
        .map_err(|e| format!("{css}: {e}"))?;
    input
        .clear()
        .await
        .map_err(|e| format!("clear {css}: {e}"))?;
    input
        .send_keys(text)
        .await
        .map_err(|e| format!("type into {css}: {e}"))
}

/// Loads `url` cold, measures time to interactive, then runs one check of `domain` from
/// `ips` (comma-separated) and times it.
pub async fn run(client: &Client, url: &str, domain: &str, ips: &str) -> Result<PageRun, String> {
    client
        .goto(url)
        .await
        .map_err(|e| format!("navigate to {url}: {e}"))?;
    let script = TTI_SCRIPT.replace("PAGE_URL", &serde_json::to_string(url).expect("a string"));
    let tti = poll(
        client,
        "#submit to be rendered and enabled",
        &script,
        LOAD_TIMEOUT,
    )
    .await?;
    let tti_ms = tti["tti"].as_f64().ok_or("no TTI stamp")?;
    let tti_exact = tti["exact"].as_bool().unwrap_or(false);

    type_into(client, "#domain", domain).await?;
    type_into(client, "#ips", ips).await?;
    client
        .execute(RUN_SCRIPT, vec![])
        .await
        .map_err(|e| format!("install the run observer: {e}"))?;
    client
        .find(Locator::Css("#submit"))
        .await
        .map_err(|e| format!("#submit: {e}"))?
        .click()
        .await
        .map_err(|e| format!("click #submit: {e}"))?;
    let done = poll(
        client,
        "#results[data-state=done]",
        DONE_SCRIPT,
        RUN_TIMEOUT,
    )
    .await?;
    let click = done["click"].as_f64().ok_or("the click was not stamped")?;
    let finished = done["done"].as_f64().ok_or("no done stamp")?;
    Ok(PageRun {
        tti_ms,
        tti_exact,
        wall_ms: finished - click,
        log_rows: done["rows"].as_u64().unwrap_or(0),
    })
}
