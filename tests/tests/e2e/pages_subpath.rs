//! The page as GitHub Pages serves it: from a plain static file server under a sub-path
//! (`https://<user>.github.io/<repo>/`), with no `inboxable-doh` behind it.
//!
//! The built `dist/` is placed at `/inboxable/` of a `python3 -m http.server` on loopback.
//! Trunk.toml's `public_url = "./"` makes every asset URL relative, so this is the same build
//! the backend serves at `/` (and what `.github/workflows/pages.yml` deploys). A share link
//! naming the real backend as its resolver must load every asset from the sub-path, probe
//! `./info` (a 404 here) without a fuss, run the check against the backend across origins
//! (CORS), show the cards, and leave the address bar on the sub-path.

use fantoccini::Client;
use inboxable_e2e::browser::{Flow, eval, screenshot, wait_done, wait_js, with_browser};
use inboxable_e2e::{Backend, StaticServer, dist_dir, ensure, zones_dir};

/// The repository name GitHub Pages would put in the path.
const SUB_PATH: &str = "inboxable";

/// Percent-encodes a query value the way `URLSearchParams` would accept it back.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn the_page_works_from_a_static_host_under_a_sub_path() {
    let dist = dist_dir();
    let site = tempfile::tempdir().expect("a temporary site root");
    std::os::unix::fs::symlink(&dist, site.path().join(SUB_PATH)).expect("link dist");
    let host = StaticServer::start(site.path());
    let backend = Backend::start(&zones_dir(), &[]);
    let origin = format!("http://127.0.0.1:{}", host.port);
    let home = format!("{origin}/{SUB_PATH}/");
    let link = format!(
        "{home}?domain=example.com&ip=192.0.2.25&resolver={}&lang=en",
        encode(&backend.doh_url())
    );

    with_browser(1280, 900, async |client: &Client| -> Flow {
        client
            .goto(&link)
            .await
            .map_err(|e| format!("open {link}: {e}"))?;
        wait_done(client).await?;
        screenshot(client, "pages-subpath-1280").await?;

        // Every script, stylesheet and module came from under the sub-path.
        let assets = eval(
            client,
            "return performance.getEntriesByType('resource').map(e => e.name)\
               .filter(n => n.startsWith(location.origin + '/'))\
               .filter(n => !n.includes('/dns-query') && !n.endsWith('/info'));",
        )
        .await?;
        let assets: Vec<&str> = assets
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        ensure!(
            assets.iter().any(|a| a.ends_with(".wasm")),
            "no .wasm among the loaded resources: {assets:?}"
        );
        for asset in &assets {
            ensure!(
                asset.starts_with(&home),
                "{asset} was not loaded from under {home}"
            );
        }

        // The DKIM verification worker is not part of the load: no message was pasted.
        ensure!(
            !assets.iter().any(|a| a.contains("inboxable-verify")),
            "the verification worker loaded without a message: {assets:?}"
        );
        // Started the way the page starts it, it loads from under the sub-path too and says
        // it is ready.
        eval(
            client,
            "window.__verifier = {}; \
             const w = new Worker('./inboxable-verify_loader.js'); \
             w.onmessage = (e) => { window.__verifier.reply = e.data; }; \
             w.onerror = (e) => { window.__verifier.error = e.message || 'failed'; }; \
             return true;",
        )
        .await?;
        let reply = wait_js(
            client,
            "the verification worker's first message",
            "const v = window.__verifier; return v.reply || (v.error ? 'error: ' + v.error : null);",
        )
        .await?;
        ensure!(
            reply == "\"ready\"",
            "the verification worker under {home} answered {reply}"
        );

        // The check ran against the backend: cards, and the MX fact from the test zones.
        let cards = eval(
            client,
            "return [...document.querySelectorAll('article.check[data-id]')]\
               .map(c => c.dataset.id + '=' + c.dataset.status);",
        )
        .await?;
        let cards: Vec<&str> = cards
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        ensure!(
            cards.iter().any(|c| c.starts_with("mx.present=pass")),
            "no passing mx.present card: {cards:?}"
        );
        ensure!(
            cards.iter().any(|c| c.starts_with("spf.")),
            "no SPF cards: {cards:?}"
        );
        let note = eval(
            client,
            "const n = document.querySelector('#resolver-note'); return n && n.dataset.kind;",
        )
        .await?;
        ensure!(
            note == "custom",
            "the run did not use the custom resolver: {note}"
        );

        // ./info is a 404 on a static host: no "this server" resolver is offered and no
        // error is shown for it.
        let this_option = eval(
            client,
            "return document.querySelector('#resolver option[value=this]') !== null;",
        )
        .await?;
        ensure!(
            this_option == false,
            "a static host offered the 'this server' resolver"
        );

        // The share link in the address bar keeps the sub-path and re-runs the same check.
        let location = eval(
            client,
            "return {path: location.pathname, search: location.search};",
        )
        .await?;
        let expected_path = format!("/{SUB_PATH}/");
        ensure!(
            location["path"] == expected_path.as_str(),
            "the share link left the sub-path: {location}"
        );
        let search = location["search"].as_str().unwrap_or_default();
        ensure!(
            search.contains("domain=example.com") && search.contains("resolver=http"),
            "the share link lost the inputs: {location}"
        );
        Ok(())
    })
    .await;
}
