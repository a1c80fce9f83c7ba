//! Traces of SPF evaluation, and the static expansion of a record tree.
//!
//! The same [`TraceNode`] tree serves both: [`check_host`](super::check_host) fills
//! it with the terms it evaluated for one IP; [`expand`] fills it with every term
//! of every record reachable through include and redirect, whatever the IP. The
//! static walk gives the lookup total the publisher must keep within 10 (the figure
//! receivers' evaluations can reach for *some* IP) and the networks the record
//! authorises.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::net::IpAddr;

use futures::FutureExt;
use futures::future::LocalBoxFuture;
use futures::future::join_all;
use serde::Serialize;

use super::eval::{Params, is_valid_domain, mx_hosts};
use super::macros::{self, is_queryable};
use super::{
    Diagnostic, DomainSpec, MAX_NAMES, Mechanism, Modifier, SpfResult, Term, TermKind,
    is_spf_record, parse,
};
use crate::dns::{LookupError, LookupResult, RecordType, normalize_name};
use crate::resolver::Resolver;

/// How a record was reached.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// The checked domain.
    #[default]
    Root,
    /// An `include:`.
    Include,
    /// A `redirect=`.
    Redirect,
}

/// One DNS question asked for a term, and its outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QueryTrace {
    /// The name.
    pub name: String,
    /// The type.
    #[serde(rename = "type")]
    pub rtype: RecordType,
    /// `NOERROR n`, `NXDOMAIN`, `NODATA`, or the error.
    pub outcome: String,
    /// Whether the lookup failed (no answer to reason from).
    pub error: bool,
}

impl QueryTrace {
    /// The trace of one lookup.
    pub fn of(name: &str, rtype: RecordType, result: &LookupResult) -> Self {
        Self {
            name: normalize_name(name),
            rtype,
            outcome: match result {
                Ok(a) => a.outcome(),
                Err(e) => e.outcome(),
            },
            error: result.is_err(),
        }
    }
}

/// Something about a term worth showing next to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "kebab-case")]
pub enum TermNote {
    /// The expanded target is not a name a query can be made for.
    InvalidTarget,
    /// `ptr` got more than 10 names; the extra ones were ignored (§4.6.4).
    PtrNamesIgnored {
        /// How many were ignored.
        count: usize,
    },
    /// `mx` got more than 10 names: a `permerror` whenever it is evaluated.
    MxOverLimit {
        /// How many.
        count: usize,
    },
    /// The target depends on macros, so the static walk could not follow it.
    Dynamic,
    /// The include/redirect leads back to a record already on the path.
    Loop,
    /// The tree is deeper than any evaluation could go; not walked further.
    TooDeep,
}

/// One term of a record in a trace.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TermTrace {
    /// The term as written.
    pub term: String,
    /// The expanded target name, for terms that have one.
    pub target: Option<String>,
    /// The questions asked for it.
    pub queries: Vec<QueryTrace>,
    /// Whether it counts as one of the ten lookups.
    pub lookup: bool,
    /// Whether its lookup was void (NXDOMAIN or NODATA).
    pub void: bool,
    /// Whether it decided the result (matched, or stopped the evaluation).
    pub decided: bool,
    /// A note.
    pub note: Option<TermNote>,
    /// The record an include or redirect led to.
    pub child: Option<Box<TraceNode>>,
}

impl TermTrace {
    /// An empty trace for `term`.
    pub fn new(term: &Term) -> Self {
        Self {
            term: term.text.clone(),
            ..Self::default()
        }
    }
}

/// The term that decided a result, in the record of `domain`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DecidingTerm {
    /// The domain whose record holds the term.
    pub domain: String,
    /// The term.
    pub term: String,
}

impl DecidingTerm {
    /// A deciding term.
    pub fn new(domain: &str, term: &str) -> Self {
        Self {
            domain: domain.to_owned(),
            term: term.to_owned(),
        }
    }
}

/// One record in the tree.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TraceNode {
    /// The domain.
    pub domain: String,
    /// How it was reached.
    pub via: Via,
    /// The SPF record found (several joined with ` | ` when there were several).
    pub record: Option<String>,
    /// The record lookup.
    pub queries: Vec<QueryTrace>,
    /// The record's syntax diagnostics.
    pub diagnostics: Vec<Diagnostic>,
    /// Its terms.
    pub terms: Vec<TermTrace>,
    /// Lookups counted for this record's own terms.
    pub lookups: u32,
    /// Void lookups of this record's own terms.
    pub void_lookups: u32,
    /// Lookups of this branch: this record and everything below it.
    pub lookups_total: u32,
    /// Void lookups of this branch.
    pub void_lookups_total: u32,
    /// The result of `check_host()` for this record (evaluation traces only).
    pub result: Option<SpfResult>,
    /// Why the result is `none`, `temperror` or `permerror`.
    pub problem: Option<Problem>,
    /// The deciding term, outermost first (evaluation traces only).
    pub decided_by: Vec<DecidingTerm>,
}

impl TraceNode {
    /// An empty node.
    pub fn new(domain: &str, via: Via) -> Self {
        Self {
            domain: domain.to_owned(),
            via,
            ..Self::default()
        }
    }

    /// Adds a term, accumulating its counts.
    pub fn push(&mut self, t: TermTrace) {
        let own = u32::from(t.lookup);
        let void = u32::from(t.void);
        self.lookups += own;
        self.void_lookups += void;
        self.lookups_total += own;
        self.void_lookups_total += void;
        if let Some(child) = &t.child {
            self.lookups_total += child.lookups_total;
            self.void_lookups_total += child.void_lookups_total;
        }
        self.terms.push(t);
    }

    /// Records the node's result.
    pub fn finish(
        &mut self,
        result: SpfResult,
        problem: &Option<Problem>,
        decided: &[DecidingTerm],
    ) {
        self.result = Some(result);
        self.problem = problem.clone();
        self.decided_by = decided.to_vec();
    }
}

/// Why an evaluation ended in `none`, `temperror` or `permerror`. Catalogue entries
/// `spf-problem-<code>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum Problem {
    /// Not a usable domain name (§4.3).
    MalformedDomain {
        /// The name.
        domain: String,
    },
    /// No SPF record at the domain (or the domain does not exist).
    NoRecord {
        /// The domain.
        domain: String,
        /// Whether the domain does not exist at all.
        nxdomain: bool,
    },
    /// More than one SPF record (§4.5).
    MultipleRecords {
        /// The domain.
        domain: String,
        /// How many.
        count: usize,
    },
    /// A syntax error in the record (§4.6).
    Syntax {
        /// The domain.
        domain: String,
    },
    /// The 11th DNS-querying term (§4.6.4).
    LookupLimit {
        /// The record's domain.
        domain: String,
        /// The term.
        term: String,
    },
    /// The third void lookup (§4.6.4).
    VoidLimit {
        /// The record's domain.
        domain: String,
        /// The term.
        term: String,
    },
    /// An `mx` target with more than 10 MX records (§4.6.4).
    MxLimit {
        /// The target.
        domain: String,
        /// How many MX records.
        count: usize,
    },
    /// An include target without an SPF record (§5.2).
    IncludeNone {
        /// The target.
        domain: String,
    },
    /// A redirect target without an SPF record (§6.1).
    RedirectNone {
        /// The target.
        domain: String,
    },
    /// A DNS lookup failed.
    Dns {
        /// The name.
        name: String,
        /// The type.
        #[serde(rename = "type")]
        rtype: RecordType,
        /// The error.
        error: LookupError,
    },
    /// Not determined (should not happen).
    Unknown,
}

impl Problem {
    /// A DNS problem.
    pub fn dns(name: &str, rtype: RecordType, error: LookupError) -> Self {
        Self::Dns {
            name: normalize_name(name),
            rtype,
            error,
        }
    }

    /// The lookup error of a DNS problem: what an `unknown` result carries in
    /// `details.error`, as [`crate::report::CheckResult::unknown`] puts it.
    pub fn lookup_error(&self) -> Option<&LookupError> {
        match self {
            Self::Dns { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The catalogue suffix.
    pub fn code(&self) -> &'static str {
        match self {
            Self::MalformedDomain { .. } => "malformed-domain",
            Self::NoRecord { .. } => "no-record",
            Self::MultipleRecords { .. } => "multiple-records",
            Self::Syntax { .. } => "syntax",
            Self::LookupLimit { .. } => "lookup-limit",
            Self::VoidLimit { .. } => "void-limit",
            Self::MxLimit { .. } => "mx-limit",
            Self::IncludeNone { .. } => "include-none",
            Self::RedirectNone { .. } => "redirect-none",
            Self::Dns { .. } => "dns",
            Self::Unknown => "unknown",
        }
    }

    /// Every code.
    pub const CODES: [&'static str; 11] = [
        "malformed-domain",
        "no-record",
        "multiple-records",
        "syntax",
        "lookup-limit",
        "void-limit",
        "mx-limit",
        "include-none",
        "redirect-none",
        "dns",
        "unknown",
    ];

    /// The catalogue message.
    pub fn message(&self) -> crate::i18n::Message {
        let m = crate::i18n::Message::new(format!("spf-problem-{}", self.code()));
        match self {
            Self::MalformedDomain { domain }
            | Self::NoRecord { domain, .. }
            | Self::Syntax { domain }
            | Self::IncludeNone { domain }
            | Self::RedirectNone { domain } => m.arg("domain", domain),
            Self::MultipleRecords { domain, count } | Self::MxLimit { domain, count } => {
                m.arg("domain", domain).arg("count", count)
            }
            Self::LookupLimit { domain, term } | Self::VoidLimit { domain, term } => {
                m.arg("domain", domain).arg("term", term)
            }
            Self::Dns { name, rtype, error } => m
                .arg("name", name)
                .arg("type", rtype)
                .arg_msg("reason", error.message()),
            Self::Unknown => m,
        }
    }
}

/// A network the record authorises, and the term it comes from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Network {
    /// The network address.
    pub address: IpAddr,
    /// The prefix length.
    pub prefix: u8,
    /// The record holding the term.
    pub domain: String,
    /// The term (`ip4:…`, `a:…`, `mx`).
    pub term: String,
}

impl Network {
    /// `ip4:192.0.2.0/24` / `ip6:2001:db8::/32` (no suffix for a single host).
    pub fn mechanism(&self) -> String {
        let (kind, full) = match self.address {
            IpAddr::V4(_) => ("ip4", 32),
            IpAddr::V6(_) => ("ip6", 128),
        };
        if self.prefix == full {
            format!("{kind}:{}", self.address)
        } else {
            format!("{kind}:{}/{}", self.address, self.prefix)
        }
    }
}

/// What the whole record tree costs and authorises.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Expansion {
    /// The domain.
    pub domain: String,
    /// DNS-querying terms across every branch (the figure to keep ≤ 10).
    pub lookups_total: u32,
    /// Void lookups across every branch whose targets are fixed names.
    pub void_lookups_total: u32,
    /// The record tree.
    pub tree: TraceNode,
    /// The networks authorised by ip4/ip6 terms and resolvable a/mx terms.
    pub networks: Vec<Network>,
    /// Terms that cannot be flattened into networks (`ptr`, `exists`, macros).
    pub unflattenable: Vec<String>,
    /// DNS errors that kept a branch from being walked: the total may be higher.
    pub errors: Vec<Problem>,
    /// An include/redirect loop was found: every evaluation reaching it fails.
    pub has_loop: bool,
}

impl Expansion {
    /// Whether every branch was walked, so the totals are exact.
    pub fn is_complete(&self) -> bool {
        self.errors.is_empty()
    }
}

#[derive(Default)]
struct Walk {
    networks: Vec<Network>,
    unflattenable: BTreeSet<String>,
    errors: Vec<Problem>,
    has_loop: bool,
}

/// Walks `domain`'s record and everything it includes or redirects to, whatever
/// the IP. Macro targets are expanded with `params` when given, else not followed.
pub async fn expand(resolver: &dyn Resolver, domain: &str, params: Option<&Params>) -> Expansion {
    let walker = Walker {
        resolver,
        params,
        state: RefCell::default(),
    };
    let domain = normalize_name(domain);
    let tree = walker.node(domain.clone(), Via::Root, vec![]).await;
    let state = walker.state.into_inner();
    let mut networks = state.networks;
    networks.sort();
    networks.dedup_by(|a, b| a.address == b.address && a.prefix == b.prefix);
    Expansion {
        domain,
        lookups_total: tree.lookups_total,
        void_lookups_total: tree.void_lookups_total,
        tree,
        networks,
        unflattenable: state.unflattenable.into_iter().collect(),
        errors: state.errors,
        has_loop: state.has_loop,
    }
}

struct Walker<'a> {
    resolver: &'a dyn Resolver,
    params: Option<&'a Params>,
    state: RefCell<Walk>,
}

/// No evaluation can go deeper than the lookup limit.
const MAX_DEPTH: usize = 11;

impl<'a> Walker<'a> {
    async fn lookup(
        &self,
        name: &str,
        rtype: RecordType,
        t: &mut TermTrace,
    ) -> Option<crate::dns::Answer> {
        let result = self.resolver.lookup(name, rtype).await;
        t.queries.push(QueryTrace::of(name, rtype, &result));
        match result {
            Ok(a) => Some(a),
            Err(error) => {
                self.state
                    .borrow_mut()
                    .errors
                    .push(Problem::dns(name, rtype, error));
                None
            }
        }
    }

    /// The target of a domain-spec, or `None` when it depends on macros we cannot
    /// expand.
    fn target(&self, spec: Option<&DomainSpec>, domain: &str, t: &mut TermTrace) -> Option<String> {
        let Some(spec) = spec else {
            return Some(domain.to_owned());
        };
        let text = if !spec.has_macros() {
            spec.text.clone()
        } else if let Some(params) = self.params.filter(|_| !spec.uses_p()) {
            let mut p = params.clone();
            p.domain = domain.to_owned();
            let values = super::eval::macro_values(&p, domain);
            macros::expand(spec, &values)
        } else {
            t.note = Some(TermNote::Dynamic);
            return None;
        };
        let target = normalize_name(&macros::truncate_domain(&text));
        t.target = Some(target.clone());
        is_queryable(&target).then_some(target)
    }

    fn node(
        &'a self,
        domain: String,
        via: Via,
        path: Vec<String>,
    ) -> LocalBoxFuture<'a, TraceNode> {
        async move {
            let mut node = TraceNode::new(&domain, via);
            if !is_valid_domain(&domain) {
                node.problem = Some(Problem::MalformedDomain { domain });
                return node;
            }
            let mut rt = TermTrace::default();
            let answer = self.lookup(&domain, RecordType::TXT, &mut rt).await;
            node.queries = rt.queries;
            let Some(answer) = answer else {
                return node;
            };
            let records: Vec<String> = answer
                .txt_values()
                .into_iter()
                .filter(|t| is_spf_record(t))
                .collect();
            if records.len() != 1 {
                node.problem = Some(if records.is_empty() {
                    Problem::NoRecord {
                        domain: domain.clone(),
                        nxdomain: answer.nxdomain,
                    }
                } else {
                    Problem::MultipleRecords {
                        domain: domain.clone(),
                        count: records.len(),
                    }
                });
                node.record = (!records.is_empty()).then(|| records.join(" | "));
                return node;
            }
            let record = parse(&records[0]);
            node.record = Some(record.text.clone());
            node.diagnostics = record.diagnostics.clone();
            let has_all = record.all().is_some();
            let mut path = path;
            path.push(domain.clone());
            // The static walk does not depend on the order of the terms, so every
            // branch is walked at once: the tree costs one round trip per level.
            let (domain, path) = (&domain, &path);
            let terms = join_all(record.terms.iter().map(|term| async move {
                let mut t = TermTrace::new(term);
                match &term.kind {
                    TermKind::Directive { mechanism, .. } => {
                        self.mechanism(mechanism, term, domain, path, &mut t).await;
                    }
                    TermKind::Modifier {
                        modifier: Modifier::Redirect { domain: spec },
                    } if !has_all => {
                        t.lookup = true;
                        if let Some(target) = self.target(Some(spec), domain, &mut t) {
                            t.child = self.follow(target, Via::Redirect, path, &mut t.note).await;
                        }
                    }
                    _ => {}
                }
                t
            }))
            .await;
            for t in terms {
                node.push(t);
            }
            node
        }
        .boxed_local()
    }

    async fn follow(
        &'a self,
        target: String,
        via: Via,
        path: &[String],
        note: &mut Option<TermNote>,
    ) -> Option<Box<TraceNode>> {
        if path.contains(&target) {
            *note = Some(TermNote::Loop);
            self.state.borrow_mut().has_loop = true;
            return None;
        }
        if path.len() >= MAX_DEPTH {
            *note = Some(TermNote::TooDeep);
            return None;
        }
        Some(Box::new(self.node(target, via, path.to_vec()).await))
    }

    async fn mechanism(
        &'a self,
        m: &Mechanism,
        term: &Term,
        domain: &str,
        path: &[String],
        t: &mut TermTrace,
    ) {
        t.lookup = m.queries_dns();
        let network = |address: IpAddr, prefix: u8| Network {
            address,
            prefix,
            domain: domain.to_owned(),
            term: term.text.clone(),
        };
        match m {
            Mechanism::All => {}
            Mechanism::Ip4 { address, prefix } => {
                let n = network((*address).into(), *prefix);
                self.state.borrow_mut().networks.push(n);
            }
            Mechanism::Ip6 { address, prefix } => {
                let n = network((*address).into(), *prefix);
                self.state.borrow_mut().networks.push(n);
            }
            Mechanism::Ptr { .. } | Mechanism::Exists { .. } => {
                self.state
                    .borrow_mut()
                    .unflattenable
                    .insert(term.text.clone());
            }
            Mechanism::Include { domain: spec } => match self.target(Some(spec), domain, t) {
                Some(target) => {
                    t.child = self.follow(target, Via::Include, path, &mut t.note).await;
                }
                None => {
                    self.state
                        .borrow_mut()
                        .unflattenable
                        .insert(term.text.clone());
                }
            },
            Mechanism::A { domain: spec, cidr } | Mechanism::Mx { domain: spec, cidr } => {
                let Some(target) = self.target(spec.as_ref(), domain, t) else {
                    self.state
                        .borrow_mut()
                        .unflattenable
                        .insert(term.text.clone());
                    return;
                };
                let hosts = if matches!(m, Mechanism::Mx { .. }) {
                    let Some(mx) = self.lookup(&target, RecordType::MX, t).await else {
                        return;
                    };
                    t.void = mx.is_void();
                    if mx.records.len() > MAX_NAMES {
                        t.note = Some(TermNote::MxOverLimit {
                            count: mx.records.len(),
                        });
                    }
                    mx_hosts(&mx)
                } else {
                    vec![target]
                };
                let mut any = false;
                for host in &hosts {
                    for rtype in [RecordType::A, RecordType::AAAA] {
                        if let Some(a) = self.lookup(host, rtype, t).await {
                            for ip in a.addresses() {
                                any = true;
                                let prefix = if ip.is_ipv4() { cidr.v4 } else { cidr.v6 };
                                self.state.borrow_mut().networks.push(network(ip, prefix));
                            }
                        }
                    }
                }
                if matches!(m, Mechanism::A { .. }) {
                    t.void = !any && !t.queries.iter().any(|q| q.error);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolver::{MemoryTransport, RunResolver};

    async fn walk(z: &MemoryTransport) -> Expansion {
        let r = RunResolver::new(vec![Box::new(z.clone())]);
        expand(&r, "example.com", None).await
    }

    /// RFC 7208 §4.6.4: the count runs "recursively through includes"; "all",
    /// "ip4", "ip6" and "exp" cost nothing; §6.1: redirect is ignored with "all".
    #[tokio::test]
    async fn rfc7208_4_6_4_static_total_walks_every_branch() {
        let mut z = MemoryTransport::new();
        z.txt(
            "example.com",
            &["v=spf1 ip4:192.0.2.0/24 mx include:a.example.net -all exp=e.example.com redirect=r.example.com"],
        )
        .mx("example.com", 10, "mail.example.com")
        .ip("mail.example.com", "192.0.2.25".parse().unwrap())
        .txt("a.example.net", &["v=spf1 include:b.example.net exists:%{i}.bl.example.net"])
        .txt("b.example.net", &["v=spf1 ip6:2001:db8::/32 a:gone.example.net"]);
        let e = walk(&z).await;
        // mx, include:a, include:b, exists, a:gone = 5; redirect ignored.
        assert_eq!(e.lookups_total, 5);
        assert_eq!(e.void_lookups_total, 1);
        assert_eq!(e.tree.terms[2].child.as_ref().unwrap().lookups_total, 3);
        let nets: Vec<String> = e.networks.iter().map(Network::mechanism).collect();
        assert_eq!(
            nets,
            ["ip4:192.0.2.0/24", "ip4:192.0.2.25", "ip6:2001:db8::/32"]
        );
        assert_eq!(e.unflattenable, ["exists:%{i}.bl.example.net"]);
        assert!(e.is_complete() && !e.has_loop);
    }

    #[tokio::test]
    async fn include_loops_are_found() {
        let mut z = MemoryTransport::new();
        z.txt("example.com", &["v=spf1 include:a.example.net -all"])
            .txt("a.example.net", &["v=spf1 include:example.com"]);
        assert!(walk(&z).await.has_loop);
    }
}
