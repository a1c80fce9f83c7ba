//! The provider checklists on the page in headless Chromium, served by the real
//! `inboxable-doh` with the fixture zones: the "Provider checklists" group, each
//! item with its state (DNS-blind items shown as such), links to the deciding cards,
//! in English and Indonesian. Screenshots go to `target/screenshots/`.

use fantoccini::Client;
use serde_json::Value;

use inboxable_e2e::browser::{Flow, eval, open_done, page_backend, screenshot, with_browser};
use inboxable_e2e::ensure;

/// The providers group: its heading and, per provider card, its status and items
/// `{item, status, scope, text, links: [href]}`.
async fn providers(client: &Client) -> Result<Value, String> {
    let v = eval(
        client,
        "const g = document.querySelector('section.check-group[data-group=providers]'); \
         if (!g) return null; \
         return { heading: g.querySelector('h3').textContent, \
           cards: Array.from(g.querySelectorAll('article.check')).map(c => ({ \
             id: c.dataset.id, status: c.dataset.status, \
             items: Array.from(c.querySelectorAll('li.provider-item')).map(i => ({ \
               item: i.dataset.item, status: i.dataset.status, scope: i.dataset.scope, \
               text: i.textContent, \
               links: Array.from(i.querySelectorAll('a.provider-item-link')) \
                 .map(a => a.getAttribute('href')) })) })) };",
    )
    .await?;
    ensure!(
        !v.is_null(),
        "no section.check-group[data-group=providers] on the page"
    );
    Ok(v)
}

fn card<'a>(group: &'a Value, id: &str) -> Result<&'a Value, String> {
    group["cards"]
        .as_array()
        .and_then(|cards| cards.iter().find(|c| c["id"] == id))
        .ok_or_else(|| format!("no {id} card in the providers group: {group:#}"))
}

fn item<'a>(card: &'a Value, item: &str) -> Result<&'a Value, String> {
    card["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["item"] == item))
        .ok_or_else(|| format!("no item {item}: {card:#}"))
}

#[tokio::test]
async fn provider_checklists_show_each_item_in_english_and_indonesian() {
    let backend = page_backend(&[]);
    let base = format!(
        "{}/?domain=authwarn.test&ip=203.0.113.10",
        backend.http_url()
    );
    let english = format!("{base}&lang=en");
    let indonesian = format!("{base}&lang=id");
    with_browser(1280, 3000, async |client: &Client| -> Flow {
        open_done(client, &english).await?;
        let group = providers(client).await?;
        ensure!(
            group["heading"] == "Provider checklists",
            "heading: {}",
            group["heading"]
        );
        for id in ["provider.google", "provider.yahoo", "provider.microsoft"] {
            let c = card(&group, id)?;
            ensure!(c["status"] == "warn", "{id}: {c:#}");
            let dmarc = item(c, "dmarc")?;
            ensure!(
                dmarc["status"] == "fail" && dmarc["scope"] == "bulk",
                "{id} dmarc: {dmarc:#}"
            );
        }
        let google = card(&group, "provider.google")?;
        let spam = item(google, "spam-rate")?;
        ensure!(
            spam["status"] == "cannot-check"
                && spam["text"]
                    .as_str()
                    .is_some_and(|t| t.contains("cannot be checked from DNS")),
            "spam rate: {spam:#}"
        );
        // The deciding card is one click away, and the link's target exists.
        let dmarc = item(google, "dmarc")?;
        let href = dmarc["links"][0]
            .as_str()
            .ok_or_else(|| format!("the dmarc item links nowhere: {dmarc:#}"))?
            .to_owned();
        let target = eval(
            client,
            &format!(
                "const t = document.getElementById({}); return t ? t.dataset.id : null;",
                serde_json::to_string(&href[1..]).expect("string")
            ),
        )
        .await?;
        ensure!(target == "dmarc.present", "{href} leads to {target}");
        screenshot(client, "providers-en-1280").await?;

        open_done(client, &indonesian).await?;
        let group = providers(client).await?;
        ensure!(
            group["heading"] == "Daftar syarat penyedia email",
            "[id] heading: {}",
            group["heading"]
        );
        let google = card(&group, "provider.google")?;
        let spam = item(google, "spam-rate")?;
        ensure!(
            spam["text"]
                .as_str()
                .is_some_and(|t| t.contains("tidak bisa dicek dari DNS")),
            "[id] spam rate: {spam:#}"
        );
        ensure!(
            item(google, "dmarc")?["status"] == "fail",
            "[id] dmarc: {google:#}"
        );
        screenshot(client, "providers-id-1280").await?;
        Ok(())
    })
    .await;
}

/// The fix-everything block names the DNS host recognised from the NS records and, in the
/// snippet's comments, where in its panel to add the records (Cloudflare here), in English
/// and Indonesian.
#[tokio::test]
async fn the_combined_fix_names_the_dns_host_from_its_name_servers() {
    let backend = page_backend(&[]);
    let base = format!(
        "{}/?domain=cf-hosted.example&ip=192.0.2.25",
        backend.http_url()
    );
    with_browser(1280, 2000, async |client: &Client| -> Flow {
        for lang in ["en", "id"] {
            open_done(client, &format!("{base}&lang={lang}")).await?;
            let v = eval(
                client,
                "const p = document.querySelector('#dns-host'); \
                 const s = document.querySelector('#fix-all .fix-all-snippet'); \
                 return { host: p && p.dataset.host, line: p && p.textContent, \
                          snippet: s && s.textContent };",
            )
            .await?;
            ensure!(v["host"] == "cloudflare", "[{lang}] {v:#}");
            let line = v["line"].as_str().unwrap_or_default();
            ensure!(
                line.contains("Cloudflare") && line.contains("amy.ns.cloudflare.com"),
                "[{lang}] {v:#}"
            );
            let snippet = v["snippet"].as_str().unwrap_or_default();
            ensure!(
                snippet
                    .lines()
                    .any(|l| l.starts_with("; ") && l.contains("Cloudflare")),
                "[{lang}] the snippet does not say where at Cloudflare: {snippet}"
            );
            screenshot(client, &format!("fix-all-dns-host-{lang}")).await?;
        }
        Ok(())
    })
    .await;
}
