//! Recognising the hosting provider from an IP network's RDAP registrant
//! organisation or network name, so the page can say where that provider sets
//! reverse DNS (`provider-<code>` in the catalogues, the same keys the PTR
//! patterns of `server::generic` use) and which of its mail policies matter.
//!
//! Sources of the names (as the RIRs publish them): ARIN registrants "Amazon.com,
//! Inc." / "Amazon Technologies Inc.", "Google LLC", "Microsoft Corporation",
//! "DigitalOcean, LLC", "Linode" / "Akamai Technologies, Inc.", "The Constant
//! Company, LLC" (Vultr; formerly Choopa), "Oracle Corporation"; RIPE NCC "Hetzner
//! Online GmbH", "OVH SAS", "Contabo GmbH", "Scaleway" / "Online S.A.S.", "UpCloud
//! Ltd"; APNIC "Alibaba (US) Technology Co., Ltd." / "Aliyun", "Tencent",
//! "PT Telekomunikasi Indonesia", network names starting `IDCLOUDHOST`, `BIZNET`.
//! Matching is by word so that, say, "ovh" does not match inside another word.

/// `(provider code, needles)`: a needle of one word matches a word of the
/// organisation or network name that starts with it; a needle with a space must
/// appear as written (lower case).
pub const PROVIDERS: &[(&str, &[&str])] = &[
    ("aws", &["amazon", "aws"]),
    ("google-cloud", &["google"]),
    ("azure", &["microsoft", "msft"]),
    ("digitalocean", &["digitalocean"]),
    ("hetzner", &["hetzner"]),
    ("ovh", &["ovh"]),
    ("linode", &["linode", "akamai"]),
    ("vultr", &["vultr", "choopa", "constant company"]),
    ("contabo", &["contabo"]),
    ("oracle", &["oracle"]),
    ("alibaba", &["alibaba", "aliyun"]),
    ("tencent", &["tencent"]),
    ("scaleway", &["scaleway", "online s.a.s", "online sas"]),
    ("upcloud", &["upcloud"]),
    ("idcloudhost", &["idcloudhost"]),
    ("biznet", &["biznet"]),
    ("hostinger", &["hostinger", "niagahoster"]),
    (
        "telkom",
        &["telkom indonesia", "telekomunikasi indonesia", "telkomnet"],
    ),
];

/// The provider whose organisation or network name is in `names`.
pub fn recognise<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    let texts: Vec<String> = names.into_iter().map(str::to_ascii_lowercase).collect();
    PROVIDERS.iter().find_map(|(code, needles)| {
        let hit = texts.iter().any(|t| {
            needles.iter().any(|n| {
                if n.contains(' ') {
                    t.contains(n)
                } else {
                    t.split(|c: char| !c.is_ascii_alphanumeric())
                        .any(|w| w.starts_with(n))
                }
            })
        });
        hit.then_some(*code)
    })
}

/// Providers that have a `provider-<code>` text here and no PTR pattern in
/// `server::generic` (whose keys the server family lists).
pub const EXTRA_CODES: &[&str] = &["idcloudhost", "biznet", "hostinger", "telkom"];

#[cfg(test)]
mod tests {
    use super::recognise;

    #[test]
    fn organisations_and_network_names() {
        for (names, want) in [
            (
                &["Amazon Technologies Inc.", "AMAZON-EC2-5"][..],
                Some("aws"),
            ),
            (&["Google LLC"], Some("google-cloud")),
            (&["Hetzner Online GmbH"], Some("hetzner")),
            (&["OVH SAS"], Some("ovh")),
            (&["The Constant Company, LLC"], Some("vultr")),
            (&["Akamai Technologies, Inc.", "LINODE-US"], Some("linode")),
            (&["PT Telekomunikasi Indonesia"], Some("telkom")),
            (&["IDCLOUDHOST-ID"], Some("idcloudhost")),
            (&["PT Biznet Gio Nusantara"], Some("biznet")),
            (
                &["PT Web Media Technology Indonesia", "NIAGAHOSTER-NET"],
                Some("hostinger"),
            ),
            (&["GROVHOLT AS"], None),
            (&["Example Hosting LLC"], None),
        ] {
            assert_eq!(recognise(names.iter().copied()), want, "{names:?}");
        }
    }
}
