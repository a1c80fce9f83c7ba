//! The RDAP bootstrap registries (RFC 9224): which RDAP service answers for a TLD
//! (`dns.json`) or an address block (`ipv4.json`, `ipv6.json`).
//!
//! ```text
//! { "version": "1.0", "publication": "…",
//!   "services": [ [ ["entry", …], ["https://base/", …] ], … ] }
//! ```
//!
//! RFC 9224 §4: a domain matches the entry with the longest run of matching
//! labels; §5: an address matches the longest matching prefix. §3: when a service
//! lists several base URLs the client picks one, HTTPS preferred.

use std::net::IpAddr;

use serde_json::Value;

/// One bootstrap registry: its services as (entries, base URLs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bootstrap {
    services: Vec<(Vec<String>, Vec<String>)>,
}

/// The three registry files, relative to the bootstrap base URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Registry {
    /// `dns.json`.
    Dns,
    /// `ipv4.json`.
    Ipv4,
    /// `ipv6.json`.
    Ipv6,
}

impl Registry {
    /// The file name under the bootstrap base.
    pub fn file(self) -> &'static str {
        match self {
            Self::Dns => "dns.json",
            Self::Ipv4 => "ipv4.json",
            Self::Ipv6 => "ipv6.json",
        }
    }

    /// The registry for `ip`'s family.
    pub fn for_ip(ip: IpAddr) -> Self {
        if ip.is_ipv4() { Self::Ipv4 } else { Self::Ipv6 }
    }
}

impl Bootstrap {
    /// Reads a registry; `None` when it does not have the RFC 9224 shape.
    pub fn from_json(v: &Value) -> Option<Self> {
        let services = v.get("services")?.as_array()?;
        let strings = |x: &Value| -> Option<Vec<String>> {
            Some(
                x.as_array()?
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect(),
            )
        };
        Some(Self {
            services: services
                .iter()
                .filter_map(|s| Some((strings(s.get(0)?)?, strings(s.get(1)?)?)))
                .collect(),
        })
    }

    /// The base URL for `domain` (longest matching label suffix), ending in `/`.
    pub fn for_domain(&self, domain: &str) -> Option<String> {
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        let labels: Vec<&str> = domain.split('.').collect();
        let mut best: Option<(usize, &[String])> = None;
        for (entries, urls) in &self.services {
            for entry in entries {
                let entry = entry.trim_end_matches('.').to_ascii_lowercase();
                let n = entry.split('.').count();
                let matches = n <= labels.len() && labels[labels.len() - n..].join(".") == entry;
                if matches && best.is_none_or(|(b, _)| n > b) {
                    best = Some((n, urls));
                }
            }
        }
        best.and_then(|(_, urls)| pick(urls))
    }

    /// The base URL for `ip` (longest matching prefix), ending in `/`.
    pub fn for_ip(&self, ip: IpAddr) -> Option<String> {
        let mut best: Option<(u8, &[String])> = None;
        for (entries, urls) in &self.services {
            for entry in entries {
                if let Some(len) = prefix_match(entry, ip)
                    && best.is_none_or(|(b, _)| len > b)
                {
                    best = Some((len, urls));
                }
            }
        }
        best.and_then(|(_, urls)| pick(urls))
    }
}

fn pick(urls: &[String]) -> Option<String> {
    let url = urls
        .iter()
        .find(|u| u.to_ascii_lowercase().starts_with("https://"))
        .or_else(|| urls.first())?;
    Some(if url.ends_with('/') {
        url.clone()
    } else {
        format!("{url}/")
    })
}

fn bits(ip: IpAddr) -> (u128, u8) {
    match ip {
        IpAddr::V4(v4) => (u128::from(u32::from(v4)) << 96, 32),
        IpAddr::V6(v6) => (u128::from(v6), 128),
    }
}

/// The prefix length of `entry` (`a.b.c.d/n` or `x::/n`) when it contains `ip`.
fn prefix_match(entry: &str, ip: IpAddr) -> Option<u8> {
    let (addr, len) = entry.split_once('/')?;
    let net: IpAddr = addr.trim().parse().ok()?;
    let len: u8 = len.trim().parse().ok()?;
    let (net_bits, width) = bits(net);
    let (ip_bits, ip_width) = bits(ip);
    if width != ip_width || len > width {
        return None;
    }
    let mask = if len == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(len))
    };
    (net_bits & mask == ip_bits & mask).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn dns() -> Bootstrap {
        Bootstrap::from_json(&json!({
            "version": "1.0",
            "services": [
                [["com", "net"], ["https://rdap.verisign.com/com/v1/"]],
                [["uk"], ["http://rdap.nominet.example/uk", "https://rdap.nominet.example/uk"]],
                [["co.uk"], ["https://co-uk.example/"]]
            ]
        }))
        .unwrap()
    }

    /// RFC 9224 §4: "the longest match … the most labels".
    #[test]
    fn rfc9224_s4_longest_label_match() {
        let b = dns();
        assert_eq!(
            b.for_domain("Example.COM.").as_deref(),
            Some("https://rdap.verisign.com/com/v1/")
        );
        assert_eq!(
            b.for_domain("shop.example.co.uk").as_deref(),
            Some("https://co-uk.example/")
        );
        assert_eq!(
            b.for_domain("example.uk").as_deref(),
            Some("https://rdap.nominet.example/uk/"),
            "https preferred, and a missing trailing slash added"
        );
        assert_eq!(b.for_domain("example.id"), None);
        assert_eq!(b.for_domain("notcom"), None);
    }

    /// RFC 9224 §5: the longest matching prefix wins.
    #[test]
    fn rfc9224_s5_longest_prefix_match() {
        let b = Bootstrap::from_json(&json!({ "services": [
            [["198.0.0.0/8"], ["https://rdap.arin.net/registry/"]],
            [["198.51.100.0/24"], ["https://rdap.test/"]],
            [["2001:200::/23"], ["https://rdap.apnic.net/"]]
        ]}))
        .unwrap();
        let at = |s: &str| b.for_ip(s.parse().unwrap());
        assert_eq!(at("198.51.100.7").as_deref(), Some("https://rdap.test/"));
        assert_eq!(
            at("198.18.0.1").as_deref(),
            Some("https://rdap.arin.net/registry/")
        );
        assert_eq!(
            at("2001:200:1::5").as_deref(),
            Some("https://rdap.apnic.net/")
        );
        assert_eq!(at("2001:db8::1"), None);
        assert_eq!(at("10.0.0.1"), None);
    }

    #[test]
    fn not_a_registry() {
        assert_eq!(Bootstrap::from_json(&json!({ "x": 1 })), None);
        assert_eq!(
            Bootstrap::from_json(&json!({ "services": [[1, 2], []] })),
            Some(Bootstrap::default())
        );
    }
}
