//! The page in headless Chromium, served by the real `inboxable-doh` with the fixture
//! zones: the backend is preselected as resolver, bad input is refused before any
//! query, a check runs to the end and shows the fixture's facts and its query log, a
//! share link re-runs in Indonesian. Screenshots go to `target/screenshots/`.
//!
//! Each flow returns `Result` instead of panicking so the browser session is always
//! closed before the test fails.

use fantoccini::Client;
use serde_json::Value;

use inboxable_e2e::browser::{
    Flow, eval, query_rows, screenshot, wait_css, wait_done, wait_js, wait_resolver_this,
    with_browser,
};
use inboxable_e2e::ensure;
use inboxable_e2e::{Backend, dist_dir, zones_dir};

async fn field(client: &Client, css: &str) -> Result<fantoccini::elements::Element, String> {
    wait_css(client, css).await
}

async fn type_into(client: &Client, css: &str, text: &str) -> Flow {
    let input = field(client, css).await?;
    input
        .clear()
        .await
        .map_err(|e| format!("clear {css}: {e}"))?;
    if !text.is_empty() {
        input
            .send_keys(text)
            .await
            .map_err(|e| format!("type into {css}: {e}"))?;
    }
    Ok(())
}

async fn value_of(client: &Client, css: &str) -> Result<Value, String> {
    eval(
        client,
        &format!(
            "const e = document.querySelector({}); return e ? e.value : null;",
            serde_json::to_string(css).expect("string")
        ),
    )
    .await
}

/// Every fact on the page as `{kind, name, outcome, text}`.
async fn page_facts(client: &Client) -> Result<Vec<Value>, String> {
    let value = eval(
        client,
        "return Array.from(document.querySelectorAll('.fact')).map(f => ({ \
           kind: f.dataset.kind, name: f.dataset.name, outcome: f.dataset.outcome, \
           text: Array.from(f.querySelectorAll('.fact-value')).map(v => v.textContent).join('\\n') \
         }));",
    )
    .await?;
    Ok(value.as_array().cloned().unwrap_or_default())
}

fn find_fact<'a>(facts: &'a [Value], kind: &str, name: &str) -> Result<&'a Value, String> {
    facts
        .iter()
        .find(|f| f["kind"] == kind && f["name"] == name)
        .ok_or_else(|| format!("no .fact[data-kind={kind}][data-name={name}] in {facts:#?}"))
}

async fn submit_text(client: &Client) -> Result<String, String> {
    let text = eval(
        client,
        "const b = document.querySelector('#submit'); \
         return b ? (b.innerText || b.value || '').trim() : null;",
    )
    .await?;
    text.as_str()
        .map(str::to_owned)
        .ok_or_else(|| "no #submit button".to_owned())
}

#[tokio::test]
async fn the_page_checks_the_healthy_fixture_through_its_own_backend() {
    let dist = dist_dir();
    let dist = dist.to_str().expect("UTF-8 path");
    let backend = Backend::start(&zones_dir(), &["--static", dist, "--log-queries"]);
    let home = format!("{}/", backend.http_url());

    with_browser(1280, 900, async |client: &Client| -> Flow {
        client
            .goto(&home)
            .await
            .map_err(|e| format!("open {home}: {e}"))?;
        wait_css(client, "#check-form").await?;

        // Served by the backend, the page reads ./info and picks it as resolver.
        wait_resolver_this(client).await?;
        let english_submit = submit_text(client).await?;
        ensure!(!english_submit.is_empty(), "the submit button has no text");

        // Bad input: an error at the domain field, nothing sent to DNS.
        type_into(client, "#domain", "exa mple..com").await?;
        field(client, "#submit")
            .await?
            .click()
            .await
            .map_err(|e| format!("click #submit: {e}"))?;
        let error = wait_js(
            client,
            "a .field-error at the domain field",
            "const e = document.querySelector('[data-field=\"domain\"] .field-error'); \
             return e && e.textContent.trim() ? e.textContent.trim() : null;",
        )
        .await?;
        ensure!(error.is_string(), "field error: {error}");
        ensure!(
            query_rows(client).await? == 0,
            "the query log has rows after invalid input"
        );
        let sent = backend.queries_until_now();
        ensure!(sent.is_empty(), "invalid input reached DNS: {sent:?}");

        // A real check of the healthy fixture, with its mail server's IP.
        type_into(client, "#domain", "example.com").await?;
        type_into(client, "#ips", "192.0.2.25").await?;
        field(client, "#submit")
            .await?
            .click()
            .await
            .map_err(|e| format!("click #submit: {e}"))?;
        wait_done(client).await?;
        let error_gone = eval(
            client,
            "const e = document.querySelector('[data-field=\"domain\"] .field-error'); \
             return !e || !e.textContent.trim();",
        )
        .await?;
        ensure!(
            error_gone == Value::Bool(true),
            "the domain error is still shown"
        );

        let facts = page_facts(client).await?;
        let mx = find_fact(&facts, "mx", "example.com")?;
        ensure!(mx["outcome"] == "records", "MX fact: {mx}");
        ensure!(
            mx["text"]
                .as_str()
                .unwrap_or("")
                .contains("mail.example.com"),
            "the MX fact does not show mail.example.com: {mx}"
        );
        let ptr = find_fact(&facts, "ptr", "25.2.0.192.in-addr.arpa")?;
        ensure!(
            ptr["outcome"] == "records"
                && ptr["text"]
                    .as_str()
                    .unwrap_or("")
                    .contains("mail.example.com"),
            "the PTR fact of 192.0.2.25 does not show mail.example.com: {ptr}"
        );
        let nodata = find_fact(&facts, "domain-aaaa", "example.com")?;
        ensure!(
            nodata["outcome"] == "nodata",
            "AAAA of example.com: {nodata}"
        );

        // Issue 9: the page says which kind of resolver answered. This backend
        // serves zones only, so it is "this server", not a resolver of its own.
        let note = eval(
            client,
            "const n = document.querySelector('#resolver-note'); \
             return n ? [n.dataset.kind, n.textContent] : null;",
        )
        .await?;
        ensure!(
            note[0] == "this-server" && note[1].as_str().unwrap_or("").contains("zones"),
            "#resolver-note should say the page's own backend answered in zones mode: {note}"
        );

        let rows = query_rows(client).await?;
        ensure!(rows > 0, "#query-log has no tr.query rows");
        let sent = backend.queries_until_now();
        ensure!(
            sent.iter()
                .any(|q| q.name == "example.com" && q.qtype == "MX"),
            "the page did not query its own backend: {sent:?}"
        );
        ensure!(
            rows as usize >= sent.len(),
            "{rows} rows in the page's log for {} queries the backend answered",
            sent.len()
        );

        screenshot(client, "check-desktop-1280").await?;
        client
            .set_window_size(375, 812)
            .await
            .map_err(|e| format!("resize: {e}"))?;
        let overflow = eval(
            client,
            "return document.documentElement.scrollWidth - window.innerWidth;",
        )
        .await?;
        screenshot(client, "check-mobile-375").await?;
        ensure!(
            overflow.as_i64().unwrap_or(0) <= 0,
            "at 375 px the page scrolls sideways by {overflow} px"
        );

        // A share link fills the form and runs, in Indonesian.
        let link = format!("{home}?domain=example.com&ip=192.0.2.25&lang=id");
        client
            .set_window_size(1280, 900)
            .await
            .map_err(|e| format!("resize: {e}"))?;
        client
            .goto(&link)
            .await
            .map_err(|e| format!("open {link}: {e}"))?;
        wait_done(client).await?;
        ensure!(
            value_of(client, "#domain").await? == "example.com",
            "the link did not fill #domain"
        );
        ensure!(
            value_of(client, "#lang").await? == "id",
            "the link did not select Indonesian"
        );
        let facts = page_facts(client).await?;
        find_fact(&facts, "mx", "example.com")?;
        let indonesian_submit = submit_text(client).await?;
        let html_lang = eval(client, "return document.documentElement.lang;").await?;
        ensure!(
            indonesian_submit != english_submit || html_lang == "id",
            "the page is not in Indonesian: submit {indonesian_submit:?}, html lang {html_lang}"
        );
        ensure!(
            indonesian_submit != english_submit,
            "the submit button still reads {english_submit:?} in Indonesian"
        );
        screenshot(client, "check-link-id-1280").await?;
        Ok(())
    })
    .await;
}

/// The browser harness on its own, with a page of ours in a temporary directory: the
/// backend serves static files and `/info`, and a real browser can fetch DoH JSON from it.
#[tokio::test]
async fn a_browser_fetches_doh_json_from_the_backend_serving_it() {
    let site = tempfile::tempdir().expect("a temporary site");
    std::fs::write(
        site.path().join("index.html"),
        "<!doctype html><title>probe</title><pre id=out>waiting</pre><script>\
         Promise.all([fetch('/info').then(r => r.json()), \
           fetch('/dns-query?name=example.com&type=MX', \
                 {headers: {accept: 'application/dns-json'}}).then(r => r.json())]) \
         .then(([info, mx]) => { document.getElementById('out').textContent = \
           JSON.stringify({zones: info.zones, mx: mx.Answer.map(a => a.data)}); }) \
         .catch(e => { document.getElementById('out').textContent = 'error ' + e; });\
         </script>",
    )
    .expect("write index.html");
    let dir = site.path().to_str().expect("UTF-8 path").to_owned();
    let backend = Backend::start(&zones_dir(), &["--static", &dir]);
    let url = format!("{}/some/client/route", backend.http_url());

    with_browser(800, 600, async |client: &Client| -> Flow {
        client
            .goto(&url)
            .await
            .map_err(|e| format!("open {url}: {e}"))?;
        let text = wait_js(
            client,
            "#out to change",
            "const t = document.getElementById('out').textContent; \
             return t === 'waiting' ? null : t;",
        )
        .await?;
        let text = text.as_str().unwrap_or_default();
        let parsed: Value = serde_json::from_str(text).map_err(|e| format!("{e}: {text}"))?;
        ensure!(
            parsed["mx"] == serde_json::json!(["10 mail.example.com."]),
            "{parsed}"
        );
        ensure!(
            parsed["zones"]
                .as_array()
                .is_some_and(|z| z.iter().any(|z| z == "example.com.")),
            "{parsed}"
        );
        let title = client.title().await.map_err(|e| e.to_string())?;
        ensure!(title == "probe", "index.html fallback not served: {title}");
        Ok(())
    })
    .await;
}
