//! `check_host()`, RFC 7208 §4–§6, over the engine's [`Resolver`].
//!
//! Every DNS answer the evaluation uses is recorded in a [`TraceNode`] tree (one
//! node per record, through include and redirect), with the lookups and void
//! lookups each term cost and the term that decided the result.

use std::cell::Cell;
use std::net::IpAddr;

use futures::FutureExt;
use futures::future::{Either, LocalBoxFuture};
use serde::Serialize;

use super::macros::{self, MacroPlace, MacroValues, is_queryable, parse_macro_string};
use super::trace::{DecidingTerm, Problem, QueryTrace, TermNote, TermTrace, TraceNode, Via};
use super::{
    DomainSpec, MAX_LOOKUPS, MAX_NAMES, MAX_VOID_LOOKUPS, Mechanism, Modifier, Record, SpfResult,
    TermKind, effective_ip, in_network, is_spf_record, parse,
};
use crate::dns::{LookupResult, RecordType, normalize_name, reverse_name};
use crate::resolver::Resolver;

/// The arguments of `check_host(<ip>, <domain>, <sender>)` (RFC 7208 §4.1) and the
/// values its macros read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Params {
    /// The client's address.
    pub ip: IpAddr,
    /// The domain whose record is checked.
    pub domain: String,
    /// `<sender>`: the MAIL FROM address, or `postmaster@` the HELO name.
    pub sender: String,
    /// The HELO/EHLO name (`%{h}`).
    pub helo: String,
    /// The receiving host (`%{r}`); `unknown` when not given.
    pub receiver: Option<String>,
    /// Seconds since the Unix epoch (`%{t}`); the clock when not given.
    pub now: Option<u64>,
}

impl Params {
    /// From an SMTP session: the IP, MAIL FROM (may be empty) and HELO. The domain
    /// is the sender's; with an empty MAIL FROM, the sender is `postmaster@<helo>`
    /// (§2.4).
    pub fn from_session(ip: IpAddr, mail_from: &str, helo: &str) -> Self {
        let sender = if mail_from.is_empty() {
            format!("postmaster@{helo}")
        } else {
            mail_from.to_owned()
        };
        let domain = sender
            .rsplit_once('@')
            .map_or(sender.as_str(), |(_, d)| d)
            .to_owned();
        Self {
            ip,
            domain,
            sender,
            helo: helo.to_owned(),
            receiver: None,
            now: None,
        }
    }

    /// For checking `domain`'s record: sender `postmaster@<domain>`, HELO `<domain>`.
    pub fn for_domain(domain: &str, ip: IpAddr) -> Self {
        Self::from_session(ip, &format!("postmaster@{domain}"), domain)
    }

    fn values(&self, domain: &str) -> MacroValues {
        let (local, sender_domain) = match self.sender.rsplit_once('@') {
            Some((l, d)) => (l, d),
            None => ("", self.sender.as_str()),
        };
        // §4.3: "If the <sender> has no local-part, substitute the string
        // "postmaster" for the local-part."
        let local = if local.is_empty() {
            "postmaster"
        } else {
            local
        };
        MacroValues {
            sender: format!("{local}@{sender_domain}"),
            local: local.to_owned(),
            sender_domain: sender_domain.to_owned(),
            domain: domain.to_owned(),
            ip: self.ip,
            helo: self.helo.clone(),
            validated: None,
            receiver: self.receiver.clone().unwrap_or_else(|| "unknown".into()),
            now: self.now.unwrap_or_else(|| {
                web_time::SystemTime::now()
                    .duration_since(web_time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs())
            }),
        }
    }
}

/// What `check_host()` found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckHost {
    /// The checked domain.
    pub domain: String,
    /// The client address.
    pub ip: IpAddr,
    /// The result.
    pub result: SpfResult,
    /// The `exp=` explanation of a `fail`, expanded; `None` for the default.
    pub explanation: Option<String>,
    /// Why the result is `none`, `temperror` or `permerror`.
    pub problem: Option<Problem>,
    /// DNS-querying terms this evaluation counted (limit 10).
    pub lookups: u32,
    /// Void lookups this evaluation counted (limit 2).
    pub void_lookups: u32,
    /// The term that decided the result, outermost first (include and redirect
    /// terms, then the term inside that matched).
    pub decided_by: Vec<DecidingTerm>,
    /// The records evaluated.
    pub trace: TraceNode,
}

/// Runs `check_host()` for `params`.
pub async fn check_host(resolver: &dyn Resolver, params: &Params) -> CheckHost {
    let eval = Eval {
        resolver,
        params,
        lookups: Cell::new(0),
        voids: Cell::new(0),
    };
    let domain = normalize_name(&params.domain);
    let out = eval.check(domain.clone(), Via::Root).await;
    let explanation = match (&out.exp, out.result) {
        (Some((spec, d)), SpfResult::Fail) => eval.explanation(spec, d).await,
        _ => None,
    };
    CheckHost {
        domain,
        ip: params.ip,
        result: out.result,
        explanation,
        problem: out.problem,
        lookups: eval.lookups.get(),
        void_lookups: eval.voids.get(),
        decided_by: out.decided,
        trace: out.node,
    }
}

/// §4.3: "If the <domain> is malformed (e.g., label longer than 63 characters,
/// zero-length label not at the end, etc.) or is not a multi-label domain name, …
/// check_host() immediately returns the result "none"."
pub fn is_valid_domain(domain: &str) -> bool {
    let d = domain.strip_suffix('.').unwrap_or(domain);
    is_queryable(d)
        && d.contains('.')
        && !d.starts_with('[')
        && !d
            .rsplit('.')
            .next()
            .unwrap_or("")
            .bytes()
            .all(|b| b.is_ascii_digit())
}

struct Eval<'a> {
    resolver: &'a dyn Resolver,
    params: &'a Params,
    lookups: Cell<u32>,
    voids: Cell<u32>,
}

struct Outcome {
    result: SpfResult,
    problem: Option<Problem>,
    /// The `exp=` that applies if the result is `fail`, with its record's domain.
    exp: Option<(DomainSpec, String)>,
    decided: Vec<DecidingTerm>,
    node: TraceNode,
}

type Stop = (SpfResult, Problem);

impl<'a> Eval<'a> {
    async fn lookup(&self, name: &str, rtype: RecordType, q: &mut Vec<QueryTrace>) -> LookupResult {
        let result = self.resolver.lookup(name, rtype).await;
        q.push(QueryTrace::of(name, rtype, &result));
        result
    }

    fn count_lookup(&self, domain: &str, term: &str) -> Result<(), Stop> {
        self.lookups.set(self.lookups.get() + 1);
        if self.lookups.get() > MAX_LOOKUPS {
            return Err((
                SpfResult::Permerror,
                Problem::LookupLimit {
                    domain: domain.into(),
                    term: term.into(),
                },
            ));
        }
        Ok(())
    }

    fn count_void(&self, t: &mut TermTrace, domain: &str) -> Result<(), Stop> {
        t.void = true;
        self.voids.set(self.voids.get() + 1);
        if self.voids.get() > MAX_VOID_LOOKUPS {
            return Err((
                SpfResult::Permerror,
                Problem::VoidLimit {
                    domain: domain.into(),
                    term: t.term.clone(),
                },
            ));
        }
        Ok(())
    }

    fn check(&'a self, domain: String, via: Via) -> LocalBoxFuture<'a, Outcome> {
        async move {
            let mut node = TraceNode::new(&domain, via);
            let stop = |mut node: TraceNode, result, problem: Problem| {
                node.finish(result, &Some(problem.clone()), &[]);
                Outcome {
                    result,
                    problem: Some(problem),
                    exp: None,
                    decided: vec![],
                    node,
                }
            };
            if !is_valid_domain(&domain) {
                let p = Problem::MalformedDomain {
                    domain: domain.clone(),
                };
                return stop(node, SpfResult::None, p);
            }
            let answer = match self
                .lookup(&domain, RecordType::TXT, &mut node.queries)
                .await
            {
                Ok(a) => a,
                Err(error) => {
                    let p = Problem::dns(&domain, RecordType::TXT, error);
                    return stop(node, SpfResult::Temperror, p);
                }
            };
            let records: Vec<String> = answer
                .txt_values()
                .into_iter()
                .filter(|t| is_spf_record(t))
                .collect();
            match records.len() {
                0 => {
                    let p = Problem::NoRecord {
                        domain: domain.clone(),
                        nxdomain: answer.nxdomain,
                    };
                    return stop(node, SpfResult::None, p);
                }
                1 => {}
                count => {
                    node.record = Some(records.join(" | "));
                    let p = Problem::MultipleRecords {
                        domain: domain.clone(),
                        count,
                    };
                    return stop(node, SpfResult::Permerror, p);
                }
            }
            let record = parse(&records[0]);
            node.record = Some(record.text.clone());
            node.diagnostics = record.diagnostics.clone();
            // §4.6: "if there are any syntax errors anywhere in the record,
            // check_host() returns immediately with the result "permerror"".
            if record.has_errors() {
                let p = Problem::Syntax {
                    domain: domain.clone(),
                };
                return stop(node, SpfResult::Permerror, p);
            }
            // The terms are evaluated in order (their results and counts depend on
            // it), but the DNS answers they need are asked for at once: every target
            // written without macros is fetched ahead into the run's cache while the
            // evaluation walks the terms, so an include chain costs one round trip
            // per level, not one per term. The prefetch is dropped as soon as the
            // evaluation has its result.
            let evaluation = self.terms(&record, &domain, node).boxed_local();
            let prefetch = self.prefetch(&record, &domain).boxed_local();
            match futures::future::select(evaluation, prefetch).await {
                Either::Left((out, _)) => out,
                Either::Right(((), evaluation)) => evaluation.await,
            }
        }
        .boxed_local()
    }

    /// Asks for the answers the record's literal targets will need.
    async fn prefetch(&self, record: &Record, domain: &str) {
        let literal = |spec: Option<&DomainSpec>| match spec {
            None => Some(domain.to_owned()),
            Some(spec) if !spec.has_macros() => Some(normalize_name(&spec.text)),
            Some(_) => None,
        };
        let family = if self.params.ip.is_ipv4() {
            RecordType::A
        } else {
            RecordType::AAAA
        };
        let mut wanted: Vec<(String, RecordType)> = Vec::new();
        for (_, _, mechanism) in record.directives() {
            let q = match mechanism {
                Mechanism::Include { domain } => {
                    literal(Some(domain)).map(|d| (d, RecordType::TXT))
                }
                Mechanism::A { domain, .. } => literal(domain.as_ref()).map(|d| (d, family)),
                Mechanism::Mx { domain, .. } => {
                    literal(domain.as_ref()).map(|d| (d, RecordType::MX))
                }
                Mechanism::Exists { domain } => literal(Some(domain)).map(|d| (d, RecordType::A)),
                _ => None,
            };
            wanted.extend(q.filter(|(d, _)| is_valid_domain(d)));
        }
        if let Some((_, spec)) = record.redirect()
            && let Some(d) = literal(Some(spec)).filter(|d| is_valid_domain(d))
        {
            wanted.push((d, RecordType::TXT));
        }
        futures::future::join_all(
            wanted
                .iter()
                .map(|(name, rtype)| self.resolver.lookup(name, *rtype)),
        )
        .await;
    }

    /// The directives in order, then `redirect=` (§4.6.2, §6.1).
    async fn terms(&'a self, record: &Record, domain: &str, node: TraceNode) -> Outcome {
        let domain = domain.to_owned();
        let mut out = Outcome {
            result: SpfResult::Neutral,
            problem: None,
            exp: None,
            decided: vec![],
            node,
        };
        for (term, qualifier, mechanism) in record.directives() {
            let mut t = TermTrace::new(term);
            let matched = self.mechanism(mechanism, &domain, &mut t).await;
            let decided = matched.as_ref().map_or(true, |m| *m);
            t.decided = decided;
            let child_decided = t
                .child
                .as_ref()
                .map(|c| c.decided_by.clone())
                .unwrap_or_default();
            out.node.push(t);
            match matched {
                Ok(false) => continue,
                Ok(true) => {
                    out.result = qualifier.result();
                    if out.result == SpfResult::Fail {
                        out.exp = record.exp().map(|(_, s)| (s.clone(), domain.clone()));
                    }
                }
                Err((result, problem)) => {
                    out.result = result;
                    out.problem = Some(problem);
                }
            }
            out.decided = vec![DecidingTerm::new(&domain, &term.text)];
            out.decided.extend(child_decided);
            out.node.finish(out.result, &out.problem, &out.decided);
            return out;
        }
        // §6.1: redirect is used only when no mechanism matched (and so never
        // with `all`, which always matches).
        if let Some((term, spec)) = record.redirect() {
            let mut t = TermTrace::new(term);
            t.decided = true;
            let step = self.redirect(spec, &domain, &mut t).await;
            out.decided = vec![DecidingTerm::new(&domain, &term.text)];
            match step {
                Ok(child) => {
                    out.result = child.result;
                    out.problem = child.problem;
                    out.exp = child.exp;
                    out.decided.extend(child.decided);
                    t.child = Some(Box::new(child.node));
                }
                Err((result, problem)) => {
                    out.result = result;
                    out.problem = Some(problem);
                }
            }
            out.node.push(t);
        }
        out.node.finish(out.result, &out.problem, &out.decided);
        out
    }

    async fn redirect(
        &'a self,
        spec: &DomainSpec,
        domain: &str,
        t: &mut TermTrace,
    ) -> Result<Outcome, Stop> {
        self.count_lookup(domain, &t.term)?;
        t.lookup = true;
        let target = self.target(spec, domain, t).await;
        let mut child = self.check(target.clone(), Via::Redirect).await;
        // §6.1: "if no SPF record is found, or if the <target-name> is malformed,
        // the result is a "permerror" rather than "none"."
        if child.result == SpfResult::None {
            child.result = SpfResult::Permerror;
            child.problem = Some(Problem::RedirectNone { domain: target });
        }
        Ok(child)
    }

    /// Expands a domain-spec for a query (§7.3 truncation included).
    async fn target(&self, spec: &DomainSpec, domain: &str, t: &mut TermTrace) -> String {
        let mut values = self.params.values(domain);
        if spec.uses_p() {
            values.validated = self.validated_name(domain, &mut t.queries).await;
        }
        let target = normalize_name(&macros::truncate_domain(&macros::expand(spec, &values)));
        t.target = Some(target.clone());
        target
    }

    /// `%{p}` (§7.3): a validated reverse name, preferring `domain` or a subdomain.
    async fn validated_name(&self, domain: &str, q: &mut Vec<QueryTrace>) -> Option<String> {
        let ip = effective_ip(self.params.ip);
        let names = match self.lookup(&reverse_name(ip), RecordType::PTR, q).await {
            Ok(a) => a.names(),
            Err(_) => return None,
        };
        let mut validated = Vec::new();
        for name in names.into_iter().take(MAX_NAMES) {
            if self.resolves_to(&name, ip, q).await {
                validated.push(name);
            }
        }
        let suffix = format!(".{domain}");
        validated
            .iter()
            .find(|n| *n == domain)
            .or_else(|| validated.iter().find(|n| n.ends_with(&suffix)))
            .or(validated.first())
            .cloned()
    }

    /// Whether `name`'s A/AAAA records include `ip`; DNS errors count as no.
    async fn resolves_to(&self, name: &str, ip: IpAddr, q: &mut Vec<QueryTrace>) -> bool {
        let rtype = address_type(ip);
        match self.lookup(name, rtype, q).await {
            Ok(a) => a.addresses().contains(&ip),
            Err(_) => false,
        }
    }

    /// Evaluates one mechanism: `Ok(matched)`, or the result that stops evaluation.
    async fn mechanism(
        &'a self,
        m: &Mechanism,
        domain: &str,
        t: &mut TermTrace,
    ) -> Result<bool, Stop> {
        let ip = effective_ip(self.params.ip);
        if m.queries_dns() {
            self.count_lookup(domain, &t.term)?;
            t.lookup = true;
        }
        let target = match m.domain() {
            Some(spec) => self.target(spec, domain, t).await,
            None => domain.to_owned(),
        };
        if m.queries_dns() && !is_queryable(&target) && !matches!(m, Mechanism::Include { .. }) {
            // A name no query can be made for is treated as non-existent (§4.8).
            t.note = Some(TermNote::InvalidTarget);
            return Ok(false);
        }
        let dns_stop =
            |name: &str, rtype, error| (SpfResult::Temperror, Problem::dns(name, rtype, error));
        match m {
            Mechanism::All => Ok(true),
            Mechanism::Ip4 { address, prefix } => Ok(in_network(ip, (*address).into(), *prefix)),
            Mechanism::Ip6 { address, prefix } => Ok(in_network(ip, (*address).into(), *prefix)),
            Mechanism::Include { .. } => {
                let child = self.check(target.clone(), Via::Include).await;
                let (result, problem) = (child.result, child.problem.clone());
                t.child = Some(Box::new(child.node));
                // §5.2: the include result table.
                match result {
                    SpfResult::Pass => Ok(true),
                    SpfResult::Fail | SpfResult::Softfail | SpfResult::Neutral => Ok(false),
                    SpfResult::Temperror => Err((result, problem.unwrap_or(Problem::Unknown))),
                    SpfResult::Permerror => Err((result, problem.unwrap_or(Problem::Unknown))),
                    SpfResult::None => Err((
                        SpfResult::Permerror,
                        Problem::IncludeNone { domain: target },
                    )),
                }
            }
            Mechanism::A { cidr, .. } => {
                let rtype = address_type(ip);
                let answer = self
                    .lookup(&target, rtype, &mut t.queries)
                    .await
                    .map_err(|e| dns_stop(&target, rtype, e))?;
                if answer.is_void() {
                    self.count_void(t, domain)?;
                }
                Ok(matches_any(ip, &answer.addresses(), cidr))
            }
            Mechanism::Mx { cidr, .. } => {
                let answer = self
                    .lookup(&target, RecordType::MX, &mut t.queries)
                    .await
                    .map_err(|e| dns_stop(&target, RecordType::MX, e))?;
                if answer.is_void() {
                    self.count_void(t, domain)?;
                }
                // §4.6.4: "the evaluation of each "MX" record MUST NOT result in
                // querying more than 10 address records … If this limit is
                // exceeded, the "mx" mechanism MUST produce a "permerror" result."
                if answer.records.len() > MAX_NAMES {
                    let p = Problem::MxLimit {
                        domain: target,
                        count: answer.records.len(),
                    };
                    return Err((SpfResult::Permerror, p));
                }
                let rtype = address_type(ip);
                for host in mx_hosts(&answer) {
                    let a = self
                        .lookup(&host, rtype, &mut t.queries)
                        .await
                        .map_err(|e| dns_stop(&host, rtype, e))?;
                    if matches_any(ip, &a.addresses(), cidr) {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Mechanism::Ptr { .. } => {
                // §5.5: "If a DNS error occurs while doing the PTR RR lookup, then
                // this mechanism fails to match."
                let answer = match self
                    .lookup(&reverse_name(ip), RecordType::PTR, &mut t.queries)
                    .await
                {
                    Ok(a) => a,
                    Err(_) => return Ok(false),
                };
                if answer.is_void() {
                    self.count_void(t, domain)?;
                }
                let names = answer.names();
                if names.len() > MAX_NAMES {
                    t.note = Some(TermNote::PtrNamesIgnored {
                        count: names.len() - MAX_NAMES,
                    });
                }
                let suffix = format!(".{target}");
                for name in names.into_iter().take(MAX_NAMES) {
                    // §5.5: a DNS error on the A lookup skips that name.
                    if (name == target || name.ends_with(&suffix))
                        && self.resolves_to(&name, ip, &mut t.queries).await
                    {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Mechanism::Exists { .. } => {
                // §5.7: the lookup type is A even when the connection is IPv6.
                let answer = self
                    .lookup(&target, RecordType::A, &mut t.queries)
                    .await
                    .map_err(|e| dns_stop(&target, RecordType::A, e))?;
                if answer.is_void() {
                    self.count_void(t, domain)?;
                    return Ok(false);
                }
                Ok(true)
            }
        }
    }

    /// §6.2: the explanation; any problem means "proceed as if no exp modifier
    /// was given".
    async fn explanation(&self, spec: &DomainSpec, domain: &str) -> Option<String> {
        let mut t = TermTrace::default();
        let target = self.target(spec, domain, &mut t).await;
        if !is_queryable(&target) {
            return None;
        }
        let answer = self.resolver.lookup(&target, RecordType::TXT).await.ok()?;
        let texts = answer.txt_values();
        let [text] = texts.as_slice() else {
            return None;
        };
        if !text.is_ascii() {
            return None;
        }
        let ms = parse_macro_string(text, 0, MacroPlace::Explanation).ok()?;
        let mut values = self.params.values(domain);
        if ms.uses_p() {
            values.validated = self.validated_name(domain, &mut t.queries).await;
        }
        Some(macros::expand(&ms, &values))
    }
}

/// The address record type for `ip`'s family.
pub(crate) fn address_type(ip: IpAddr) -> RecordType {
    match ip {
        IpAddr::V4(_) => RecordType::A,
        IpAddr::V6(_) => RecordType::AAAA,
    }
}

fn matches_any(ip: IpAddr, addresses: &[IpAddr], cidr: &super::DualCidr) -> bool {
    addresses.iter().any(|a| match a {
        IpAddr::V4(_) => in_network(ip, *a, cidr.v4),
        IpAddr::V6(_) => in_network(ip, *a, cidr.v6),
    })
}

/// MX exchanges in preference order, without the null MX `.`.
pub(crate) fn mx_hosts(answer: &crate::dns::Answer) -> Vec<String> {
    let mut mx: Vec<(u16, String)> = answer
        .records
        .iter()
        .filter_map(|r| match &r.data {
            crate::dns::RData::Mx {
                preference,
                exchange,
            } if !exchange.is_empty() => Some((*preference, exchange.clone())),
            _ => None,
        })
        .collect();
    mx.sort();
    mx.into_iter().map(|(_, h)| h).collect()
}

/// Whether any term of `record` uses the `p` macro (for `spf.deprecated`).
pub fn uses_p_macro(record: &super::Record) -> bool {
    record.terms.iter().any(|t| match &t.kind {
        TermKind::Directive { mechanism, .. } => mechanism.domain().is_some_and(|d| d.uses_p()),
        TermKind::Modifier { modifier } => match modifier {
            Modifier::Redirect { domain } | Modifier::Exp { domain } => domain.uses_p(),
            Modifier::Unknown { value, .. } => value.uses_p(),
        },
        TermKind::Invalid => false,
    })
}

/// The macro values for evaluating `domain`'s record with `params`.
pub(crate) fn macro_values(params: &Params, domain: &str) -> MacroValues {
    params.values(domain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolver::{MemoryTransport, RunResolver};

    async fn eval(z: &MemoryTransport, ip: &str) -> CheckHost {
        let r = RunResolver::new(vec![Box::new(z.clone())]);
        check_host(&r, &Params::for_domain("example.com", ip.parse().unwrap())).await
    }

    /// RFC 7208 §5.2: "If the <domain> has no SPF record … the include … returns
    /// … permerror" ("none" maps to "permerror").
    #[tokio::test]
    async fn rfc7208_5_2_include_of_a_domain_without_spf_is_permerror() {
        let mut z = MemoryTransport::new();
        z.txt("example.com", &["v=spf1 include:nospf.example.net -all"])
            .exists("nospf.example.net");
        let out = eval(&z, "192.0.2.1").await;
        assert_eq!(out.result, SpfResult::Permerror);
        assert_eq!(
            out.problem,
            Some(Problem::IncludeNone {
                domain: "nospf.example.net".into()
            })
        );
    }

    /// RFC 7208 §4.6.4: "SPF implementations SHOULD limit "void lookups" to two."
    #[tokio::test]
    async fn rfc7208_4_6_4_third_void_lookup_is_permerror() {
        let mut z = MemoryTransport::new();
        z.txt(
            "example.com",
            &["v=spf1 a:x1.example.com a:x2.example.com a:x3.example.com ?all"],
        );
        let out = eval(&z, "192.0.2.1").await;
        assert_eq!(
            (out.result, out.void_lookups, out.lookups),
            (SpfResult::Permerror, 3, 3)
        );
        assert!(matches!(out.problem, Some(Problem::VoidLimit { .. })));
    }

    /// RFC 7208 §6.2: "If the check_host() result is "fail" and the record has an
    /// "exp" modifier, the explanation string is … the TXT record's expansion."
    #[tokio::test]
    async fn rfc7208_6_2_exp_explains_a_fail_and_the_trace_names_the_term() {
        let mut z = MemoryTransport::new();
        z.txt(
            "example.com",
            &["v=spf1 include:_s.example.com -all exp=why.example.com"],
        )
        .txt("_s.example.com", &["v=spf1 ip4:198.51.100.0/24 -all"])
        .txt("why.example.com", &["%{i} may not send for %{d}"]);
        let out = eval(&z, "192.0.2.1").await;
        assert_eq!(out.result, SpfResult::Fail);
        assert_eq!(
            out.explanation.as_deref(),
            Some("192.0.2.1 may not send for example.com")
        );
        assert_eq!(out.decided_by, [DecidingTerm::new("example.com", "-all")]);
        assert_eq!((out.lookups, out.trace.lookups_total), (1, 1));
        let inner = eval(&z, "198.51.100.7").await;
        assert_eq!(inner.result, SpfResult::Pass);
        let terms: Vec<_> = inner.decided_by.iter().map(|d| d.term.as_str()).collect();
        assert_eq!(terms, ["include:_s.example.com", "ip4:198.51.100.0/24"]);
        let json = serde_json::to_value(&inner).unwrap();
        for field in ["result", "explanation", "lookups", "void_lookups", "trace"] {
            assert!(json.get(field).is_some(), "{field}");
        }
    }

    /// RFC 7208 §5: "an IPv4-mapped IPv6 address … MUST still be considered an
    /// IPv4 address".
    #[tokio::test]
    async fn rfc7208_5_mapped_addresses_match_ip4() {
        let mut z = MemoryTransport::new();
        z.txt("example.com", &["v=spf1 ip4:192.0.2.0/24 -all"]);
        assert_eq!(eval(&z, "::ffff:192.0.2.9").await.result, SpfResult::Pass);
    }
}
