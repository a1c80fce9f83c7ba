//! Command-line flags and the configuration built from them.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use crate::faults::{FaultRule, parse_file};
use crate::limits::Rate;
use crate::upstream::parse_addr;

/// Self-hostable DNS-over-HTTPS server for Inboxable: JSON and RFC 8484 DoH, answers from zone
/// files and/or forwards to an upstream resolver, optionally plain DNS, serves the built page.
#[derive(Debug, Parser)]
#[command(name = "inboxable-doh", version)]
pub struct Cli {
    /// Load every DIR/*.zone master file and answer authoritatively for those zones.
    #[arg(long, value_name = "DIR")]
    pub zones: Option<PathBuf>,
    /// Forward names outside the zones to this resolver (IP or IP:PORT; port 53 by default).
    #[arg(long, value_name = "ADDR", value_parser = parse_addr, conflicts_with = "recursive")]
    pub upstream: Option<SocketAddr>,
    /// Resolve names outside the zones from the root servers, from this machine's own address
    /// (what DNS blocklists need: they refuse public and big-provider resolvers).
    #[arg(long)]
    pub recursive: bool,
    /// Root hints for --recursive: a master file (named.root format); its A/AAAA records are the
    /// root servers. Default: the IANA root servers built in.
    #[arg(long, value_name = "FILE", requires = "recursive")]
    pub root_hints: Option<PathBuf>,
    /// Validate DNSSEC in --recursive mode (hickory's validator; AD is set only on validated
    /// answers, bogus answers become SERVFAIL).
    #[arg(long, requires = "recursive")]
    pub dnssec: bool,
    /// Trust anchor file (DNSKEY/DS records) replacing the built-in root key, for --dnssec.
    #[arg(long, value_name = "FILE", requires = "dnssec")]
    pub trust_anchor: Option<PathBuf>,
    /// Most DNS responses the --recursive cache holds (entries expire at their TTL).
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub cache_size: u64,
    /// Let --recursive query name servers in this network (repeatable). By default loopback,
    /// private, link-local and documentation addresses are never queried, so a hostile zone
    /// cannot aim the resolver at the local network.
    #[arg(long, value_name = "CIDR", requires = "recursive")]
    pub recursor_allow_server: Vec<ipnet::IpNet>,
    /// Destination port of --recursive's outgoing queries (tests only: real servers use 53).
    #[arg(long, value_name = "PORT", default_value_t = 53, hide = true)]
    pub recursor_port: u16,
    /// Deadline of one --recursive resolution before SERVFAIL.
    #[arg(long, value_name = "MS", default_value_t = 10_000, hide = true)]
    pub recursive_timeout: u64,
    /// Origin allowed to read answers from a browser (CORS), e.g. https://user.github.io;
    /// repeatable; `*` allows every page. Default `*` when --listen is a loopback address;
    /// required otherwise.
    #[arg(long, value_name = "ORIGIN")]
    pub cors_origin: Vec<String>,
    /// Queries per client over HTTP and plain DNS: N/s, N/m, N/h, or off. Loopback clients are
    /// exempt. Over the limit: HTTP 429 with Retry-After, plain DNS REFUSED.
    #[arg(long, value_name = "RATE", default_value = "20/s", value_parser = Rate::parse)]
    pub rate_limit: Rate,
    /// Bucket size of --rate-limit: queries a client may send at once after being idle.
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub rate_burst: u32,
    /// Take the client address from the last X-Forwarded-For entry (set by your reverse proxy).
    /// Without it the header is ignored, since any client can send one.
    #[arg(long)]
    pub trust_proxy: bool,
    /// Most upstream/recursive resolutions running at once (0 = no limit); beyond it HTTP
    /// answers 503 with Retry-After and plain DNS SERVFAIL. Zone answers are never limited.
    #[arg(long, value_name = "N", default_value_t = 128)]
    pub max_inflight: usize,
    /// Allow --dns-listen on a non-loopback address together with --upstream or --recursive,
    /// i.e. run an open resolver (a DDoS amplifier unless firewalled); and allow --upstream on a
    /// non-loopback --listen, i.e. forward every client's DoH queries to that resolver.
    #[arg(long)]
    pub open_resolver: bool,
    /// HTTP listen address; port 0 picks a free port.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Serve HTTPS (HTTP/2 and HTTP/1.1) with this PEM certificate chain; needs --tls-key.
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The PEM private key of --tls-cert.
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// Serve HTTPS with a certificate made at start for localhost, 127.0.0.1 and ::1 (for
    /// testing: browsers warn about it).
    #[arg(long, conflicts_with = "tls_cert")]
    pub tls_self_signed: bool,
    /// Also answer plain DNS on this address, UDP and TCP on the same port.
    #[arg(long, value_name = "ADDR")]
    pub dns_listen: Option<SocketAddr>,
    /// Serve RDAP fixtures and bootstrap files from DIR at /rdap/ (DIR/PATH.json as
    /// application/rdap+json; PATH.json.status / .delay sidecars for errors and delays).
    #[arg(long, value_name = "DIR")]
    pub rdap: Option<PathBuf>,
    /// Serve this directory at / (index.html for unknown paths).
    #[arg(long = "static", value_name = "DIR")]
    pub static_dir: Option<PathBuf>,
    /// Delay every answer by this many milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    pub latency: u64,
    /// Inject a fault: NAME=KIND, NAME exact or *.suffix; repeatable.
    #[arg(long = "fault", value_name = "NAME=KIND", value_parser = FaultRule::parse_arg)]
    pub fault: Vec<FaultRule>,
    /// Read faults from a file: one `NAME KIND` per line, `#` comments.
    #[arg(long, value_name = "FILE")]
    pub faults: Option<PathBuf>,
    /// Log one line per query (to stderr).
    #[arg(long)]
    pub log_queries: bool,
    /// How long to wait for the upstream resolver before answering SERVFAIL.
    #[arg(long, value_name = "MS", default_value_t = 4000, hide = true)]
    pub upstream_timeout: u64,
}

impl Cli {
    /// All fault rules: `--fault` flags first, then the `--faults` file, first match winning.
    pub fn fault_rules(&self) -> anyhow::Result<Vec<FaultRule>> {
        let mut rules = self.fault.clone();
        if let Some(path) = &self.faults {
            let text = std::fs::read_to_string(path)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            rules
                .extend(parse_file(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?);
        }
        Ok(rules)
    }

    /// The CORS policy: explicit origins, or `*` (given, or by default on loopback).
    pub fn cors(&self) -> anyhow::Result<Cors> {
        if self.cors_origin.iter().any(|o| o == "*") {
            if self.cors_origin.len() > 1 {
                anyhow::bail!("--cors-origin '*' cannot be combined with other origins");
            }
            return Ok(Cors::Any);
        }
        if self.cors_origin.is_empty() {
            // A loopback listener is the fixture server, local use, or sits behind a reverse
            // proxy on the same machine; anything else is reachable by every page on the web,
            // so its owner must say which pages may use it.
            if self.listen.ip().is_loopback() {
                return Ok(Cors::Any);
            }
            anyhow::bail!(
                "--listen {} is not a loopback address: name the pages that may query it with \
                 --cors-origin https://your.page (repeatable), or allow every page with \
                 --cors-origin '*'",
                self.listen
            );
        }
        let mut origins = Vec::new();
        for origin in &self.cors_origin {
            let trimmed = origin.trim_end_matches('/');
            let valid = (trimmed.starts_with("https://") || trimmed.starts_with("http://"))
                && !trimmed[trimmed.find("://").unwrap_or(0) + 3..].contains('/');
            if !valid {
                anyhow::bail!(
                    "--cors-origin {origin:?}: an origin is scheme://host[:port], e.g. https://user.github.io"
                );
            }
            origins.push(trimmed.to_ascii_lowercase());
        }
        Ok(Cors::Origins(origins))
    }

    /// Refuses configurations that would make an open resolver by accident.
    pub fn check_exposure(&self) -> anyhow::Result<()> {
        if let Some(dns) = self.dns_listen
            && !dns.ip().is_loopback()
            && (self.upstream.is_some() || self.recursive)
            && !self.open_resolver
        {
            anyhow::bail!(
                "--dns-listen {dns} with --upstream/--recursive would be an open resolver (plain \
                 UDP DNS is a DDoS amplifier); keep plain DNS on loopback, firewall it and pass \
                 --open-resolver, or use DoH only"
            );
        }
        // An upstream is usually the machine's own or the network's resolver, which may know
        // internal names and trusts its clients; forwarding the whole internet to it over DoH
        // is an open forwarder. --recursive asks only public name servers, so it may listen
        // publicly (rate limited, CORS-restricted).
        if let Some(upstream) = self.upstream
            && !self.listen.ip().is_loopback()
            && !self.open_resolver
        {
            anyhow::bail!(
                "--listen {} with --upstream {upstream} would forward every client's queries to \
                 that resolver (an open forwarder); listen on loopback behind your reverse proxy \
                 and restrict access there, or pass --open-resolver",
                self.listen
            );
        }
        Ok(())
    }

    /// The certificate for HTTPS, if the listener is to speak TLS.
    pub fn tls(&self) -> Option<crate::tls::Certificate<'_>> {
        match (&self.tls_cert, &self.tls_key) {
            (Some(cert), Some(key)) => Some(crate::tls::Certificate::Files { cert, key }),
            _ if self.tls_self_signed => Some(crate::tls::Certificate::SelfSigned),
            _ => None,
        }
    }

    /// The latency as a duration.
    pub fn latency(&self) -> Duration {
        Duration::from_millis(self.latency)
    }
}

/// Which browser origins may read answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cors {
    /// Every origin (`Access-Control-Allow-Origin: *`).
    Any,
    /// Only these, lower case, without a trailing slash.
    Origins(Vec<String>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse() {
        let cli = Cli::try_parse_from([
            "inboxable-doh",
            "--listen",
            "127.0.0.1:0",
            "--upstream",
            "192.0.2.1",
            "--fault",
            "a.example=servfail",
            "--fault",
            "*.b.example=http429:5",
            "--log-queries",
        ])
        .unwrap();
        assert_eq!(cli.upstream.unwrap().port(), 53);
        assert_eq!(cli.fault.len(), 2);
        assert!(Cli::try_parse_from(["inboxable-doh", "--fault", "x=bogus"]).is_err());
    }

    #[test]
    fn recursive_flags_and_conflicts() {
        let cli = Cli::try_parse_from(["inboxable-doh", "--recursive", "--dnssec"]).unwrap();
        assert!(cli.recursive && cli.dnssec);
        assert_eq!(cli.rate_limit.to_string(), "20/s");
        assert_eq!(cli.max_inflight, 128);
        assert!(
            Cli::try_parse_from(["inboxable-doh", "--recursive", "--upstream", "192.0.2.1"])
                .is_err()
        );
        assert!(Cli::try_parse_from(["inboxable-doh", "--dnssec"]).is_err());
        assert!(Cli::try_parse_from(["inboxable-doh", "--root-hints", "x"]).is_err());
    }

    #[test]
    fn cors_defaults_depend_on_the_listen_address() {
        let parse = |args: &[&str]| {
            let mut all = vec!["inboxable-doh"];
            all.extend_from_slice(args);
            Cli::try_parse_from(all).unwrap().cors()
        };
        assert_eq!(parse(&[]).unwrap(), Cors::Any);
        assert!(parse(&["--listen", "0.0.0.0:8080"]).is_err());
        assert_eq!(
            parse(&["--listen", "0.0.0.0:8080", "--cors-origin", "*"]).unwrap(),
            Cors::Any
        );
        assert_eq!(
            parse(&["--cors-origin", "https://User.github.io/"]).unwrap(),
            Cors::Origins(vec!["https://user.github.io".into()])
        );
        assert!(parse(&["--cors-origin", "user.github.io"]).is_err());
        assert!(parse(&["--cors-origin", "https://a.example/path"]).is_err());
        assert!(parse(&["--cors-origin", "*", "--cors-origin", "https://a.example"]).is_err());
    }

    #[test]
    fn plain_dns_is_not_an_open_resolver_by_default() {
        let parse = |args: &[&str]| {
            let mut all = vec!["inboxable-doh"];
            all.extend_from_slice(args);
            Cli::try_parse_from(all).unwrap().check_exposure()
        };
        assert!(parse(&["--recursive", "--dns-listen", "0.0.0.0:53"]).is_err());
        assert!(parse(&["--recursive", "--dns-listen", "127.0.0.1:53"]).is_ok());
        assert!(parse(&["--zones", "d", "--dns-listen", "0.0.0.0:53"]).is_ok());
        assert!(
            parse(&[
                "--recursive",
                "--dns-listen",
                "0.0.0.0:53",
                "--open-resolver"
            ])
            .is_ok()
        );
    }

    #[test]
    fn upstream_is_not_an_open_forwarder_by_default() {
        let parse = |args: &[&str]| {
            let mut all = vec!["inboxable-doh", "--cors-origin", "*"];
            all.extend_from_slice(args);
            Cli::try_parse_from(all).unwrap().check_exposure()
        };
        assert!(parse(&["--upstream", "192.0.2.53"]).is_ok());
        assert!(parse(&["--upstream", "192.0.2.53", "--listen", "[::1]:8080"]).is_ok());
        assert!(parse(&["--upstream", "192.0.2.53", "--listen", "0.0.0.0:8080"]).is_err());
        assert!(parse(&["--upstream", "192.0.2.53", "--listen", "192.0.2.1:443"]).is_err());
        assert!(
            parse(&[
                "--upstream",
                "192.0.2.53",
                "--listen",
                "0.0.0.0:8080",
                "--open-resolver"
            ])
            .is_ok()
        );
        // Recursion asks only public name servers, so it may listen publicly.
        assert!(parse(&["--recursive", "--listen", "0.0.0.0:8080"]).is_ok());
    }
}
