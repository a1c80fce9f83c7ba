//! Recursive resolution from the root servers (`--recursive`), with hickory's recursor.
//!
//! Why recursion at all: DNS blocklists refuse queries that reach them through public resolvers
//! and the shared resolvers of big hosting providers, so a blocklist answer is only real when the
//! query leaves from the user's own server (see `deploy/README.md`).
//!
//! hickory 0.26 ships its recursor inside `hickory-resolver` (feature `recursor`). It brings its
//! own bounded caches, which we size from the flags: a response cache (moka, a count of
//! messages, each entry expiring at its records' TTL, negative answers at the SOA's negative TTL
//! per RFC 2308) and a cache of name-server pools per zone cut.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hickory_proto::op::{Message, ResponseCode};
use hickory_proto::rr::{RData, Record, RecordType};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::recursor::{
    DnssecConfig, DnssecPolicy, Recursor, RecursorError, RecursorOptions,
};
use hickory_resolver::{ConnectionProvider, PoolContext, config::ConnectionConfig};
use ipnet::IpNet;

use crate::zones::parse_zone;

/// The IANA root servers (named.root, 2024), used when no `--root-hints` file is given. The
/// recursor only needs addresses; it re-learns the root NS set by itself.
pub const BUILTIN_ROOT_HINTS: [IpAddr; 26] = [
    IpAddr::V4(Ipv4Addr::new(198, 41, 0, 4)), // a.root-servers.net
    IpAddr::V4(Ipv4Addr::new(170, 247, 170, 2)), // b
    IpAddr::V4(Ipv4Addr::new(192, 33, 4, 12)), // c
    IpAddr::V4(Ipv4Addr::new(199, 7, 91, 13)), // d
    IpAddr::V4(Ipv4Addr::new(192, 203, 230, 10)), // e
    IpAddr::V4(Ipv4Addr::new(192, 5, 5, 241)), // f
    IpAddr::V4(Ipv4Addr::new(192, 112, 36, 4)), // g
    IpAddr::V4(Ipv4Addr::new(198, 97, 190, 53)), // h
    IpAddr::V4(Ipv4Addr::new(192, 36, 148, 17)), // i
    IpAddr::V4(Ipv4Addr::new(192, 58, 128, 30)), // j
    IpAddr::V4(Ipv4Addr::new(193, 0, 14, 129)), // k
    IpAddr::V4(Ipv4Addr::new(199, 7, 83, 42)), // l
    IpAddr::V4(Ipv4Addr::new(202, 12, 27, 33)), // m
    IpAddr::V6(Ipv6Addr::new(0x2001, 0x503, 0xba3e, 0, 0, 0, 0x2, 0x30)),
    IpAddr::V6(Ipv6Addr::new(0x2801, 0x1b8, 0x10, 0, 0, 0, 0, 0xb)),
    IpAddr::V6(Ipv6Addr::new(0x2001, 0x500, 0x2, 0, 0, 0, 0, 0xc)),
    IpAddr::V6(Ipv6Addr::new(0x2001, 0x500, 0x2d, 0, 0, 0, 0, 0xd)),
    IpAddr::V6(Ipv6Addr::new(0x2001, 0x500, 0xa8, 0, 0, 0, 0, 0xe)),
    IpAddr::V6(Ipv6Addr::new(0x2001, 0x500, 0x2f, 0, 0, 0, 0, 0xf)),
    IpAddr::V6(Ipv6Addr::new(0x2001, 0x500, 0x12, 0, 0, 0, 0, 0xd0d)),
    IpAddr::V6(Ipv6Addr::new(0x2001, 0x500, 0x1, 0, 0, 0, 0, 0x53)),
    IpAddr::V6(Ipv6Addr::new(0x2001, 0x7fe, 0, 0, 0, 0, 0, 0x53)),
    IpAddr::V6(Ipv6Addr::new(0x2001, 0x503, 0xc27, 0, 0, 0, 0x2, 0x30)),
    IpAddr::V6(Ipv6Addr::new(0x2001, 0x7fd, 0, 0, 0, 0, 0, 0x1)),
    IpAddr::V6(Ipv6Addr::new(0x2001, 0x500, 0x9f, 0, 0, 0, 0, 0x42)),
    IpAddr::V6(Ipv6Addr::new(0x2001, 0xdc3, 0, 0, 0, 0, 0, 0x35)),
];

/// Reads root hints from a master file (the `named.root` format): every A and AAAA record's
/// address is a root server; other records (the `.` NS set) are ignored.
pub fn load_root_hints(path: &Path) -> anyhow::Result<Vec<IpAddr>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let parsed = parse_zone(&text, Some(hickory_proto::rr::Name::root()))
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let addrs: Vec<IpAddr> = parsed
        .records
        .iter()
        .filter_map(|r| r.data.ip_addr())
        .collect();
    if addrs.is_empty() {
        anyhow::bail!("{}: no A or AAAA records (root hints)", path.display());
    }
    Ok(addrs)
}

/// Settings for [`Recursive::new`].
#[derive(Debug, Clone)]
pub struct RecursiveConfig {
    /// Root server addresses.
    pub roots: Vec<IpAddr>,
    /// Validate DNSSEC (hickory's validating recursor, built-in root trust anchor by default).
    pub dnssec: bool,
    /// A trust anchor file replacing the built-in root KSK (only with `dnssec`).
    pub trust_anchor: Option<std::path::PathBuf>,
    /// Most cached responses (entries, each one DNS message).
    pub cache_size: u64,
    /// Name servers in these networks may be queried even though hickory's default filter
    /// denies them (loopback, RFC 1918, documentation ranges).
    pub allow_servers: Vec<IpNet>,
    /// Destination port of every outgoing query. Always 53 in real use; a delegation tree on
    /// loopback in tests can then run without root privileges.
    pub port: u16,
    /// Deadline for one whole resolution.
    pub timeout: Duration,
}

/// hickory's Tokio connection provider, with the destination port replaced. The recursor hard-
/// codes port 53 for every name server it learns; this is the one hook where it can be changed.
#[derive(Clone)]
pub struct PortProvider {
    inner: TokioRuntimeProvider,
    port: u16,
}

impl ConnectionProvider for PortProvider {
    type Conn = <TokioRuntimeProvider as ConnectionProvider>::Conn;
    type FutureConn = <TokioRuntimeProvider as ConnectionProvider>::FutureConn;
    type RuntimeProvider = TokioRuntimeProvider;

    fn new_connection(
        &self,
        ip: IpAddr,
        config: &ConnectionConfig,
        cx: &PoolContext,
    ) -> Result<Self::FutureConn, hickory_resolver::net::NetError> {
        let mut config = config.clone();
        config.port = self.port;
        self.inner.new_connection(ip, &config, cx)
    }

    fn runtime_provider(&self) -> &Self::RuntimeProvider {
        &self.inner
    }
}

/// The recursive resolver.
pub struct Recursive {
    recursor: Recursor<PortProvider>,
    dnssec: bool,
    timeout: Duration,
    port: u16,
    roots: usize,
}

impl std::fmt::Debug for Recursive {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recursive")
            .field("dnssec", &self.dnssec)
            .field("roots", &self.roots)
            .field("port", &self.port)
            .finish_non_exhaustive()
    }
}

impl Recursive {
    /// Builds the recursor. Must be called inside a Tokio runtime.
    pub fn new(config: RecursiveConfig) -> anyhow::Result<Self> {
        let options = RecursorOptions {
            response_cache_size: config.cache_size,
            allow_server: config.allow_servers.clone(),
            // Spoofing resistance for UDP (draft-vixie-dnsext-dns0x20); hickory falls back to TCP
            // when an authority does not preserve case.
            case_randomization: true,
            ..RecursorOptions::default()
        };
        let policy = if config.dnssec {
            let mut dnssec = DnssecConfig::default();
            if let Some(path) = &config.trust_anchor {
                let anchors = hickory_proto::dnssec::TrustAnchors::from_file(path)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                dnssec.trust_anchor = Some(Arc::new(anchors));
            }
            DnssecPolicy::ValidateWithStaticKey(dnssec)
        } else {
            DnssecPolicy::SecurityUnaware
        };
        let provider = PortProvider {
            inner: TokioRuntimeProvider::default(),
            port: config.port,
        };
        let recursor = Recursor::new(&config.roots, policy, None, options, provider)
            .map_err(|e| anyhow::anyhow!("building the recursor: {e}"))?;
        Ok(Recursive {
            recursor,
            dnssec: config.dnssec,
            timeout: config.timeout,
            port: config.port,
            roots: config.roots.len(),
        })
    }

    /// Whether answers are DNSSEC-validated.
    pub fn dnssec(&self) -> bool {
        self.dnssec
    }

    /// Resolves the first question of `request` into `response` (a skeleton carrying the
    /// request's ID, question and EDNS): answers, authority, RCODE and the AD bit.
    pub async fn resolve(&self, request: &Message, mut response: Message) -> Message {
        let Some(query) = request.queries.first().cloned() else {
            response.metadata.response_code = ResponseCode::FormErr;
            return response;
        };
        let dnssec_ok = request.edns.as_ref().is_some_and(|e| e.flags().dnssec_ok);
        let result = tokio::time::timeout(
            self.timeout,
            self.recursor.resolve(query, Instant::now(), dnssec_ok),
        )
        .await;
        match result {
            Ok(Ok(message)) => {
                response.metadata.response_code = message.metadata.response_code;
                // AD only for data that validated: every answer record Secure. Never on
                // negative answers (hickory reports them as errors without a proof) and never
                // without validation, so a client may trust AD for DANE.
                response.metadata.authentic_data = self.dnssec
                    && !message.answers.is_empty()
                    && message.answers.iter().all(|r| r.proof.is_secure());
                response.answers = message.answers;
                response.authorities = message
                    .authorities
                    .into_iter()
                    .filter(|r| r.record_type() != RecordType::NS || response.answers.is_empty())
                    .collect();
            }
            Ok(Err(error)) => negative(&mut response, error),
            Err(_) => {
                tracing::warn!(
                    timeout_ms = self.timeout.as_millis() as u64,
                    "recursion timed out"
                );
                response.metadata.response_code = ResponseCode::ServFail;
            }
        }
        response
    }
}

/// NXDOMAIN and NODATA come back from hickory as errors carrying the SOA; everything else is a
/// failure (unreachable servers, bogus DNSSEC, limits) and becomes SERVFAIL.
fn negative(response: &mut Message, error: RecursorError) {
    let nx = error.is_nx_domain();
    if !nx && !error.is_no_records_found() {
        tracing::debug!(%error, "recursion failed");
        response.metadata.response_code = ResponseCode::ServFail;
        return;
    }
    response.metadata.response_code = if nx {
        ResponseCode::NXDomain
    } else {
        ResponseCode::NoError
    };
    if let Some(soa) = error.into_soa() {
        let mut soa: Record<RData> = soa.into_record_of_rdata();
        // RFC 2308 section 3: the negative TTL is the lesser of the SOA TTL and MINIMUM.
        if let RData::SOA(data) = &soa.data {
            soa.ttl = soa.ttl.min(data.minimum);
        }
        response.authorities = vec![soa];
    }
}
