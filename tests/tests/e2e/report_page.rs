//! The report page in headless Chromium, served by the real `inboxable-doh` with the
//! fixture zones: SPF pass and fail cards, the fix disclosure and the "fix all" snippet,
//! the lookup meter, Indonesian, and a keyboard-only run. Screenshots go to
//! `target/screenshots/`.
//!
//! Each flow returns `Result` instead of panicking so the browser session is always
//! closed before the test fails.

use fantoccini::Client;
use fantoccini::key::Key;
use serde_json::Value;

use inboxable_e2e::browser::{
    Flow, eval, open, page_backend, screenshot, wait_css, wait_done, wait_resolver_this,
    with_browser,
};
use inboxable_e2e::ensure;

/// The card of check `id` as `{status, subject, text, fixes: [pre.fix-record texts],
/// explains, copies}`.
async fn card(client: &Client, id: &str) -> Result<Value, String> {
    let css = format!("article.check[data-id=\"{id}\"]");
    let value = eval(
        client,
        &format!(
            "const c = document.querySelector({}); if (!c) return null; \
             return {{ status: c.dataset.status, subject: c.dataset.subject || null, \
               text: c.textContent, \
               explains: c.querySelectorAll('details.explain').length, \
               fixes: Array.from(c.querySelectorAll('details.explain pre.fix-record')) \
                 .map(p => p.textContent), \
               copies: c.querySelectorAll('details.explain button.copy').length }};",
            serde_json::to_string(&css).expect("string")
        ),
    )
    .await?;
    ensure!(!value.is_null(), "no {css} on the page");
    Ok(value)
}

async fn verdict(client: &Client) -> Result<(String, String), String> {
    let v = eval(
        client,
        "const v = document.querySelector('#verdict'); \
         return v ? [v.dataset.status || '', v.textContent.trim()] : null;",
    )
    .await?;
    let status = v[0].as_str().ok_or_else(|| format!("no #verdict: {v}"))?;
    Ok((status.to_owned(), v[1].as_str().unwrap_or("").to_owned()))
}

async fn fix_all(client: &Client) -> Result<String, String> {
    let v = eval(
        client,
        "const s = document.querySelector('section#fix-all'); if (!s) return null; \
         return Array.from(s.querySelectorAll('pre.fix-all-snippet')) \
           .map(p => p.textContent).join('\\n');",
    )
    .await?;
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| "no section#fix-all".to_owned())
}

/// Asserts the `spf.lookups` card shows "N / 10" (text or meter).
async fn lookups_shown(client: &Client, expected: u64) -> Flow {
    let c = card(client, "spf.lookups").await?;
    let text = c["text"].as_str().unwrap_or("");
    ensure!(
        text.contains(&format!("{expected} / 10")),
        "the spf.lookups card does not show \"{expected} / 10\": {text:?}"
    );
    let meter = eval(
        client,
        "const m = document.querySelector('article.check[data-id=\"spf.lookups\"] meter'); \
         return m ? [m.value, m.max] : null;",
    )
    .await?;
    ensure!(!meter.is_null(), "no meter in the spf.lookups card");
    ensure!(
        meter[0].as_f64() == Some(expected as f64) && meter[1].as_f64() == Some(10.0),
        "meter {meter}, expected {expected} of 10"
    );
    Ok(())
}

async fn full_page(client: &Client, width: u32) -> Flow {
    client
        .set_window_size(width, 3000)
        .await
        .map_err(|e| format!("resize: {e}"))
}

#[tokio::test]
async fn spf_pass_card_for_the_authorised_ip() {
    let backend = page_backend(&[]);
    let url = format!(
        "{}/?domain=example.com&ip=192.0.2.25&lang=en",
        backend.http_url()
    );
    with_browser(1280, 3000, async |client: &Client| -> Flow {
        open(client, &url).await?;
        wait_done(client).await?;
        let c = card(client, "spf.authorizes-ip").await?;
        ensure!(c["status"] == "pass", "spf.authorizes-ip: {c:#}");
        ensure!(
            c["subject"] == "192.0.2.25",
            "spf.authorizes-ip subject: {c:#}"
        );
        ensure!(
            c["fixes"].as_array().is_some_and(Vec::is_empty),
            "a passing card proposes a fix: {c:#}"
        );
        lookups_shown(client, 0).await?;
        full_page(client, 1280).await?;
        screenshot(client, "spf-pass-1280").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn spf_fail_card_has_the_fix_in_english_and_indonesian() {
    let backend = page_backend(&[]);
    let base = format!("{}/?domain=example.com&ip=192.0.2.99", backend.http_url());
    let english = format!("{base}&lang=en");
    let indonesian = format!("{base}&lang=id");
    with_browser(375, 3000, async |client: &Client| -> Flow {
        open(client, &english).await?;
        wait_done(client).await?;
        let c = card(client, "spf.authorizes-ip").await?;
        ensure!(c["status"] == "fail", "spf.authorizes-ip: {c:#}");
        ensure!(c["subject"] == "192.0.2.99", "subject: {c:#}");
        ensure!(
            c["explains"].as_u64() >= Some(1),
            "no details.explain: {c:#}"
        );
        let fixes: Vec<&str> = c["fixes"]
            .as_array()
            .map(|f| f.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let record = fixes
            .iter()
            .find(|f| f.contains("ip4:192.0.2.99"))
            .ok_or_else(|| format!("no pre.fix-record with ip4:192.0.2.99: {c:#}"))?
            .to_string();
        ensure!(record.contains("v=spf1"), "fix record: {record}");
        ensure!(c["copies"].as_u64() >= Some(1), "no button.copy: {c:#}");
        lookups_shown(client, 0).await?;
        let snippet = fix_all(client).await?;
        ensure!(
            snippet.contains("ip4:192.0.2.99"),
            "#fix-all does not hold the SPF fix: {snippet:?}"
        );
        let (status, english_text) = verdict(client).await?;
        ensure!(status == "fail", "#verdict data-status {status}");
        let overflow = eval(
            client,
            "return document.documentElement.scrollWidth - window.innerWidth;",
        )
        .await?;
        ensure!(
            overflow.as_i64().unwrap_or(0) <= 0,
            "at 375 px the report scrolls sideways by {overflow} px"
        );
        screenshot(client, "spf-fail-375").await?;

        full_page(client, 1280).await?;
        open(client, &indonesian).await?;
        wait_done(client).await?;
        let c = card(client, "spf.authorizes-ip").await?;
        ensure!(c["status"] == "fail", "[id] spf.authorizes-ip: {c:#}");
        ensure!(
            c["fixes"].as_array().is_some_and(|f| f
                .iter()
                .any(|f| f.as_str().is_some_and(|f| f.contains("ip4:192.0.2.99")))),
            "[id] no fix record: {c:#}"
        );
        let (status, indonesian_text) = verdict(client).await?;
        ensure!(status == "fail", "[id] #verdict data-status {status}");
        ensure!(
            indonesian_text != english_text && !indonesian_text.is_empty(),
            "the verdict is not translated: {indonesian_text:?}"
        );
        let lang = eval(client, "return document.documentElement.lang;").await?;
        ensure!(lang == "id", "html lang {lang}");
        screenshot(client, "spf-fail-id-1280").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_form_completes_with_the_keyboard_only() {
    let backend = page_backend(&[]);
    let home = format!("{}/", backend.http_url());
    with_browser(1280, 900, async |client: &Client| -> Flow {
        open(client, &home).await?;
        wait_css(client, "#check-form").await?;
        wait_resolver_this(client).await?;
        eval(
            client,
            "document.querySelector('#domain').focus(); return true;",
        )
        .await?;
        let active = client
            .active_element()
            .await
            .map_err(|e| format!("active element: {e}"))?;
        active
            .send_keys("example.com")
            .await
            .map_err(|e| format!("type: {e}"))?;
        // Tab through the form until the submit button has the focus.
        let mut reached = false;
        for _ in 0..30 {
            let focused = eval(
                client,
                "return document.activeElement && document.activeElement.id;",
            )
            .await?;
            if focused == "submit" {
                reached = true;
                break;
            }
            client
                .active_element()
                .await
                .map_err(|e| format!("active element: {e}"))?
                .send_keys(&String::from(char::from(Key::Tab)))
                .await
                .map_err(|e| format!("Tab: {e}"))?;
        }
        ensure!(reached, "Tab never reached #submit");
        client
            .active_element()
            .await
            .map_err(|e| format!("active element: {e}"))?
            .send_keys(&String::from(char::from(Key::Enter)))
            .await
            .map_err(|e| format!("Enter: {e}"))?;
        wait_done(client).await?;
        let c = card(client, "spf.present").await?;
        ensure!(
            c["status"] == "pass",
            "spf.present after a keyboard run: {c:#}"
        );
        Ok(())
    })
    .await;
}

/// A check run again — after the user has fixed a record — must see the resolver's
/// answer of now. `inboxable-doh` gives its answers an HTTP freshness lifetime (RFC 8484
/// §5.1: `max-age=300` for the fixture's records), as public resolvers do; the page asks
/// with `cache: no-store`, so the second run's questions reach the resolver again instead
/// of being answered from the browser's HTTP cache.
#[tokio::test]
async fn a_check_run_again_asks_the_resolver_again() {
    let backend = page_backend(&["--log-queries"]);
    let answer = backend.get("/dns-query?name=example.com&type=MX");
    assert_eq!(
        answer.header("cache-control"),
        Some("max-age=300"),
        "inboxable-doh's answer has no freshness lifetime: {answer:?}"
    );
    let url = format!(
        "{}/?domain=example.com&ip=192.0.2.25&lang=en",
        backend.http_url()
    );
    let asked = |sent: &[inboxable_e2e::LoggedQuery]| {
        sent.iter()
            .filter(|q| q.name == "example.com" && q.qtype == "TXT")
            .count()
    };
    let before = asked(&backend.queries_until_now());
    with_browser(1280, 900, async |client: &Client| -> Flow {
        for run in 1..=2 {
            open(client, &url).await?;
            wait_done(client).await?;
            let sent = asked(&backend.queries_until_now()) - before;
            ensure!(
                sent == run,
                "after run {run} the resolver was asked for example.com TXT {sent} time(s)"
            );
        }
        Ok(())
    })
    .await;
}
