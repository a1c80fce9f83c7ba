//! Share links, snapshot links, exports, print and small screens, in headless Chromium
//! against the real `inboxable-doh` serving the fixture zones and the page:
//!
//! * the inputs link of a finished run, opened in a fresh page, fills the form and
//!   runs the same check to the same statuses;
//! * a snapshot link renders the same report from a plain static server (the page
//!   under a sub-path, as on GitHub Pages) after the backend was stopped, with no
//!   DNS query, and the DQS key used by the run is in neither link;
//! * the page's JSON export equals `inboxable check --format json` for the same run;
//! * the print stylesheet (print media emulated through chromedriver's CDP command);
//! * pass and fail fixtures in English and Indonesian at 1280 and 375 px with every
//!   control named and nothing cut off or scrolling sideways.
//!
//! Screenshots go to `target/screenshots/`.

use std::time::Duration;

use fantoccini::{Client, Locator};
use serde_json::{Value, json};

use inboxable_e2e::browser::{
    Chromedriver, Flow, eval, open, page_backend, screenshot, statuses, wait_css, wait_js,
    wait_resolver_this, with_browser,
};
use inboxable_e2e::{Backend, StaticServer, dist_dir, ensure, run_cli, try_http_get, zones_dir};

/// A DQS key the fixture run uses: it must reach the backend's query log and no link.
const DQS_KEY: &str = "sharetestkey0123456789";

async fn wait_done(client: &Client) -> Flow {
    wait_js(
        client,
        "#results[data-state=done] and its toolbar",
        "return document.querySelector('#results[data-state=done] #report-toolbar') !== null;",
    )
    .await
    .map(drop)
}

/// The toolbar's `data-{attribute}`, waiting for it: the snapshot is encoded just after
/// the finished report is painted.
async fn toolbar(client: &Client, attribute: &str) -> Result<String, String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let v = eval(
            client,
            &format!("return document.querySelector('#report-toolbar').dataset.{attribute};"),
        )
        .await?;
        if let Some(text) = v.as_str() {
            return Ok(text.to_owned());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("#report-toolbar has no data-{attribute}: {v}"));
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}

async fn click(client: &Client, css: &str) -> Flow {
    client
        .find(Locator::Css(css))
        .await
        .map_err(|e| format!("{css}: {e}"))?
        .click()
        .await
        .map_err(|e| format!("click {css}: {e}"))
}

async fn field_value(client: &Client, id: &str) -> Result<String, String> {
    let v = eval(
        client,
        &format!("return document.getElementById('{id}').value;"),
    )
    .await?;
    Ok(v.as_str().unwrap_or_default().to_owned())
}

/// Opens `url` and waits for the finished report.
async fn run_page(client: &Client, url: &str) -> Flow {
    open(client, url).await?;
    wait_done(client).await
}

#[tokio::test]
async fn a_share_link_opened_in_a_fresh_page_reruns_the_same_check() {
    let backend = page_backend(&["--log-queries"]);
    let home = format!("{}/", backend.http_url());
    let origin = backend.http_url();
    with_browser(1280, 2000, async |client: &Client| -> Flow {
        open(client, &home).await?;
        wait_resolver_this(client).await?;
        for (id, text) in [("domain", "example.com"), ("ips", "192.0.2.99")] {
            client
                .find(Locator::Id(id))
                .await
                .map_err(|e| format!("#{id}: {e}"))?
                .send_keys(text)
                .await
                .map_err(|e| format!("type into #{id}: {e}"))?;
        }
        click(client, "#submit").await?;
        wait_done(client).await?;
        let before = statuses(client).await?;
        ensure!(
            before
                .get("spf.authorizes-ip|192.0.2.99")
                .map(String::as_str)
                == Some("fail"),
            "the fixture run did not fail SPF: {before:?}"
        );

        let link = toolbar(client, "link").await?;
        ensure!(
            link.starts_with(&format!("{origin}/?domain=example.com"))
                && link.contains("ip=192.0.2.99")
                && link.contains("resolver=this")
                && !link.contains('#'),
            "inputs link {link}"
        );
        // The address bar holds the same link after the run.
        let address = eval(client, "return location.href;").await?;
        ensure!(
            address == link.as_str(),
            "address bar {address} vs link {link}"
        );
        click(client, "#copy-link").await?;
        wait_js(
            client,
            "the copy status",
            "const s = document.querySelector('#copy-link + .copy-status'); \
             return s && s.textContent.trim().length > 0;",
        )
        .await?;

        // A fresh page: nothing of the first one survives but the link.
        open(client, "about:blank").await?;
        run_page(client, &link).await?;
        ensure!(
            field_value(client, "domain").await? == "example.com",
            "#domain"
        );
        ensure!(field_value(client, "ips").await? == "192.0.2.99", "#ips");
        let after = statuses(client).await?;
        ensure!(before == after, "statuses differ:\n{before:?}\n{after:?}");

        // Re-run from a snapshot of this live run: same statuses, banner gone, and
        // the address bar holds the inputs link again.
        let snapshot = toolbar(client, "snapshot").await?;
        open(client, "about:blank").await?;
        open(client, &snapshot).await?;
        wait_css(client, "#snapshot-banner").await?;
        click(client, "#rerun").await?;
        wait_js(
            client,
            "a finished re-run without the banner",
            "return document.querySelector('#snapshot-banner') === null && \
             document.querySelector('#results[data-state=done] #report-toolbar') !== null;",
        )
        .await?;
        ensure!(statuses(client).await? == before, "re-run statuses differ");
        let address = eval(client, "return location.href;").await?;
        ensure!(
            address == link.as_str(),
            "after re-run: {address} vs {link}"
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_snapshot_link_renders_with_the_backend_stopped() {
    let backend = page_backend(&["--log-queries"]);
    let origin = backend.http_url();
    let run_url = format!("{origin}/?domain=example.com&ip=192.0.2.99&lang=en");
    let home = format!("{origin}/");

    // The page under a sub-path of a static host, as on GitHub Pages.
    let site = tempfile::tempdir().expect("a temporary site");
    std::fs::create_dir_all(site.path().join("inboxable")).expect("mkdir");
    std::os::unix::fs::symlink(dist_dir(), site.path().join("inboxable/app")).expect("symlink");

    let mut backend = Some(backend);
    with_browser(1280, 2000, async |client: &Client| -> Flow {
        // The run uses a DQS key from this browser's storage.
        open(client, &home).await?;
        eval(
            client,
            &format!("localStorage.setItem('inboxable.dqs-key', '{DQS_KEY}'); return true;"),
        )
        .await?;
        run_page(client, &run_url).await?;
        let cards = statuses(client).await?;
        let verdict = eval(
            client,
            "return document.querySelector('#verdict').dataset.status;",
        )
        .await?;
        let link = toolbar(client, "link").await?;
        let snapshot = toolbar(client, "snapshot").await?;
        let dropped = toolbar(client, "answersDropped").await?;
        let queries = eval(
            client,
            "return document.querySelectorAll('.query-log tbody tr').length;",
        )
        .await?;
        eprintln!(
            "snapshot link: {} characters for {} checks and {queries} queries \
             (answers dropped: {dropped})",
            snapshot.len(),
            cards.len()
        );
        let backend_log = backend.as_ref().expect("running").stderr_text();
        ensure!(
            backend_log.contains(DQS_KEY),
            "the run never used the DQS key, so its absence proves nothing"
        );
        ensure!(
            !link.contains(DQS_KEY) && !snapshot.contains(DQS_KEY),
            "key in a link"
        );
        let (_, fragment) = snapshot
            .split_once('#')
            .ok_or_else(|| format!("no fragment in {snapshot}"))?;
        ensure!(fragment.starts_with("snapshot=v1."), "fragment {fragment}");

        // Stop the backend: any DNS query from now on has nowhere to go.
        let stopped = backend.take().expect("running");
        let addr = stopped.http_addr();
        drop(stopped);
        ensure!(
            try_http_get(&format!("http://{addr}/health"), Duration::from_secs(2)).is_err(),
            "the backend still answers"
        );
        let server = StaticServer::start(site.path());
        let static_url = format!("http://127.0.0.1:{}/inboxable/app/#{fragment}", server.port);
        open(client, "about:blank").await?;
        open(client, &static_url).await?;
        wait_css(client, "#snapshot-banner").await?;
        wait_done(client).await?;
        let banner = eval(
            client,
            "const b = document.querySelector('#snapshot-banner'); \
             return [b.textContent, b.dataset.taken];",
        )
        .await?;
        let (text, taken) = (
            banner[0].as_str().unwrap_or(""),
            banner[1].as_str().unwrap_or(""),
        );
        ensure!(
            text.contains("Snapshot of a check run on")
                && taken.len() >= 16
                && text.contains(&taken[..10]),
            "banner {banner}"
        );
        ensure!(
            statuses(client).await? == cards,
            "the snapshot's cards differ"
        );
        let again = eval(
            client,
            "return document.querySelector('#verdict').dataset.status;",
        )
        .await?;
        ensure!(again == verdict, "verdict {again} vs {verdict}");
        ensure!(
            field_value(client, "domain").await? == "example.com",
            "the form does not hold the snapshot's inputs"
        );

        // No request left the static host, and it served no DNS query.
        let resources = eval(
            client,
            "return performance.getEntriesByType('resource').map(e => e.name);",
        )
        .await?;
        let static_origin = format!("http://127.0.0.1:{}/", server.port);
        for name in resources.as_array().into_iter().flatten() {
            let name = name.as_str().unwrap_or("");
            ensure!(
                name.starts_with(&static_origin) && !name.contains("dns-query"),
                "the snapshot page fetched {name}"
            );
        }
        let served = server.requests();
        ensure!(
            !served.iter().any(|l| l.contains("dns-query")),
            "the static host was asked a DNS query: {served:?}"
        );
        let html = eval(client, "return document.documentElement.outerHTML;").await?;
        ensure!(
            !html.as_str().unwrap_or("").contains(DQS_KEY),
            "the DQS key is on the snapshot page"
        );

        // The same snapshot in Indonesian, at 375 px.
        client
            .set_window_size(375, 2000)
            .await
            .map_err(|e| format!("resize: {e}"))?;
        eval(
            client,
            "const s = document.querySelector('#lang'); s.value = 'id'; \
             s.dispatchEvent(new Event('change', {bubbles: true})); return true;",
        )
        .await?;
        wait_js(
            client,
            "the Indonesian banner",
            "const b = document.querySelector('#snapshot-banner'); \
             return b && b.textContent.includes('Snapshot pemeriksaan');",
        )
        .await?;
        ensure!(
            statuses(client).await? == cards,
            "[id] the snapshot's cards differ"
        );
        ensure!(
            eval(client, "return location.hash;").await?.as_str() == Some(&format!("#{fragment}")),
            "the language switch dropped the snapshot from the address bar"
        );
        no_overflow(client, "snapshot id 375").await?;
        screenshot(client, "snapshot-id-375").await?;
        Ok(())
    })
    .await;
}

/// The JSON report with what differs between two runs of the same check removed:
/// the query timings, and the query log's order (queries are logged as they
/// complete, which the network decides).
fn without_timing(mut report: Value) -> Value {
    if let Some(queries) = report["queries"].as_array_mut() {
        for q in queries.iter_mut() {
            if let Some(q) = q.as_object_mut() {
                q.remove("started_ms");
                q.remove("duration_ms");
            }
        }
        queries.sort_by_key(|q| q.to_string());
    }
    // Facts and checks are listed in the order their answers arrived, which differs
    // between two runs; the content must not.
    for list in ["facts", "checks"] {
        if let Some(items) = report[list].as_array_mut() {
            items.sort_by_key(|item| item.to_string());
        }
    }
    report
}

#[tokio::test]
async fn the_json_export_equals_the_cli_output() {
    // RDAP from this backend for both (an empty directory: every RDAP fetch is a 404), so
    // the page and the CLI see the same answers; by default both would ask IANA, and a
    // browser and a native client word a failed connection differently.
    let rdap = tempfile::tempdir().expect("tempdir");
    let dist = dist_dir();
    let backend = Backend::start(
        &zones_dir(),
        &[
            "--static",
            dist.to_str().expect("UTF-8 path"),
            "--rdap",
            rdap.path().to_str().expect("UTF-8 path"),
        ],
    );
    let bootstrap = format!("{}/rdap/bootstrap/", backend.http_url());
    let url = format!(
        "{}/?domain=example.com&ip=192.0.2.99&lang=id",
        backend.http_url()
    );
    let doh = backend.doh_url();
    let cli = run_cli(&[
        "check",
        "example.com",
        "--ip",
        "192.0.2.99",
        "--resolver",
        &doh,
        "--lang",
        "id",
        "--format",
        "json",
        "--rdap-bootstrap",
        &bootstrap,
    ]);
    assert!(
        !cli.stdout.is_empty(),
        "no CLI output; stderr:\n{}",
        cli.stderr
    );
    let cli_json: Value = serde_json::from_str(&cli.stdout).expect("the CLI prints JSON");
    with_browser(1280, 1000, async |client: &Client| -> Flow {
        run_page(client, &url).await?;
        click(client, "#download-json").await?;
        wait_js(
            client,
            "#download-json[data-href]",
            "return document.querySelector('#download-json').dataset.href || null;",
        )
        .await?;
        // The exported bytes, read back from the Blob URL the download used.
        let text = eval(
            client,
            "const x = new XMLHttpRequest(); \
             x.open('GET', document.querySelector('#download-json').dataset.href, false); \
             x.send(); return x.responseText;",
        )
        .await?;
        let text = text.as_str().ok_or("no export text")?;
        ensure!(
            text.ends_with("}\n"),
            "the export does not end as the CLI's does"
        );
        let page_json: Value =
            serde_json::from_str(text).map_err(|e| format!("the export is not JSON: {e}"))?;
        ensure!(
            page_json["schema"] == 1 && page_json["lang"] == "id",
            "{page_json:#}"
        );
        let (page, cli) = (without_timing(page_json), without_timing(cli_json.clone()));
        if page != cli {
            let (p, c) = (
                serde_json::to_string_pretty(&page).unwrap_or_default(),
                serde_json::to_string_pretty(&cli).unwrap_or_default(),
            );
            let first = p
                .lines()
                .zip(c.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            let context = |s: &str| {
                s.lines()
                    .skip(first.saturating_sub(5))
                    .take(12)
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            return Err(format!(
                "the page's JSON differs from the CLI's at line {first}:\npage:\n{}\ncli:\n{}",
                context(&p),
                context(&c)
            ));
        }
        // Same text too, once the timings are the same: the page pretty-prints as
        // the CLI does.
        let reprinted = format!(
            "{}\n",
            serde_json::to_string_pretty(&serde_json::from_str::<Value>(text).unwrap_or_default())
                .unwrap_or_default()
        );
        ensure!(
            reprinted == text,
            "the export is not the CLI's pretty-printed form"
        );
        Ok(())
    })
    .await;
}

/// chromedriver's `goog/cdp/execute`: one Chrome DevTools Protocol command.
#[derive(Debug)]
struct Cdp(&'static str, Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.0, "params": self.1 });
        (http::Method::POST, Some(body.to_string()))
    }
}

#[tokio::test]
async fn the_print_stylesheet_shows_the_report_only() {
    let backend = page_backend(&["--log-queries"]);
    let url = format!(
        "{}/?domain=example.com&ip=192.0.2.99&lang=en",
        backend.http_url()
    );
    let driver = Chromedriver::start();
    let profile = tempfile::tempdir().expect("a profile");
    let client = driver.session(profile.path(), 1000, 4000).await;
    let result = async {
        run_page(&client, &url).await?;
        let links = eval(
            &client,
            "return document.querySelectorAll('details.explain a[href^=\"http\"]').length;",
        )
        .await?;
        ensure!(links.as_u64() > Some(0), "no reference link to print");
        client
            .issue_cmd(Cdp("Emulation.setEmulatedMedia", json!({ "media": "print" })))
            .await
            .map_err(|e| format!("print emulation through CDP: {e}"))?;
        let seen = eval(
            &client,
            "const shown = s => { const e = document.querySelector(s); \
               return !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0; }; \
             const fix = document.querySelector('details.explain pre.fix-record'); \
             const link = document.querySelector('details.explain a[href^=\"http\"]'); \
             return { print: matchMedia('print').matches, form: shown('#check-form'), \
               toolbar: shown('#report-toolbar'), buttons: Array.from(document.querySelectorAll('button')) \
                 .filter(b => b.getClientRects().length > 0).length, \
               verdict: shown('#verdict'), record: !!fix && fix.getClientRects().length > 0, \
               cards: Array.from(document.querySelectorAll('article.check')) \
                 .filter(c => getComputedStyle(c).contentVisibility !== 'visible').length, \
               after: link ? getComputedStyle(link, '::after').content : '', \
               bg: getComputedStyle(document.body).backgroundColor, \
               color: getComputedStyle(document.body).color };",
        )
        .await?;
        ensure!(seen["print"] == true, "print media not emulated: {seen}");
        ensure!(seen["form"] == false && seen["toolbar"] == false, "controls print: {seen}");
        ensure!(seen["buttons"] == 0, "buttons print: {seen}");
        ensure!(seen["verdict"] == true, "the verdict does not print: {seen}");
        // On screen, off-screen cards skip rendering (`content-visibility: auto`).
        ensure!(seen["cards"] == 0, "cards may be skipped in print: {seen}");
        ensure!(seen["record"] == true, "closed explanations do not print open: {seen}");
        ensure!(
            seen["after"].as_str().is_some_and(|a| a.contains("http")),
            "links print without their URL: {seen}"
        );
        ensure!(
            seen["bg"] == "rgb(255, 255, 255)" && seen["color"] == "rgb(0, 0, 0)",
            "not black on white: {seen}"
        );
        screenshot(&client, "print-1000").await?;
        Ok::<(), String>(())
    }
    .await;
    let closed = client.close().await;
    if let Err(message) = result {
        panic!("{message}");
    }
    closed.expect("closing the session");
}

/// Fails when anything on the page scrolls sideways, a card, button or cell is wider
/// than its box, or a text is cut with an ellipsis; also when a control has no name.
async fn no_overflow(client: &Client, what: &str) -> Flow {
    let found = eval(
        client,
        "const out = []; \
         const page = document.documentElement.scrollWidth - window.innerWidth; \
         if (page > 0) out.push('page scrolls sideways by ' + page + ' px'); \
         const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + \
           (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + \
           ' \"' + (e.textContent || '').trim().slice(0, 60) + '\"'; \
         const boxes = 'article.check, .card, .verdict, .toolbar, .snapshot-banner, button, \
           select, input, .fact, .bl-tile, .loop-box, .badge, .check-head, label, legend, h1, h2, h3, h4'; \
         for (const e of document.querySelectorAll(boxes)) { \
           if (e.getClientRects().length === 0) continue; \
           const s = getComputedStyle(e); \
           if (s.overflowX === 'auto' || s.overflowX === 'scroll') continue; \
           if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0) \
             out.push('overflows its box (' + e.scrollWidth + ' > ' + e.clientWidth + '): ' + describe(e)); \
           const r = e.getBoundingClientRect(); \
           if (r.right > window.innerWidth + 1) out.push('sticks out of the viewport: ' + describe(e)); \
         } \
         for (const e of document.querySelectorAll('body *')) { \
           if (e.getClientRects().length === 0) continue; \
           const s = getComputedStyle(e); \
           if (s.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth) \
             out.push('cut with an ellipsis: ' + describe(e)); \
         } \
         const name = e => (e.getAttribute('aria-label') || '').trim() || \
           (e.getAttribute('aria-labelledby') || '').split(/\\s+/).map(id => document.getElementById(id)) \
             .filter(Boolean).map(l => l.textContent.trim()).join(' ') || \
           (e.labels && Array.from(e.labels).map(l => l.textContent.trim()).join(' ')) || \
           (e.tagName === 'BUTTON' || e.tagName === 'SUMMARY' || e.tagName === 'A' ? e.textContent.trim() : ''); \
         for (const e of document.querySelectorAll('input, select, textarea, button, summary, a[href]')) { \
           if (e.getClientRects().length === 0 || e.type === 'hidden') continue; \
           if (!name(e)) out.push('no accessible name: ' + describe(e)); \
         } \
         return out;",
    )
    .await?;
    let problems: Vec<&str> = found
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    ensure!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
    Ok(())
}

/// Opens every disclosure, so hidden text is measured too.
async fn open_all(client: &Client) -> Flow {
    eval(
        client,
        "document.querySelectorAll('details').forEach(d => d.open = true); return true;",
    )
    .await
    .map(drop)
}

#[tokio::test]
async fn pass_and_fail_in_both_languages_at_desktop_and_375_px() {
    let backend = page_backend(&["--log-queries"]);
    let origin = backend.http_url();
    with_browser(1280, 3000, async |client: &Client| -> Flow {
        for (fixture, ip, expected) in [
            ("fail", "192.0.2.99", "fail"),
            ("pass", "192.0.2.25", "pass"),
        ] {
            for lang in ["en", "id"] {
                for width in [1280u32, 375] {
                    client
                        .set_window_size(width, 3000)
                        .await
                        .map_err(|e| format!("resize: {e}"))?;
                    let url = format!("{origin}/?domain=example.com&ip={ip}&lang={lang}");
                    open(client, "about:blank").await?;
                    run_page(client, &url).await?;
                    let cards = statuses(client).await?;
                    let key = format!("spf.authorizes-ip|{ip}");
                    ensure!(
                        cards.get(&key).map(String::as_str) == Some(expected),
                        "{fixture}/{lang}/{width}: {key} is {:?}",
                        cards.get(&key)
                    );
                    let html_lang = eval(client, "return document.documentElement.lang;").await?;
                    ensure!(html_lang == lang, "html lang {html_lang} for {lang}");
                    let what = format!("{fixture} {lang} {width}px");
                    no_overflow(client, &what).await?;
                    screenshot(client, &format!("report-{fixture}-{lang}-{width}")).await?;
                    open_all(client).await?;
                    no_overflow(client, &format!("{what}, every disclosure open")).await?;
                }
            }
        }
        Ok(())
    })
    .await;
}

/// "Download Markdown" gives the engine's Markdown report of the run (the renderer
/// `inboxable check --format markdown` uses): the title with the domain, the groups in
/// the page's language, and the combined fix as a zone block.
#[tokio::test]
async fn the_markdown_export_is_the_engines_report() {
    let backend = page_backend(&["--log-queries"]);
    let url = format!(
        "{}/?domain=example.net&ip=93.184.215.20&lang=id",
        backend.http_url()
    );
    with_browser(1280, 1000, async |client: &Client| -> Flow {
        run_page(client, &url).await?;
        click(client, "#download-markdown").await?;
        wait_js(
            client,
            "#download-markdown[data-href]",
            "return document.querySelector('#download-markdown').dataset.href || null;",
        )
        .await?;
        let text = eval(
            client,
            "const x = new XMLHttpRequest(); \
             x.open('GET', document.querySelector('#download-markdown').dataset.href, false); \
             x.send(); return x.responseText;",
        )
        .await?;
        let text = text.as_str().ok_or("no export text")?;
        ensure!(
            text.starts_with("# ")
                && text
                    .lines()
                    .next()
                    .is_some_and(|l| l.contains("`example.net`")),
            "{text:.400}"
        );
        ensure!(text.contains("\n## Server pengirim\n"), "{text:.400}");
        ensure!(text.contains("```zone"), "no zone block in:\n{text:.2000}");
        Ok(())
    })
    .await;
}
