//! The run's query log as the server saw it, and its critical path.
//!
//! Every run (CLI or page) gets its own `inboxable-doh --log-queries`, so the server's log
//! is that run's complete query log, with the same clock for both front ends. Each line
//! is written when the answer is ready (after `--latency`), so a query arrived at
//! `logged − elapsed_ms − latency`.
//!
//! Query Q depends on query P when P's answer was back before Q was sent and P's answer
//! carries what Q's name is built from:
//!
//! * a host name in P's answers (MX exchange, CNAME/PTR/NS target, SRV target, an SPF
//!   `include:`/`redirect=`/`a:`/`mx:`/`exists:`/`ptr:` domain in a TXT answer) equals Q's
//!   name, or is Q's name below underscore labels only (`_25._tcp.<mx host>` TLSA);
//! * a `mailto:` domain in P's TXT answer ends Q's name as `._report._dmarc.<domain>`
//!   (RFC 7489 §7.1 external report authorisation);
//! * an address in P's answers whose reverse name (in-addr.arpa / ip6.arpa nibbles) is
//!   Q's name, or whose DNSBL form (reversed octets / nibbles) is a label prefix of Q's.
//!
//! Queries without such a parent are roots (depth 1). The longest chain, times the
//! latency, is the least time any schedule can take: each link waits for one answer.

use std::collections::{BTreeSet, HashMap};
use std::net::IpAddr;

/// One query line of `inboxable-doh --log-queries`.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    /// Lower case, no trailing dot.
    pub name: String,
    /// Type mnemonic (`A`, `TXT`, …).
    pub qtype: String,
    /// RCODE as the backend prints it (`No Error`, `Non-Existent Domain`, …).
    pub rcode: String,
    /// When the query reached the server, ms since the run's first query arrived.
    pub start_ms: f64,
    /// When its answer was ready, same clock.
    pub end_ms: f64,
}

/// Reads the query lines of a backend's stderr. `latency_ms` turns log times (answer
/// ready) into arrival times. The first query whose name starts with `stop_at` (the log
/// barrier) and everything after it are left out.
pub fn parse_log(lines: &[String], latency_ms: f64, stop_at: Option<&str>) -> Vec<Query> {
    let mut out = Vec::new();
    for line in lines {
        let Some(parsed) = parse_line(line) else {
            continue;
        };
        if stop_at.is_some_and(|stop| parsed.0.starts_with(stop)) {
            break;
        }
        let (name, qtype, rcode, logged_us, elapsed_ms) = parsed;
        let end = logged_us as f64 / 1000.0;
        out.push(Query {
            name,
            qtype,
            rcode,
            start_ms: end - elapsed_ms - latency_ms,
            end_ms: end,
        });
    }
    let origin = out.iter().map(|q| q.start_ms).fold(f64::INFINITY, f64::min);
    for q in &mut out {
        q.start_ms -= origin;
        q.end_ms -= origin;
    }
    out
}

/// `(name, qtype, rcode, logged at µs since the epoch, elapsed_ms)`.
fn parse_line(line: &str) -> Option<(String, String, String, i64, f64)> {
    if !line.contains(" query ") || !line.contains(" name=") {
        return None;
    }
    let logged = parse_timestamp(line.split_whitespace().next()?)?;
    let name = field(line, "name", &["qtype", "rcode", "answers", "elapsed_ms"])?;
    let qtype = field(line, "qtype", &["rcode", "answers", "elapsed_ms"])?;
    let rcode = field(line, "rcode", &["answers", "elapsed_ms"]).unwrap_or_default();
    let elapsed = field(line, "elapsed_ms", &[])
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    Some((
        name.trim_end_matches('.').to_ascii_lowercase(),
        qtype,
        rcode,
        logged,
        elapsed,
    ))
}

fn field(line: &str, key: &str, next_keys: &[&str]) -> Option<String> {
    let start = line.find(&format!(" {key}="))? + key.len() + 2;
    let rest = &line[start..];
    let end = next_keys
        .iter()
        .filter_map(|k| rest.find(&format!(" {k}=")))
        .min()
        .unwrap_or(rest.len());
    Some(rest[..end].trim().trim_matches('"').to_owned())
}

/// RFC 3339 UTC (`2026-12-04T15:35:21.221624Z`, tracing's default) → µs since the epoch.
pub fn parse_timestamp(text: &str) -> Option<i64> {
    let text = text.strip_suffix('Z')?;
    let (date, time) = text.split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let (hms, frac) = time.split_once('.').unwrap_or((time, "0"));
    let mut t = hms.split(':').map(|p| p.parse::<i64>().ok());
    let (h, min, s) = (t.next()??, t.next()??, t.next()??);
    let digits: String = frac.chars().take(6).collect();
    let micros = format!("{digits:0<6}").parse::<i64>().ok()?;
    let days = days_from_civil(y, m, day);
    Some((((days * 24 + h) * 60 + min) * 60 + s) * 1_000_000 + micros)
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// What the names of later queries can be built from, read off one answer.
#[derive(Debug, Default)]
pub struct Carried {
    /// Host names (lower case, no trailing dot).
    pub hosts: BTreeSet<String>,
    /// `mailto:` domains (DMARC `rua`/`ruf`, TLS-RPT).
    pub mail_domains: BTreeSet<String>,
    /// Addresses.
    pub addrs: BTreeSet<IpAddr>,
}

fn clean_name(text: &str) -> Option<String> {
    let name = text
        .trim()
        .trim_matches('"')
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let ok = !name.is_empty()
        && !name.contains('%')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
    ok.then_some(name)
}

/// Reads `answers` (presentation form, as the DoH JSON `data` or `Record::data_text`) of
/// a query of type `qtype`.
pub fn carried(qtype: &str, answers: &[String]) -> Carried {
    let mut out = Carried::default();
    for data in answers {
        match qtype {
            "A" | "AAAA" => {
                // Loopback answers are blocklist codes (127.0.0.2 = listed), not hosts:
                // no query is built from them.
                if let Ok(ip) = data.trim().parse::<IpAddr>()
                    && !ip.to_canonical().is_loopback()
                {
                    out.addrs.insert(ip);
                }
            }
            "MX" => {
                if let Some(host) = data.split_whitespace().nth(1).and_then(clean_name) {
                    out.hosts.insert(host);
                }
            }
            "SRV" => {
                if let Some(host) = data.split_whitespace().nth(3).and_then(clean_name) {
                    out.hosts.insert(host);
                }
            }
            "PTR" | "CNAME" | "NS" => {
                if let Some(host) = clean_name(data) {
                    out.hosts.insert(host);
                }
            }
            "TXT" | "SPF" => read_txt(&join_strings(data), &mut out),
            _ => {}
        }
    }
    out
}

/// `"a" "b"` or `"a""b"` → `ab`: the record's strings joined as RFC 7208 §3.3 says.
fn join_strings(data: &str) -> String {
    let data = data.trim();
    if !data.starts_with('"') {
        return data.to_owned();
    }
    let mut out = String::new();
    let mut in_string = false;
    let mut chars = data.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => in_string = !in_string,
            '\\' if in_string => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            c if in_string => out.push(c),
            _ => {}
        }
    }
    out
}

fn read_txt(text: &str, out: &mut Carried) {
    for term in text.split(|c: char| c.is_whitespace() || c == ';' || c == ',') {
        let lower = term.to_ascii_lowercase();
        let lower = lower.trim_start_matches(['+', '-', '~', '?']);
        for prefix in ["include:", "redirect=", "a:", "mx:", "exists:", "ptr:"] {
            if let Some(rest) = lower.strip_prefix(prefix) {
                // `a:host/24//64`: the domain ends at the first `/`.
                let domain = rest.split('/').next().unwrap_or("");
                if let Some(host) = clean_name(domain) {
                    out.hosts.insert(host);
                }
            }
        }
        if let Some(at) = lower.find("mailto:") {
            let address = &lower[at + "mailto:".len()..];
            let domain = address.rsplit_once('@').map(|(_, d)| d).unwrap_or("");
            // `mailto:a@b.example!10m`: a size limit may follow.
            let domain = domain.split('!').next().unwrap_or("");
            if let Some(domain) = clean_name(domain) {
                out.mail_domains.insert(domain);
            }
        }
    }
}

/// The DNSBL form of `ip`: reversed octets, or reversed nibbles, without a zone.
pub fn dnsbl_form(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            format!("{}.{}.{}.{}", o[3], o[2], o[1], o[0])
        }
        IpAddr::V6(v6) => v6
            .octets()
            .iter()
            .rev()
            .map(|b| format!("{:x}.{:x}", b & 0xf, b >> 4))
            .collect::<Vec<_>>()
            .join("."),
    }
}

/// The reverse-DNS name of `ip`.
pub fn reverse_name(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(_) => format!("{}.in-addr.arpa", dnsbl_form(ip)),
        IpAddr::V6(_) => format!("{}.ip6.arpa", dnsbl_form(ip)),
    }
}

/// Whether a query named `name` can be built from what `c` carries, and why.
pub fn built_from(name: &str, c: &Carried) -> Option<String> {
    for host in &c.hosts {
        if name == host {
            return Some(format!("name in answer ({host})"));
        }
        if let Some(prefix) = name.strip_suffix(&format!(".{host}"))
            && prefix.split('.').all(|label| label.starts_with('_'))
        {
            return Some(format!("service name under {host}"));
        }
    }
    for domain in &c.mail_domains {
        if name.ends_with(&format!("._report._dmarc.{domain}")) {
            return Some(format!("report authorisation at {domain}"));
        }
    }
    for ip in &c.addrs {
        if name == reverse_name(*ip) {
            return Some(format!("reverse name of {ip}"));
        }
        if name.starts_with(&format!("{}.", dnsbl_form(*ip))) {
            return Some(format!("blocklist name of {ip}"));
        }
    }
    None
}

/// How close in time a parent's answer and its child's query may be and still count:
/// the server's clock stamps both, but the latency sleep may overshoot by a little.
const CLOCK_SLACK_MS: f64 = 2.0;

/// The longest chain of dependent queries.
#[derive(Debug, Default)]
pub struct CriticalPath {
    /// Its length in queries (0 for an empty log).
    pub length: usize,
    /// The chain, first query first, each with why it depends on the previous one.
    pub chain: Vec<(Query, String)>,
    /// How many queries have at least one parent.
    pub dependent: usize,
}

/// The critical path of `queries`, given each (name, type)'s answers.
pub fn critical_path(
    queries: &[Query],
    answers: &HashMap<(String, String), Vec<String>>,
) -> CriticalPath {
    let mut order: Vec<usize> = (0..queries.len()).collect();
    order.sort_by(|&a, &b| queries[a].start_ms.total_cmp(&queries[b].start_ms));
    let carried: Vec<Carried> = queries
        .iter()
        .map(|q| {
            let data = answers
                .get(&(q.name.clone(), q.qtype.clone()))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            carried(&q.qtype, data)
        })
        .collect();
    let mut depth = vec![0usize; queries.len()];
    let mut parent: Vec<Option<(usize, String)>> = vec![None; queries.len()];
    let mut dependent = 0;
    for (pos, &q) in order.iter().enumerate() {
        depth[q] = 1;
        for &p in &order[..pos] {
            if queries[p].end_ms > queries[q].start_ms + CLOCK_SLACK_MS {
                continue;
            }
            if let Some(why) = built_from(&queries[q].name, &carried[p])
                && depth[p] + 1 > depth[q]
            {
                depth[q] = depth[p] + 1;
                parent[q] = Some((p, why));
            }
        }
        if parent[q].is_some() {
            dependent += 1;
        }
    }
    let Some(mut last) = (0..queries.len()).max_by_key(|&i| (depth[i], usize::MAX - i)) else {
        return CriticalPath::default();
    };
    let mut chain = Vec::new();
    let mut why = "root".to_owned();
    loop {
        let link = parent[last].clone();
        if let Some((_, reason)) = &link {
            chain.push((queries[last].clone(), reason.clone()));
        } else {
            chain.push((queries[last].clone(), std::mem::take(&mut why)));
        }
        match link {
            Some((p, _)) => last = p,
            None => break,
        }
    }
    chain.reverse();
    CriticalPath {
        length: chain.len(),
        chain,
        dependent,
    }
}

/// `(issued, unique)`: query lines, and distinct (name, type) pairs among them.
pub fn issued_unique(queries: &[Query]) -> (usize, usize) {
    let unique: BTreeSet<(&str, &str)> = queries
        .iter()
        .map(|q| (q.name.as_str(), q.qtype.as_str()))
        .collect();
    (queries.len(), unique.len())
}

/// The most queries the server had in flight at once.
pub fn peak_in_flight(queries: &[Query]) -> usize {
    let mut events: Vec<(f64, i32)> = queries
        .iter()
        .flat_map(|q| [(q.start_ms, 1), (q.end_ms, -1)])
        .collect();
    // Ends before starts at the same instant.
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let (mut now, mut peak) = (0i32, 0i32);
    for (_, delta) in events {
        now += delta;
        peak = peak.max(now);
    }
    peak.max(0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(name: &str, qtype: &str, start: f64, end: f64) -> Query {
        Query {
            name: name.into(),
            qtype: qtype.into(),
            rcode: "No Error".into(),
            start_ms: start,
            end_ms: end,
        }
    }

    #[test]
    fn timestamps_are_read_to_the_microsecond() {
        let a = parse_timestamp("2026-12-04T15:35:21.221624Z").unwrap();
        let b = parse_timestamp("2026-12-04T15:35:22.000001Z").unwrap();
        assert_eq!(b - a, 778_377);
        assert_eq!(
            parse_timestamp("1970-01-02T00:00:00Z"),
            Some(86_400_000_000)
        );
        assert_eq!(
            parse_timestamp("2026-01-01T00:00:00.5Z").unwrap()
                - parse_timestamp("2025-12-31T23:59:59.5Z").unwrap(),
            1_000_000
        );
    }

    #[test]
    fn log_lines_become_queries_with_arrival_times() {
        let lines: Vec<String> = [
            "2026-12-04T16:02:54.581189Z  INFO inboxable_doh::zones: zone loaded zone=x.",
            "2026-12-04T16:02:54.581454Z  INFO inboxable_doh::engine: query name=Example.com. \
             qtype=MX rcode=No Error answers=2 elapsed_ms=0",
            "2026-12-04T16:02:54.632454Z  INFO inboxable_doh::engine: query name=mx1.example.com. \
             qtype=A rcode=Non-Existent Domain answers=0 elapsed_ms=1",
            "2026-12-04T16:02:54.700000Z  INFO inboxable_doh::engine: query name=barrier.example. \
             qtype=A rcode=Query Refused answers=0 elapsed_ms=0",
            "2026-12-04T16:02:54.800000Z  INFO inboxable_doh::engine: query name=late.example. \
             qtype=A rcode=Query Refused answers=0 elapsed_ms=0",
        ]
        .map(String::from)
        .to_vec();
        let log = parse_log(&lines, 50.0, Some("barrier.example"));
        assert_eq!(log.len(), 2);
        assert_eq!(
            (log[0].name.as_str(), log[0].qtype.as_str()),
            ("example.com", "MX")
        );
        assert_eq!(log[0].start_ms, 0.0);
        assert!((log[0].end_ms - 50.0).abs() < 1e-6);
        assert_eq!(log[1].rcode, "Non-Existent Domain");
        assert!((log[1].start_ms - 50.0).abs() < 1e-6, "{:?}", log[1]);
    }

    #[test]
    fn answers_carry_hosts_domains_and_addresses() {
        let spf = carried(
            "TXT",
            &["\"v=spf1 mx a:Out.example.com/24 include:_spf.exa\" \"mple.net -all\"".into()],
        );
        assert!(spf.hosts.contains("out.example.com"));
        assert!(spf.hosts.contains("_spf.example.net"));
        let macro_term = carried("TXT", &["v=spf1 exists:%{i}._ip.example.com -all".into()]);
        assert!(macro_term.hosts.is_empty());
        let dmarc = carried(
            "TXT",
            &["\"v=DMARC1; p=reject; rua=mailto:d@Reports.example.net!10m\"".into()],
        );
        assert!(dmarc.mail_domains.contains("reports.example.net"));
        let mx = carried("MX", &["10 mx1.example.com.".into()]);
        assert!(mx.hosts.contains("mx1.example.com"));
        let a = carried("AAAA", &["2001:db8::1".into()]);
        assert_eq!(a.addrs.len(), 1);
        let code = carried("A", &["127.0.0.2".into()]);
        assert!(
            code.addrs.is_empty(),
            "a blocklist code is not an address to follow"
        );
    }

    #[test]
    fn names_built_from_answers_are_recognised() {
        let c = Carried {
            hosts: ["mx1.example.com".to_string()].into(),
            mail_domains: ["reports.example.net".to_string()].into(),
            addrs: ["192.0.2.5".parse().unwrap(), "2001:db8::5".parse().unwrap()].into(),
        };
        assert!(built_from("mx1.example.com", &c).is_some());
        assert!(built_from("_25._tcp.mx1.example.com", &c).is_some());
        assert!(built_from("www.mx1.example.com", &c).is_none());
        assert!(built_from("example.com._report._dmarc.reports.example.net", &c).is_some());
        assert!(built_from("5.2.0.192.in-addr.arpa", &c).is_some());
        assert!(built_from("5.2.0.192.zen.spamhaus.org", &c).is_some());
        assert!(built_from("15.2.0.192.zen.spamhaus.org", &c).is_none());
        let v6 = "5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2";
        assert!(built_from(&format!("{v6}.ip6.arpa"), &c).is_some());
        assert!(built_from(&format!("{v6}.bl.example"), &c).is_some());
    }

    #[test]
    fn the_longest_chain_follows_answers_and_time() {
        let log = vec![
            q("example.com", "TXT", 0.0, 50.0),
            q("_spf.example.net", "TXT", 51.0, 101.0),
            q("relay.example.net", "MX", 102.0, 152.0),
            q("in.relay.example.net", "A", 153.0, 203.0),
            // Named in an answer, but sent before that answer came back: a root.
            q("out.example.com", "A", 0.0, 50.0),
            q("example.com", "MX", 0.0, 50.0),
        ];
        let answers: HashMap<(String, String), Vec<String>> = [
            (
                ("example.com".into(), "TXT".into()),
                vec!["\"v=spf1 a:out.example.com include:_spf.example.net -all\"".into()],
            ),
            (
                ("_spf.example.net".into(), "TXT".into()),
                vec!["\"v=spf1 mx:relay.example.net -all\"".into()],
            ),
            (
                ("relay.example.net".into(), "MX".into()),
                vec!["10 in.relay.example.net.".into()],
            ),
            (
                ("in.relay.example.net".into(), "A".into()),
                vec!["192.0.2.9".into()],
            ),
        ]
        .into();
        let path = critical_path(&log, &answers);
        assert_eq!(path.length, 4);
        let names: Vec<&str> = path.chain.iter().map(|(q, _)| q.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "example.com",
                "_spf.example.net",
                "relay.example.net",
                "in.relay.example.net"
            ]
        );
        assert_eq!(path.dependent, 3);
        assert_eq!(issued_unique(&log), (6, 6));
        assert_eq!(peak_in_flight(&log), 3);
        assert_eq!(critical_path(&[], &answers).length, 0);
    }
}
