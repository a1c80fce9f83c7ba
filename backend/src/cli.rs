//! Command-line flags and the configuration built from them.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;

use crate::faults::{FaultRule, parse_file};
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
    #[arg(long, value_name = "ADDR", value_parser = parse_addr)]
    pub upstream: Option<SocketAddr>,
    /// HTTP listen address; port 0 picks a free port.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Also answer plain DNS on this address, UDP and TCP on the same port.
    #[arg(long, value_name = "ADDR")]
    pub dns_listen: Option<SocketAddr>,
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

    /// The latency as a duration.
    pub fn latency(&self) -> Duration {
        Duration::from_millis(self.latency)
    }
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
}
