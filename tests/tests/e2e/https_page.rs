//! The page served over HTTPS by `inboxable-doh --tls-cert/--tls-key`: the browser negotiates
//! HTTP/2 and multiplexes the run's queries on it, and the report is the one the same page
//! gives over plain HTTP. Over HTTP/1.1 Chromium queues a page's requests to one origin on six
//! connections; public DoH resolvers speak HTTP/2, and so can a self-hosted backend.

use fantoccini::Client;

use inboxable_e2e::browser::{Flow, eval, open_done, page_backend, statuses, with_browser};
use inboxable_e2e::{Backend, dist_dir, ensure, zones_dir};

/// The transport of every DoH request the page made, from its resource timing entries.
async fn doh_protocols(client: &Client) -> Result<Vec<String>, String> {
    let v = eval(
        client,
        "return performance.getEntriesByType('resource') \
           .filter(e => new URL(e.name).pathname.endsWith('/dns-query')) \
           .map(e => e.nextHopProtocol);",
    )
    .await?;
    Ok(v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str().map(str::to_owned))
        .collect())
}

#[tokio::test]
async fn over_https_the_page_runs_on_http2_with_the_same_report() {
    let dist = dist_dir();
    let dist = dist.to_str().expect("UTF-8 path");
    let tls = Backend::start_tls(&zones_dir(), &["--static", dist, "--log-queries"]);
    let plain = page_backend(&[]);
    let path = "/?domain=example.com&ip=192.0.2.25&lang=en";
    let secure = format!("{}{path}", tls.http_url());
    let insecure = format!("{}{path}", plain.http_url());
    assert!(secure.starts_with("https://127.0.0.1:"), "{secure}");
    with_browser(1280, 2000, async |client: &Client| -> Flow {
        open_done(client, &secure).await?;
        let over_tls = statuses(client).await?;
        let protocols = doh_protocols(client).await?;
        ensure!(
            protocols.len() >= 20,
            "only {} DoH requests in the page's resource timing: {protocols:?}",
            protocols.len()
        );
        ensure!(
            protocols.iter().all(|p| p == "h2"),
            "DoH requests not on HTTP/2: {protocols:?}"
        );
        let logged = tls.queries_until_now().len();
        ensure!(
            logged >= protocols.len(),
            "the backend logged {logged} queries, the page timed {}",
            protocols.len()
        );

        open_done(client, &insecure).await?;
        let over_http = statuses(client).await?;
        ensure!(
            over_tls == over_http,
            "the report differs between HTTPS and HTTP:\n{over_tls:#?}\n{over_http:#?}"
        );
        let protocols = doh_protocols(client).await?;
        ensure!(
            protocols.iter().all(|p| p == "http/1.1"),
            "plain HTTP requests: {protocols:?}"
        );
        Ok(())
    })
    .await;
}
