//! Abuse limits for a server exposed to the internet: a token bucket per client.
//!
//! Why per client and not global: a resolver's IP has a query budget at the blocklists (the
//! free tiers count queries per asking IP), so one noisy client must not spend everyone's
//! budget, and must not be able to use the server as a free resolver either.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A rate: `tokens` per `per`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    /// Requests allowed per period (0 = unlimited).
    pub tokens: u32,
    /// The period.
    pub per: Duration,
}

impl Rate {
    /// Parses `N/s`, `N/m`, `N/h`, a bare `N` (per second), or `off` / `0` for no limit.
    pub fn parse(text: &str) -> Result<Rate, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("off") {
            return Ok(Rate::unlimited());
        }
        let (count, unit) = text.split_once('/').unwrap_or((text, "s"));
        let tokens: u32 = count
            .trim()
            .parse()
            .map_err(|_| format!("{text:?}: expected N/s, N/m, N/h or off"))?;
        let per = match unit.trim() {
            "s" | "sec" | "second" => Duration::from_secs(1),
            "m" | "min" | "minute" => Duration::from_secs(60),
            "h" | "hour" => Duration::from_secs(3600),
            other => return Err(format!("{other:?}: rate unit must be s, m or h")),
        };
        Ok(Rate { tokens, per })
    }

    /// No limit.
    pub fn unlimited() -> Rate {
        Rate {
            tokens: 0,
            per: Duration::from_secs(1),
        }
    }

    /// True when this rate limits nothing.
    pub fn is_unlimited(&self) -> bool {
        self.tokens == 0
    }
}

impl std::fmt::Display for Rate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_unlimited() {
            return f.write_str("off");
        }
        let unit = match self.per.as_secs() {
            60 => "m",
            3600 => "h",
            _ => "s",
        };
        write!(f, "{}/{unit}", self.tokens)
    }
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// When the table holds this many clients, full (idle) buckets are dropped, so memory stays
/// bounded however many addresses a client spoofs or rotates through.
const MAX_CLIENTS: usize = 65_536;

/// Token buckets keyed by client address.
#[derive(Debug)]
pub struct RateLimiter {
    rate: Rate,
    burst: f64,
    exempt_loopback: bool,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

impl RateLimiter {
    /// `rate` refills each bucket; `burst` is its size (at least 1). Loopback clients are exempt
    /// when `exempt_loopback` (tests, the local CLI, a health check on the machine itself).
    pub fn new(rate: Rate, burst: u32, exempt_loopback: bool) -> Self {
        RateLimiter {
            rate,
            burst: f64::from(burst.max(1)),
            exempt_loopback,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// The configured rate.
    pub fn rate(&self) -> Rate {
        self.rate
    }

    /// Takes a token for `client`. `Err(wait)` says how long until one is available.
    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        self.check_at(client, Instant::now())
    }

    fn check_at(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        if self.rate.is_unlimited() || (self.exempt_loopback && client.is_loopback()) {
            return Ok(());
        }
        let per_second = f64::from(self.rate.tokens) / self.rate.per.as_secs_f64();
        let key = bucket_key(client);
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_CLIENTS && !buckets.contains_key(&key) {
            let burst = self.burst;
            buckets.retain(|_, b| {
                b.tokens + now.duration_since(b.updated).as_secs_f64() * per_second < burst
            });
        }
        let bucket = buckets.entry(key).or_insert(Bucket {
            tokens: self.burst,
            updated: now,
        });
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_second).min(self.burst);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / per_second))
        }
    }
}

/// IPv6 clients are limited per /64: one subscriber usually holds a whole /64, and per-address
/// buckets would let them rotate through 2^64 fresh buckets.
fn bucket_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// The client address of an HTTP request: the peer, or with `trust_proxy` the right-most entry
/// of `X-Forwarded-For` (the one our own proxy appended; entries to its left are whatever the
/// client claimed, so they are never used).
pub fn client_ip(peer: IpAddr, forwarded_for: Option<&str>, trust_proxy: bool) -> IpAddr {
    if !trust_proxy {
        return peer;
    }
    forwarded_for
        .and_then(|v| v.rsplit(',').next())
        .and_then(|last| {
            let last = last.trim();
            last.parse::<IpAddr>().ok().or_else(|| {
                // `[v6]:port` or `v4:port`, as some proxies write it.
                last.parse::<std::net::SocketAddr>().ok().map(|s| s.ip())
            })
        })
        .unwrap_or(peer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_parse() {
        assert_eq!(
            Rate::parse("20/s").unwrap(),
            Rate {
                tokens: 20,
                per: Duration::from_secs(1)
            }
        );
        assert_eq!(Rate::parse("600/m").unwrap().per, Duration::from_secs(60));
        assert_eq!(Rate::parse("5").unwrap().tokens, 5);
        assert!(Rate::parse("off").unwrap().is_unlimited());
        assert!(Rate::parse("0/s").unwrap().is_unlimited());
        assert!(Rate::parse("x/s").is_err());
        assert!(Rate::parse("5/d").is_err());
        assert_eq!(Rate::parse("600/m").unwrap().to_string(), "600/m");
    }

    #[test]
    fn bucket_allows_burst_then_refills() {
        let limiter = RateLimiter::new(Rate::parse("2/s").unwrap(), 3, true);
        let client: IpAddr = "192.0.2.1".parse().unwrap();
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(limiter.check_at(client, t0).is_ok());
        }
        let wait = limiter.check_at(client, t0).unwrap_err();
        assert!(wait <= Duration::from_millis(500) && wait > Duration::ZERO);
        // Another client has its own bucket.
        assert!(limiter.check_at("192.0.2.2".parse().unwrap(), t0).is_ok());
        // Half a second later one token is back.
        let later = t0 + Duration::from_millis(500);
        assert!(limiter.check_at(client, later).is_ok());
        assert!(limiter.check_at(client, later).is_err());
        // Loopback is exempt.
        for _ in 0..10 {
            assert!(limiter.check_at("127.0.0.1".parse().unwrap(), t0).is_ok());
        }
    }

    #[test]
    fn ipv6_shares_a_bucket_per_64() {
        let limiter = RateLimiter::new(Rate::parse("1/h").unwrap(), 1, true);
        let t0 = Instant::now();
        assert!(limiter.check_at("2001:db8::1".parse().unwrap(), t0).is_ok());
        assert!(
            limiter
                .check_at("2001:db8::2".parse().unwrap(), t0)
                .is_err()
        );
        assert!(
            limiter
                .check_at("2001:db8:0:1::1".parse().unwrap(), t0)
                .is_ok()
        );
    }

    #[test]
    fn forwarded_for_only_with_trust() {
        let peer: IpAddr = "127.0.0.1".parse().unwrap();
        let xff = Some("203.0.113.9, 198.51.100.7");
        assert_eq!(client_ip(peer, xff, false), peer);
        assert_eq!(
            client_ip(peer, xff, true),
            "198.51.100.7".parse::<IpAddr>().unwrap()
        );
        assert_eq!(client_ip(peer, Some("garbage"), true), peer);
        assert_eq!(client_ip(peer, None, true), peer);
    }
}
