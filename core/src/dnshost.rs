//! Which company runs a domain's DNS, recognised from the NS names of the zone that
//! holds it, so a fix can say where in that company's panel records are added.
//!
//! The table is data (`core/data/dns_hosts.txt`): host ids, display names and the
//! operators' own name-server domains. The NS records come from the run's facts
//! ([`crate::facts::FactKind::Ns`]); an NS set that matches no entry, or matches two
//! companies equally, is "not recognised" and the report says where to look in
//! general terms instead of guessing.

use std::borrow::Borrow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::facts::{Fact, FactKind, FactValue};
use crate::i18n::Message;
use crate::report::FixPlace;

/// The DNS host of a checked domain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DnsHost {
    /// The host id from the table (`cloudflare`, `route53`, `rumahweb`, …), stable.
    pub id: String,
    /// The company's or service's name.
    pub name: String,
    /// The zone whose NS records were read (the domain or the parent holding it).
    pub zone: String,
    /// The zone's NS names, without the trailing dot.
    pub ns: Vec<String>,
}

impl DnsHost {
    /// The catalogue message with the steps in this host's panel.
    pub fn panel(&self) -> Message {
        Message::new(panel_key(&self.id))
    }
}

struct Entry {
    id: &'static str,
    name: &'static str,
    patterns: Vec<&'static str>,
}

fn table() -> &'static [Entry] {
    static TABLE: OnceLock<Vec<Entry>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../data/dns_hosts.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('|').map(str::trim);
                let (id, name, patterns) = (fields.next()?, fields.next()?, fields.next()?);
                Some(Entry {
                    id,
                    name,
                    patterns: patterns.split_whitespace().collect(),
                })
            })
            .collect()
    })
}

/// Every host id of the table, in table order.
pub fn host_ids() -> Vec<&'static str> {
    table().iter().map(|e| e.id).collect()
}

/// The catalogue key of a host's panel steps.
pub fn panel_key(id: &str) -> String {
    format!("dnshost-{id}-panel")
}

/// Whether one label matches a pattern label, where `*` stands for any run of
/// characters inside the label.
fn label_matches(label: &str, pattern: &str) -> bool {
    match pattern.split_once('*') {
        None => label == pattern,
        Some((prefix, suffix)) => {
            label.len() >= prefix.len() + suffix.len()
                && label.starts_with(prefix)
                && label.ends_with(suffix)
        }
    }
}

/// Whether the NS name `ns` is `pattern` or a name under it, label by label.
fn matches(ns: &str, pattern: &str) -> bool {
    let ns = ns.trim_end_matches('.').to_ascii_lowercase();
    let name: Vec<&str> = ns.split('.').collect();
    let pat: Vec<&str> = pattern.split('.').collect();
    name.len() >= pat.len()
        && name[name.len() - pat.len()..]
            .iter()
            .zip(&pat)
            .all(|(l, p)| label_matches(l, p))
}

/// The host running name servers `ns`: the one that operates most of them; `None`
/// when none is recognised or two hosts tie (a split setup names no single panel).
pub fn identify(ns: &[String]) -> Option<(&'static str, &'static str)> {
    let mut best: Option<(&Entry, usize)> = None;
    let mut tie = false;
    for entry in table() {
        let count = ns
            .iter()
            .filter(|n| entry.patterns.iter().any(|p| matches(n, p)))
            .count();
        if count == 0 {
            continue;
        }
        match best {
            Some((_, c)) if c > count => {}
            Some((_, c)) if c == count => tie = true,
            _ => {
                best = Some((entry, count));
                tie = false;
            }
        }
    }
    best.filter(|_| !tie).map(|(e, _)| (e.id, e.name))
}

/// The zones whose NS records name the DNS host of `domain`, nearest first: the
/// domain itself, then each parent up to its registrable domain (a subdomain is
/// usually not a zone of its own). Never a public suffix, whose NS are the
/// registry's.
pub fn zone_candidates(domain: &str) -> Vec<String> {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let Some(registrable) = crate::suffix::registrable_domain(&domain) else {
        return vec![domain];
    };
    let mut out = Vec::new();
    let mut name = domain.as_str();
    loop {
        out.push(name.to_owned());
        if name == registrable {
            return out;
        }
        match name.split_once('.') {
            Some((_, parent)) => name = parent,
            None => return out,
        }
    }
}

/// The NS names of the run's NS fact (lower case, no trailing dot); empty when
/// the lookup found none or failed.
pub fn ns_of<F: Borrow<Fact>>(facts: &[F]) -> Vec<String> {
    facts
        .iter()
        .map(Borrow::borrow)
        .find(|f: &&Fact| f.kind == FactKind::Ns)
        .and_then(|f| match &f.value {
            FactValue::Records { values } => Some(
                values
                    .iter()
                    .map(|v| v.trim_end_matches('.').to_ascii_lowercase())
                    .collect(),
            ),
            _ => None,
        })
        .unwrap_or_default()
}

/// The DNS host recognised from the run's NS fact, if any.
pub fn from_facts<F: Borrow<Fact>>(facts: &[F]) -> Option<DnsHost> {
    let fact = facts
        .iter()
        .map(Borrow::borrow)
        .find(|f: &&Fact| f.kind == FactKind::Ns)?;
    let ns = ns_of(facts);
    let (id, name) = identify(&ns)?;
    Some(DnsHost {
        id: id.to_owned(),
        name: name.to_owned(),
        zone: fact.name.clone(),
        ns,
    })
}

/// Where a fix is made, as a message: at a recognised DNS host, the steps in its
/// panel; otherwise the generic place.
pub fn place_message(place: FixPlace, host: Option<&DnsHost>) -> Message {
    match (place, host) {
        (FixPlace::DnsHost, Some(host)) => Message::new("dnshost-place-known")
            .arg("host", &host.name)
            .arg_msg("panel", host.panel()),
        (FixPlace::DnsHost, None) => Message::new("dnshost-place-generic"),
        (FixPlace::IpProvider, _) => Message::new("dnshost-place-ip-provider"),
        (FixPlace::MailServer, _) => Message::new("dnshost-place-mail-server"),
    }
}

/// The sentence naming the DNS host (or saying none was recognised).
pub fn summary(host: Option<&DnsHost>, ns: &[String]) -> Message {
    match host {
        Some(host) => Message::new("dnshost-found")
            .arg("host", &host.name)
            .arg("zone", &host.zone)
            .arg("ns", host.ns.join(", ")),
        None if !ns.is_empty() => Message::new("dnshost-unrecognised").arg("ns", ns.join(", ")),
        None => Message::new("dnshost-no-ns"),
    }
}

/// Every catalogue key this module can produce.
pub fn catalogue_keys() -> Vec<String> {
    let mut keys: Vec<String> = [
        "fact-ns",
        "dnshost-place-known",
        "dnshost-place-generic",
        "dnshost-place-ip-provider",
        "dnshost-place-mail-server",
        "dnshost-found",
        "dnshost-unrecognised",
        "dnshost-no-ns",
    ]
    .map(str::to_owned)
    .to_vec();
    keys.extend(host_ids().into_iter().map(panel_key));
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, has_key};

    fn ns(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn well_known_name_servers_are_recognised() {
        let cases: &[(&[&str], &str)] = &[
            (
                &["amy.ns.cloudflare.com.", "bob.ns.cloudflare.com."],
                "cloudflare",
            ),
            (
                &[
                    "ns-1234.awsdns-12.org",
                    "ns-99.awsdns-01.com",
                    "ns-700.awsdns-23.net",
                ],
                "route53",
            ),
            (&["ns-1536.awsdns-00.co.uk"], "route53"),
            (&["ns-cloud-a1.googledomains.com"], "google"),
            (&["ns1-05.azure-dns.com", "ns2-05.azure-dns.net"], "azure"),
            (
                &["ns51.domaincontrol.com", "ns52.domaincontrol.com"],
                "godaddy",
            ),
            (&["dns1.registrar-servers.com"], "namecheap"),
            (&["curitiba.ns.porkbun.com"], "porkbun"),
            (&["ns-123-a.gandi.net"], "gandi"),
            (&["dns200.anycast.me", "ns200.anycast.me"], "ovh"),
            (&["ns10.ovh.net"], "ovh"),
            (
                &["hydrogen.ns.hetzner.com", "helium.ns.hetzner.de"],
                "hetzner",
            ),
            (&["robotns3.second-ns.com", "ns1.first-ns.de"], "hetzner"),
            (&["ns1.digitalocean.com"], "digitalocean"),
            (&["ns1.linode.com"], "linode"),
            (&["ns1.vultr.com"], "vultr"),
            (&["ns1.dns-parking.com", "ns2.dns-parking.com"], "hostinger"),
            (&["ns1qsy.name.com"], "namecom"),
            (&["ns1045.ui-dns.com", "ns1089.ui-dns.de"], "ionos"),
            (&["ns1.dyna-ns.net"], "dynadot"),
            (&["ns1.rumahweb.com"], "rumahweb"),
            (&["ns1.exabytes.co.id"], "exabytes"),
        ];
        for (names, id) in cases {
            assert_eq!(identify(&ns(names)).map(|(i, _)| i), Some(*id), "{names:?}");
        }
    }

    #[test]
    fn look_alikes_and_unknown_names_are_not_recognised() {
        for names in [
            &["ns1.example.com", "ns2.example.com"][..],
            // The operator's domain must be the end of the name, label by label.
            &["ns.cloudflare.com.evil.example"],
            &["fakecloudflare.com"],
            &["ns1.notdigitalocean.com"],
            &["ns.awsdns.evil.com"],
            &["awsdns-1.example"],
            &[],
        ] {
            assert_eq!(identify(&ns(names)), None, "{names:?}");
        }
    }

    #[test]
    fn the_majority_host_wins_and_a_tie_names_none() {
        let mixed = ns(&[
            "a.ns.cloudflare.com",
            "b.ns.cloudflare.com",
            "ns1.digitalocean.com",
        ]);
        assert_eq!(identify(&mixed).map(|(i, _)| i), Some("cloudflare"));
        let tie = ns(&["a.ns.cloudflare.com", "ns1.digitalocean.com"]);
        assert_eq!(identify(&tie), None);
    }

    #[test]
    fn zones_are_walked_up_to_the_registrable_domain() {
        assert_eq!(zone_candidates("example.com"), ["example.com"]);
        assert_eq!(
            zone_candidates("mail.sub.example.co.id."),
            [
                "mail.sub.example.co.id",
                "sub.example.co.id",
                "example.co.id"
            ]
        );
    }

    #[test]
    fn every_host_has_panel_steps_in_every_language() {
        let ids = host_ids();
        assert!(ids.len() >= 25, "{ids:?}");
        let mut seen = std::collections::HashSet::new();
        for id in &ids {
            assert!(seen.insert(id), "duplicate id {id}");
        }
        for lang in Lang::ALL {
            for key in catalogue_keys() {
                assert!(has_key(lang, &key), "{key} in {lang:?}");
            }
        }
    }

    #[test]
    fn place_messages_name_the_host_when_known() {
        let host = DnsHost {
            id: "cloudflare".into(),
            name: "Cloudflare".into(),
            zone: "example.com".into(),
            ns: ns(&["amy.ns.cloudflare.com"]),
        };
        for lang in Lang::ALL {
            let known = place_message(FixPlace::DnsHost, Some(&host)).render(lang);
            assert!(
                known.contains("Cloudflare") && known.contains("DNS"),
                "{known}"
            );
            let generic = place_message(FixPlace::DnsHost, None).render(lang);
            assert!(!generic.contains("Cloudflare"), "{generic}");
            let ptr = place_message(FixPlace::IpProvider, Some(&host)).render(lang);
            assert!(!ptr.contains("Cloudflare"), "{ptr}");
        }
    }
}
