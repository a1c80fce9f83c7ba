//! Clients we did not write against `inboxable-doh`: BIND's `dig` over plain DNS (UDP and
//! TCP) and dnspython's RFC 8484 client (GET and POST). They check the server speaks the
//! protocols, not just the dialect our own client happens to accept.

use std::path::PathBuf;
use std::time::Duration;

use inboxable_e2e::{Backend, Output, program_on_path, run_program, zones_dir};

const TIMEOUT: Duration = Duration::from_secs(20);

fn dns_backend() -> Backend {
    Backend::start(&zones_dir(), &["--dns-listen", "127.0.0.1:0"])
}

fn dig(backend: &Backend, args: &[&str]) -> String {
    let dig: PathBuf = program_on_path("dig", "Debian package bind9-dnsutils");
    let addr = backend.dns_addr();
    let server = format!("@{}", addr.ip());
    let port = addr.port().to_string();
    let mut all = vec![server.as_str(), "-p", port.as_str(), "+time=5", "+tries=1"];
    all.extend_from_slice(args);
    let out = run_program(&dig, &all, TIMEOUT);
    assert_eq!(
        out.code,
        Some(0),
        "dig {all:?} failed:\n{}\n{}",
        out.stdout,
        out.stderr
    );
    out.stdout
}

fn short_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

#[test]
fn dig_reads_a_mx_and_ptr_over_udp_and_tcp() {
    let backend = dns_backend();
    for transport in ["+notcp", "+tcp"] {
        assert_eq!(
            short_lines(&dig(
                &backend,
                &[transport, "+short", "mail.example.com", "A"]
            )),
            ["192.0.2.25"],
            "{transport}"
        );
        assert_eq!(
            short_lines(&dig(
                &backend,
                &[transport, "+short", "mail.example.com", "AAAA"]
            )),
            ["2001:db8::25"],
            "{transport}"
        );
        assert_eq!(
            short_lines(&dig(&backend, &[transport, "+short", "example.com", "MX"])),
            ["10 mail.example.com."],
            "{transport}"
        );
        assert_eq!(
            short_lines(&dig(&backend, &[transport, "+short", "-x", "192.0.2.27"])),
            ["out1.example.org.", "out2.example.org."],
            "{transport}"
        );
        assert_eq!(
            short_lines(&dig(&backend, &[transport, "+short", "-x", "2001:db8::25"])),
            ["mail.example.com."],
            "{transport}"
        );
    }
}

/// RFC 1035 §3.3.14: TXT-DATA is one or more character-strings; dig prints each one
/// quoted, so boundaries and the escaped quote must come back as written in the zone.
#[test]
fn dig_reads_txt_strings_with_their_boundaries() {
    let backend = dns_backend();
    for transport in ["+notcp", "+tcp"] {
        assert_eq!(
            dig(
                &backend,
                &[transport, "+short", "quotes.example.com", "TXT"]
            )
            .trim(),
            r#""first string" "say \"hi\"" "third; with ; semicolons""#,
            "{transport}"
        );
        let dkim = dig(
            &backend,
            &[
                transport,
                "+short",
                "mail2024._domainkey.example.com",
                "TXT",
            ],
        );
        let strings: Vec<&str> = dkim.trim().split("\" \"").collect();
        assert_eq!(strings.len(), 2, "{dkim}");
        assert!(strings[0].starts_with("\"v=DKIM1; k=rsa; p=MIIB"), "{dkim}");
    }
}

#[test]
fn dig_sees_nxdomain_nodata_and_authority() {
    let backend = dns_backend();
    let nx = dig(&backend, &["no-such-name.example.com", "A"]);
    assert!(nx.contains("status: NXDOMAIN"), "{nx}");
    assert!(
        nx.contains("example.com.") && nx.contains("SOA"),
        "no SOA in the authority section (RFC 2308 §3):\n{nx}"
    );
    let nodata = dig(&backend, &["v6only.example.com", "A"]);
    assert!(nodata.contains("status: NOERROR"), "{nodata}");
    assert!(nodata.contains("ANSWER: 0"), "{nodata}");
    let aa = dig(&backend, &["+norecurse", "example.com", "MX"]);
    assert!(
        aa.contains("flags: qr aa"),
        "zone answers are authoritative:\n{aa}"
    );
    let wild = dig(&backend, &["+short", "x.wild.example.com", "TXT"]);
    assert_eq!(wild.trim(), "\"wildcard\"");
}

/// Sends one RFC 8484 query with dnspython and prints rcode and answers, one per line.
const DNSPYTHON: &str = r#"
import sys
try:
    import dns.message, dns.query, dns.rcode, dns.rdatatype
except ImportError as e:
    print("dnspython is missing: %s" % e, file=sys.stderr)
    sys.exit(3)
url, name, rtype, method = sys.argv[1:5]
q = dns.message.make_query(name, rtype)
r = dns.query.https(q, url, post=(method == "post"), timeout=10)
if r.id != q.id:
    print("id mismatch", file=sys.stderr)
    sys.exit(4)
print("rcode", dns.rcode.to_text(r.rcode()))
for rrset in r.answer:
    for rd in rrset:
        if rrset.rdtype == dns.rdatatype.TXT:
            print("txt", repr([s.decode() for s in rd.strings]))
        else:
            print(rrset.name.to_text(), dns.rdatatype.to_text(rrset.rdtype), rd.to_text())
"#;

fn dnspython(backend: &Backend, name: &str, rtype: &str, method: &str) -> Vec<String> {
    let python = program_on_path("python3", "with `pip install 'dnspython[doh]'`");
    let url = backend.doh_url();
    let out: Output = run_program(
        &python,
        &["-c", DNSPYTHON, &url, name, rtype, method],
        TIMEOUT,
    );
    assert_eq!(
        out.code,
        Some(0),
        "dnspython ({method}) {name} {rtype} failed — `pip install 'dnspython[doh]'` if it \
         is missing, or run `cargo xtask setup --test`:\n{}\n{}",
        out.stdout,
        out.stderr
    );
    out.stdout.lines().map(str::to_owned).collect()
}

#[test]
fn dnspython_rfc8484_get_and_post() {
    let backend = Backend::start(&zones_dir(), &[]);
    for method in ["get", "post"] {
        assert_eq!(
            dnspython(&backend, "example.com", "MX", method),
            ["rcode NOERROR", "example.com. MX 10 mail.example.com."],
            "{method}"
        );
        assert_eq!(
            dnspython(&backend, "mx.example.org", "A", method),
            [
                "rcode NOERROR",
                "mx.example.org. CNAME mail.example.com.",
                "mail.example.com. A 192.0.2.25"
            ],
            "{method}"
        );
        assert_eq!(
            dnspython(&backend, "quotes.example.com", "TXT", method),
            [
                "rcode NOERROR",
                r#"txt ['first string', 'say "hi"', 'third; with ; semicolons']"#
            ],
            "{method}"
        );
        assert_eq!(
            dnspython(&backend, "no-such-name.example.com", "A", method),
            ["rcode NXDOMAIN"],
            "{method}"
        );
        assert_eq!(
            dnspython(&backend, "v6only.example.com", "AAAA", method),
            ["rcode NOERROR", "v6only.example.com. AAAA 2001:db8::6"],
            "{method}"
        );
    }
}
