//! Authoritative zone data: loading master files and answering from them.
//!
//! The lookup is our own rather than hickory-server's `InMemoryZoneHandler`, because the contract
//! needs exactly this behaviour: CNAME chains followed *across* every loaded zone (hickory's
//! handler only resolves inside one zone and leaves the rest to a catalog), empty non-terminals
//! answered as NODATA, RFC 4592 closest-encloser wildcards, and records of any type, including
//! ones hickory cannot parse from text (see `parse`). NS records below an apex are zone cuts:
//! names at or below them get a referral (RFC 1034 section 4.3.2 step 3b), which is what lets
//! instances serve a delegation tree to a recursive resolver.

mod parse;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

pub use parse::{ParseError, parse_record_type, parse_zone};

/// How many CNAME links an answer may follow before it stops with what it has.
pub const MAX_CNAME_CHAIN: usize = 16;

/// Errors while loading a zone directory.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The directory or a file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path that failed.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file is not a valid master file.
    #[error("{path}: {source}")]
    Parse {
        /// The file.
        path: String,
        /// What is wrong and where.
        source: ParseError,
    },
    /// Two files claim the same origin.
    #[error("{path}: zone {origin} is already loaded from another file")]
    Duplicate {
        /// The second file.
        path: String,
        /// The repeated origin.
        origin: String,
    },
}

/// One zone: its records indexed by owner name and type.
#[derive(Debug)]
pub struct Zone {
    origin: Name,
    /// Records by lower-cased owner, then by type code (a BTreeMap so ANY answers are stable).
    nodes: HashMap<LowerName, BTreeMap<u16, Vec<Record>>>,
    /// Every owner name plus all its ancestors down to the apex: a name in here exists even
    /// when it owns no records (an empty non-terminal, RFC 8020 / RFC 4592 section 2.2.2).
    existing: HashSet<LowerName>,
    soa: Option<Record>,
}

impl Zone {
    /// Builds a zone from parsed records, dropping (with a warning) records outside the origin.
    pub fn new(origin: Name, records: Vec<Record>) -> Self {
        let mut zone = Zone {
            existing: HashSet::from([LowerName::new(&origin)]),
            origin,
            nodes: HashMap::new(),
            soa: None,
        };
        for record in records {
            if !zone.origin.zone_of(&record.name) {
                tracing::warn!(zone = %zone.origin, name = %record.name, "record outside the zone ignored");
                continue;
            }
            let mut ancestor = record.name.clone();
            while zone.origin.zone_of(&ancestor) && zone.existing.insert(LowerName::new(&ancestor))
            {
                ancestor = ancestor.base_name();
            }
            if record.record_type() == RecordType::SOA && zone.soa.is_none() {
                zone.soa = Some(record.clone());
            }
            let set = zone
                .nodes
                .entry(LowerName::new(&record.name))
                .or_default()
                .entry(u16::from(record.record_type()))
                .or_default();
            if !set.iter().any(|r| r.data == record.data) {
                set.push(record);
            }
        }
        zone
    }

    /// The zone apex.
    pub fn origin(&self) -> &Name {
        &self.origin
    }

    /// The SOA for negative answers, with the TTL RFC 2308 section 3 asks for
    /// (the lesser of the SOA's TTL and its MINIMUM field).
    fn negative_soa(&self) -> Vec<Record> {
        let Some(soa) = &self.soa else {
            return Vec::new();
        };
        let mut record = soa.clone();
        if let RData::SOA(data) = &soa.data {
            record.ttl = record.ttl.min(data.minimum);
        }
        vec![record]
    }

    /// The referral for `name` when it is at or below a zone cut (an NS RRset below the apex):
    /// the NS set of the cut closest to the apex, plus glue (the addresses of name servers
    /// named inside this zone). DS lives on the parent side of a cut, so `DS` at the cut itself
    /// is answered here, not referred.
    fn referral(&self, name: &Name, qtype: RecordType) -> Option<(Vec<Record>, Vec<Record>)> {
        let depth = self.origin.num_labels();
        for labels in depth + 1..=name.num_labels() {
            let cut = name.trim_to(usize::from(labels));
            if labels == name.num_labels() && qtype == RecordType::DS {
                return None;
            }
            let Some(ns) = self
                .nodes
                .get(&LowerName::new(&cut))
                .and_then(|node| node.get(&u16::from(RecordType::NS)))
            else {
                continue;
            };
            let mut glue = Vec::new();
            for record in ns {
                let RData::NS(target) = &record.data else {
                    continue;
                };
                if !self.origin.zone_of(&target.0) {
                    continue;
                }
                if let Some(node) = self.nodes.get(&LowerName::new(&target.0)) {
                    for rtype in [RecordType::A, RecordType::AAAA] {
                        glue.extend(node.get(&u16::from(rtype)).into_iter().flatten().cloned());
                    }
                }
            }
            return Some((ns.clone(), glue));
        }
        None
    }

    /// Finds the node answering for `name`: the name itself, or the wildcard at its closest
    /// encloser (RFC 4592 section 3.3.1). `None` means the name does not exist.
    fn find_node(&self, name: &Name) -> Option<NodeMatch<'_>> {
        let lower = LowerName::new(name);
        if let Some(node) = self.nodes.get(&lower) {
            return Some(NodeMatch::Node(node, false));
        }
        if self.existing.contains(&lower) {
            return Some(NodeMatch::EmptyNonTerminal);
        }
        let mut ancestor = name.base_name();
        while self.origin.zone_of(&ancestor) {
            if self.existing.contains(&LowerName::new(&ancestor)) {
                // The closest encloser exists; only its own wildcard child may synthesise.
                let wildcard = ancestor.prepend_label("*").ok()?;
                return self
                    .nodes
                    .get(&LowerName::new(&wildcard))
                    .map(|node| NodeMatch::Node(node, true));
            }
            ancestor = ancestor.base_name();
        }
        None
    }
}

enum NodeMatch<'a> {
    /// Records at the name; `true` when synthesised from a wildcard.
    Node(&'a BTreeMap<u16, Vec<Record>>, bool),
    EmptyNonTerminal,
}

/// An answer from the zones.
#[derive(Debug, Clone)]
pub struct ZoneAnswer {
    /// NOERROR or NXDOMAIN.
    pub rcode: ResponseCode,
    /// False only for a bare referral (AA clear, as RFC 1034 wants for delegations).
    pub authoritative: bool,
    /// CNAMEs followed, then the records of the final name.
    pub answers: Vec<Record>,
    /// The SOA on negative answers; the NS set of the zone cut on referrals.
    pub authorities: Vec<Record>,
    /// Glue on referrals.
    pub additionals: Vec<Record>,
}

/// All loaded zones.
#[derive(Debug, Default)]
pub struct ZoneSet {
    zones: Vec<Zone>,
}

impl ZoneSet {
    /// Wraps already built zones.
    pub fn new(zones: Vec<Zone>) -> Self {
        ZoneSet { zones }
    }

    /// Loads every `*.zone` file in `dir`. The origin comes from `$ORIGIN`, else the file name.
    pub fn load_dir(dir: &Path) -> Result<Self, LoadError> {
        let io = |path: &Path| {
            let path = path.display().to_string();
            move |source| LoadError::Io { path, source }
        };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(io(dir))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "zone"))
            .collect();
        paths.sort();
        let mut zones: Vec<Zone> = Vec::new();
        for path in paths {
            let text = std::fs::read_to_string(&path).map_err(io(&path))?;
            let shown = path.display().to_string();
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            let from_file_name = Name::from_ascii(stem).ok().map(|mut n| {
                n.set_fqdn(true);
                n
            });
            let parsed = parse_zone(&text, from_file_name).map_err(|source| LoadError::Parse {
                path: shown.clone(),
                source,
            })?;
            if zones.iter().any(|z| z.origin == parsed.origin) {
                return Err(LoadError::Duplicate {
                    path: shown,
                    origin: parsed.origin.to_ascii(),
                });
            }
            let zone = Zone::new(parsed.origin, parsed.records);
            if zone.soa.is_none() {
                tracing::warn!(zone = %zone.origin, "zone has no SOA; negative answers carry no authority");
            }
            tracing::info!(zone = %zone.origin, file = %shown, "zone loaded");
            zones.push(zone);
        }
        Ok(ZoneSet { zones })
    }

    /// The origins of all zones, sorted, with trailing dots.
    pub fn origins(&self) -> Vec<String> {
        let mut names: Vec<String> = self.zones.iter().map(|z| z.origin.to_ascii()).collect();
        names.sort();
        names
    }

    /// True when no zone is loaded.
    pub fn is_empty(&self) -> bool {
        self.zones.is_empty()
    }

    /// The most specific zone containing `name`.
    fn zone_for(&self, name: &Name) -> Option<&Zone> {
        self.zones
            .iter()
            .filter(|z| z.origin.zone_of(name))
            .max_by_key(|z| z.origin.num_labels())
    }

    /// Answers `qname`/`qtype` from the zones, or `None` when no zone contains `qname`.
    pub fn lookup(&self, qname: &Name, qtype: RecordType) -> Option<ZoneAnswer> {
        let mut zone = self.zone_for(qname)?;
        let mut name = qname.clone();
        let mut answers = Vec::new();
        let mut visited = HashSet::new();
        let done = |rcode, answers, authorities| {
            Some(ZoneAnswer {
                rcode,
                authoritative: true,
                answers,
                authorities,
                additionals: Vec::new(),
            })
        };

        for _ in 0..MAX_CNAME_CHAIN {
            visited.insert(LowerName::new(&name));
            if let Some((ns, glue)) = zone.referral(&name, qtype) {
                return Some(ZoneAnswer {
                    rcode: ResponseCode::NoError,
                    // CNAMEs collected before reaching the cut are still our own data.
                    authoritative: !answers.is_empty(),
                    answers,
                    authorities: ns,
                    additionals: glue,
                });
            }
            let node = match zone.find_node(&name) {
                None => return done(ResponseCode::NXDomain, answers, zone.negative_soa()),
                Some(NodeMatch::EmptyNonTerminal) => {
                    return done(ResponseCode::NoError, answers, zone.negative_soa());
                }
                Some(NodeMatch::Node(node, wildcard)) => (node, wildcard),
            };
            let (node, wildcard) = node;
            // Records synthesised from a wildcard are owned by the name asked for.
            let owned = |records: &Vec<Record>| -> Vec<Record> {
                records
                    .iter()
                    .map(|r| {
                        let mut r = r.clone();
                        if wildcard {
                            r.name = name.clone();
                        }
                        r
                    })
                    .collect()
            };

            if qtype == RecordType::ANY {
                answers.extend(node.values().flat_map(owned));
                return done(ResponseCode::NoError, answers, Vec::new());
            }
            if let Some(records) = node.get(&u16::from(qtype)) {
                answers.extend(owned(records));
                return done(ResponseCode::NoError, answers, Vec::new());
            }
            let Some(cnames) = node.get(&u16::from(RecordType::CNAME)) else {
                return done(ResponseCode::NoError, answers, zone.negative_soa());
            };
            let cnames = owned(cnames);
            let target = match cnames.first().map(|r| &r.data) {
                Some(RData::CNAME(target)) => target.0.clone(),
                _ => return done(ResponseCode::NoError, answers, Vec::new()),
            };
            answers.extend(cnames);
            if visited.contains(&LowerName::new(&target)) {
                tracing::debug!(%qname, %target, "CNAME loop stopped");
                return done(ResponseCode::NoError, answers, Vec::new());
            }
            match self.zone_for(&target) {
                Some(next) => zone = next,
                // The target is not ours: an authoritative server answers with the CNAME only.
                None => return done(ResponseCode::NoError, answers, Vec::new()),
            }
            name = target;
        }
        done(ResponseCode::NoError, answers, Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZONE: &str = r#"
$ORIGIN example.com.
$TTL 300
@        IN SOA ns1 hostmaster 1 7200 3600 1209600 60
@        NS  ns1
ns1      A   192.0.2.53
@        MX  10 mail
mail     A   192.0.2.25
alias    CNAME mail
chain    CNAME alias
loop1    CNAME loop2
loop2    CNAME loop1
out      CNAME www.example.org.
sel._domainkey TXT "v=DKIM1; p=abc"
*.wild   TXT "wildcard"
exists.wild A 192.0.2.7
*.any    A 192.0.2.8
sub      NS  ns.sub
sub      NS  ns.example.net.
sub      DS  1 8 2 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
ns.sub   A   192.0.2.54
*.sub    TXT "never: below a cut"
to-sub   CNAME www.sub
"#;

    fn zones() -> ZoneSet {
        let a = parse_zone(ZONE, None).unwrap();
        let b = parse_zone(
            "$ORIGIN example.org.\n@ 60 SOA ns hm 1 2 3 4 5\nwww 60 A 198.51.100.1\n",
            None,
        )
        .unwrap();
        ZoneSet::new(vec![
            Zone::new(a.origin, a.records),
            Zone::new(b.origin, b.records),
        ])
    }

    fn name(s: &str) -> Name {
        Name::from_ascii(s).unwrap()
    }

    fn ask(s: &str, t: RecordType) -> ZoneAnswer {
        zones().lookup(&name(s), t).expect("in a zone")
    }

    #[test]
    fn nxdomain_nodata_and_empty_non_terminal() {
        let nx = ask("nope.example.com.", RecordType::A);
        assert_eq!(nx.rcode, ResponseCode::NXDomain);
        assert_eq!(nx.authorities[0].record_type(), RecordType::SOA);
        assert_eq!(nx.authorities[0].ttl, 60, "negative TTL is the SOA minimum");

        let nodata = ask("mail.example.com.", RecordType::AAAA);
        assert_eq!(nodata.rcode, ResponseCode::NoError);
        assert!(nodata.answers.is_empty());
        assert_eq!(nodata.authorities.len(), 1);

        let ent = ask("_domainkey.example.com.", RecordType::TXT);
        assert_eq!(ent.rcode, ResponseCode::NoError);
        assert!(ent.answers.is_empty());
    }

    #[test]
    fn names_are_case_insensitive_and_outside_names_are_not_ours() {
        assert_eq!(ask("MAIL.Example.COM.", RecordType::A).answers.len(), 1);
        assert!(
            zones()
                .lookup(&name("example.net."), RecordType::A)
                .is_none()
        );
    }

    #[test]
    fn cname_chase_within_and_across_zones() {
        let chain = ask("chain.example.com.", RecordType::A);
        let types: Vec<_> = chain.answers.iter().map(|r| r.record_type()).collect();
        assert_eq!(
            types,
            vec![RecordType::CNAME, RecordType::CNAME, RecordType::A]
        );

        let out = ask("out.example.com.", RecordType::A);
        assert_eq!(out.answers.len(), 2);
        assert_eq!(out.answers[1].name.to_ascii(), "www.example.org.");

        let cname_itself = ask("alias.example.com.", RecordType::CNAME);
        assert_eq!(cname_itself.answers.len(), 1);
    }

    #[test]
    fn cname_loops_terminate() {
        let looped = ask("loop1.example.com.", RecordType::A);
        assert_eq!(looped.rcode, ResponseCode::NoError);
        assert_eq!(looped.answers.len(), 2);
    }

    #[test]
    fn names_at_or_below_a_cut_are_referred_with_glue() {
        for qname in [
            "sub.example.com.",
            "www.sub.example.com.",
            "a.b.sub.example.com.",
        ] {
            let referral = ask(qname, RecordType::TXT);
            assert_eq!(referral.rcode, ResponseCode::NoError, "{qname}");
            assert!(!referral.authoritative, "{qname}");
            assert!(referral.answers.is_empty(), "{qname}");
            assert_eq!(referral.authorities.len(), 2, "{qname}");
            assert!(
                referral
                    .authorities
                    .iter()
                    .all(|r| r.record_type() == RecordType::NS)
            );
            // Glue only for the in-zone server.
            assert_eq!(referral.additionals.len(), 1, "{qname}");
            assert_eq!(
                referral.additionals[0].name.to_ascii(),
                "ns.sub.example.com."
            );
        }
        // DS is the parent's data.
        let ds = ask("sub.example.com.", RecordType::DS);
        assert!(ds.authoritative);
        assert_eq!(ds.answers.len(), 1);
        // A CNAME into the delegated zone: our CNAME, then the referral.
        let via = ask("to-sub.example.com.", RecordType::A);
        assert_eq!(via.answers.len(), 1);
        assert_eq!(via.authorities[0].record_type(), RecordType::NS);
        // The apex NS is not a cut.
        assert!(ask("example.com.", RecordType::NS).authoritative);
    }

    #[test]
    fn wildcards_follow_rfc_4592() {
        let synthesized = ask("foo.wild.example.com.", RecordType::TXT);
        assert_eq!(
            synthesized.answers[0].name.to_ascii(),
            "foo.wild.example.com."
        );
        // A name that exists is not covered by the wildcard.
        let existing = ask("exists.wild.example.com.", RecordType::TXT);
        assert!(existing.answers.is_empty());
        assert_eq!(existing.rcode, ResponseCode::NoError);
        // Deeper names match when their closest encloser is the wildcard's parent.
        assert_eq!(ask("a.b.any.example.com.", RecordType::A).answers.len(), 1);
        // The wildcard's parent holds no wildcard for names below an existing child.
        let below_existing = ask("x.exists.wild.example.com.", RecordType::TXT);
        assert_eq!(below_existing.rcode, ResponseCode::NXDomain);
    }
}
