//! IANA special-purpose address registries (IPv4: RFC 6890 and the IANA
//! "IPv4 Special-Purpose Address Registry"; IPv6: the IPv6 counterpart), as data.
//! A sending IP in any of these ranges is not a public, routable mail source.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// A special-purpose range: network, prefix length, and a stable code that names it
/// in findings (the catalogues hold its human name, `range-<code>`).
struct Range<A> {
    net: A,
    len: u8,
    code: &'static str,
}

const V4: &[Range<[u8; 4]>] = &[
    Range {
        net: [0, 0, 0, 0],
        len: 8,
        code: "this-network",
    },
    Range {
        net: [10, 0, 0, 0],
        len: 8,
        code: "private",
    },
    Range {
        net: [100, 64, 0, 0],
        len: 10,
        code: "cgnat",
    },
    Range {
        net: [127, 0, 0, 0],
        len: 8,
        code: "loopback",
    },
    Range {
        net: [169, 254, 0, 0],
        len: 16,
        code: "link-local",
    },
    Range {
        net: [172, 16, 0, 0],
        len: 12,
        code: "private",
    },
    Range {
        net: [192, 0, 0, 0],
        len: 24,
        code: "ietf-protocol",
    },
    Range {
        net: [192, 0, 2, 0],
        len: 24,
        code: "documentation",
    },
    Range {
        net: [192, 31, 196, 0],
        len: 24,
        code: "as112",
    },
    Range {
        net: [192, 52, 193, 0],
        len: 24,
        code: "amt",
    },
    Range {
        net: [192, 88, 99, 0],
        len: 24,
        code: "6to4-relay",
    },
    Range {
        net: [192, 168, 0, 0],
        len: 16,
        code: "private",
    },
    Range {
        net: [192, 175, 48, 0],
        len: 24,
        code: "as112",
    },
    Range {
        net: [198, 18, 0, 0],
        len: 15,
        code: "benchmarking",
    },
    Range {
        net: [198, 51, 100, 0],
        len: 24,
        code: "documentation",
    },
    Range {
        net: [203, 0, 113, 0],
        len: 24,
        code: "documentation",
    },
    Range {
        net: [224, 0, 0, 0],
        len: 4,
        code: "multicast",
    },
    Range {
        net: [240, 0, 0, 0],
        len: 4,
        code: "reserved",
    },
];

const V6: &[Range<[u16; 8]>] = &[
    Range {
        net: [0, 0, 0, 0, 0, 0, 0, 0],
        len: 128,
        code: "unspecified",
    },
    Range {
        net: [0, 0, 0, 0, 0, 0, 0, 1],
        len: 128,
        code: "loopback",
    },
    Range {
        net: [0x64, 0xff9b, 0, 0, 0, 0, 0, 0],
        len: 96,
        code: "nat64",
    },
    Range {
        net: [0x64, 0xff9b, 1, 0, 0, 0, 0, 0],
        len: 48,
        code: "nat64",
    },
    Range {
        net: [0x100, 0, 0, 0, 0, 0, 0, 0],
        len: 64,
        code: "discard",
    },
    Range {
        net: [0x2001, 0, 0, 0, 0, 0, 0, 0],
        len: 32,
        code: "teredo",
    },
    Range {
        net: [0x2001, 2, 0, 0, 0, 0, 0, 0],
        len: 48,
        code: "benchmarking",
    },
    Range {
        net: [0x2001, 0x10, 0, 0, 0, 0, 0, 0],
        len: 28,
        code: "orchid",
    },
    Range {
        net: [0x2001, 0x20, 0, 0, 0, 0, 0, 0],
        len: 28,
        code: "orchid",
    },
    Range {
        net: [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0],
        len: 32,
        code: "documentation",
    },
    Range {
        net: [0x2002, 0, 0, 0, 0, 0, 0, 0],
        len: 16,
        code: "6to4",
    },
    Range {
        net: [0x3fff, 0, 0, 0, 0, 0, 0, 0],
        len: 20,
        code: "documentation",
    },
    Range {
        net: [0x5f00, 0, 0, 0, 0, 0, 0, 0],
        len: 16,
        code: "srv6",
    },
    Range {
        net: [0xfc00, 0, 0, 0, 0, 0, 0, 0],
        len: 7,
        code: "unique-local",
    },
    Range {
        net: [0xfe80, 0, 0, 0, 0, 0, 0, 0],
        len: 10,
        code: "link-local",
    },
    Range {
        net: [0xff00, 0, 0, 0, 0, 0, 0, 0],
        len: 8,
        code: "multicast",
    },
];

/// Every range code, for the catalogue test.
pub fn codes() -> Vec<&'static str> {
    let mut codes: Vec<_> = V4
        .iter()
        .map(|r| r.code)
        .chain(V6.iter().map(|r| r.code))
        .collect();
    codes.extend(["broadcast", "not-global-unicast", "ipv4-mapped"]);
    codes.sort_unstable();
    codes.dedup();
    codes
}

fn in_v4(ip: Ipv4Addr, net: [u8; 4], len: u8) -> bool {
    let mask = if len == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(len))
    };
    u32::from(ip) & mask == u32::from(Ipv4Addr::from(net)) & mask
}

fn in_v6(ip: Ipv6Addr, net: [u16; 8], len: u8) -> bool {
    let mask = if len == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(len))
    };
    u128::from(ip) & mask == u128::from(Ipv6Addr::from(net)) & mask
}

/// The special-purpose range `ip` falls in, with its prefix, or `None` for a public
/// address. An IPv4-mapped IPv6 address is judged by its IPv4 address.
pub fn special_range(ip: IpAddr) -> Option<(&'static str, String)> {
    match ip {
        IpAddr::V4(v4) => {
            if v4 == Ipv4Addr::BROADCAST {
                return Some(("broadcast", "255.255.255.255/32".into()));
            }
            V4.iter()
                .find(|r| in_v4(v4, r.net, r.len))
                .map(|r| (r.code, format!("{}/{}", Ipv4Addr::from(r.net), r.len)))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return Some(("ipv4-mapped", format!("::ffff:{v4}")));
            }
            if let Some(r) = V6.iter().find(|r| in_v6(v6, r.net, r.len)) {
                return Some((r.code, format!("{}/{}", Ipv6Addr::from(r.net), r.len)));
            }
            // Only 2000::/3 is allocated as global unicast.
            (!in_v6(v6, [0x2000, 0, 0, 0, 0, 0, 0, 0], 3))
                .then(|| ("not-global-unicast", "2000::/3".into()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_and_public_addresses() {
        for (ip, want) in [
            ("10.1.2.3", Some("private")),
            ("172.31.255.255", Some("private")),
            ("172.32.0.1", None),
            ("192.168.1.1", Some("private")),
            ("100.64.0.1", Some("cgnat")),
            ("100.128.0.1", None),
            ("127.0.0.1", Some("loopback")),
            ("169.254.10.1", Some("link-local")),
            ("192.0.2.55", Some("documentation")),
            ("198.51.100.7", Some("documentation")),
            ("203.0.113.9", Some("documentation")),
            ("198.19.1.1", Some("benchmarking")),
            ("224.0.0.5", Some("multicast")),
            ("250.1.1.1", Some("reserved")),
            ("255.255.255.255", Some("broadcast")),
            ("0.1.2.3", Some("this-network")),
            ("8.8.8.8", None),
            ("185.12.64.1", None),
            ("::1", Some("loopback")),
            ("::", Some("unspecified")),
            ("::ffff:10.0.0.1", Some("ipv4-mapped")),
            ("fe80::1", Some("link-local")),
            ("fd12:3456::1", Some("unique-local")),
            ("2001:db8::25", Some("documentation")),
            ("3fff::1", Some("documentation")),
            ("2001::1", Some("teredo")),
            ("2002:c000:0204::1", Some("6to4")),
            ("ff02::1", Some("multicast")),
            ("64:ff9b::c000:221", Some("nat64")),
            ("4000::1", Some("not-global-unicast")),
            ("2a01:4f8:1c1c:abcd::1", None),
            ("2606:4700:4700::1111", None),
        ] {
            let got = special_range(ip.parse().unwrap()).map(|(c, _)| c);
            assert_eq!(got, want, "{ip}");
        }
    }
}
