//! [`MemoryTransport`]: a [`Transport`] answering from an in-memory table.
//!
//! It is the fixture resolver for unit tests of check families and for the RFC 7208
//! conformance suite (`core/tests/spf_conformance.rs`): records per name and type,
//! names that exist without records (so NXDOMAIN and NODATA differ, empty
//! non-terminals included), CNAME chains, and forced errors per question. It is
//! wrapped in a [`RunResolver`](super::RunResolver) like any transport, so the code
//! under test takes its real path; end-to-end tests use the real `inboxable-doh`.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;

use futures::FutureExt;
use futures::future::LocalBoxFuture;

use super::Transport;
use crate::dns::{
    Answer, LookupError, LookupResult, Question, RData, Record, RecordType, Txt, normalize_name,
};

/// CNAME chains longer than this are answered SERVFAIL, as resolvers do for loops.
const MAX_CNAME_CHAIN: usize = 8;

/// An in-memory DNS table. See the module documentation.
#[derive(Clone, Debug, Default)]
pub struct MemoryTransport {
    label: String,
    records: HashMap<(String, RecordType), Vec<RData>>,
    names: HashSet<String>,
    errors: HashMap<(String, Option<RecordType>), LookupError>,
}

impl MemoryTransport {
    /// An empty table labelled `memory` in query logs.
    pub fn new() -> Self {
        Self {
            label: "memory".into(),
            ..Self::default()
        }
    }

    /// Adds one record of type `rtype` at `name`.
    pub fn add(&mut self, name: &str, rtype: RecordType, data: RData) -> &mut Self {
        self.records
            .entry((normalize_name(name), rtype))
            .or_default()
            .push(data);
        self
    }

    /// Adds a TXT record made of `strings`, boundaries kept.
    pub fn txt(&mut self, name: &str, strings: &[&str]) -> &mut Self {
        self.add(name, RecordType::TXT, txt(strings))
    }

    /// Adds an A or AAAA record.
    pub fn ip(&mut self, name: &str, ip: IpAddr) -> &mut Self {
        match ip {
            IpAddr::V4(address) => self.add(name, RecordType::A, RData::A { address }),
            IpAddr::V6(address) => self.add(name, RecordType::AAAA, RData::Aaaa { address }),
        }
    }

    /// Adds an MX record.
    pub fn mx(&mut self, name: &str, preference: u16, exchange: &str) -> &mut Self {
        let exchange = normalize_name(exchange);
        self.add(
            name,
            RecordType::MX,
            RData::Mx {
                preference,
                exchange,
            },
        )
    }

    /// Adds a PTR (or, with `RecordType::CNAME`, an alias) pointing at `target`.
    pub fn name_record(&mut self, name: &str, rtype: RecordType, target: &str) -> &mut Self {
        let target = normalize_name(target);
        self.add(name, rtype, RData::Name { target })
    }

    /// Declares that `name` exists even without records (NODATA, not NXDOMAIN).
    pub fn exists(&mut self, name: &str) -> &mut Self {
        self.names.insert(normalize_name(name));
        self
    }

    /// Makes questions for `name` fail with `error`: of type `rtype`, or of any type.
    pub fn fail(&mut self, name: &str, rtype: Option<RecordType>, error: LookupError) -> &mut Self {
        self.errors.insert((normalize_name(name), rtype), error);
        self
    }

    /// Whether `name` exists: it owns records, was declared, or is an ancestor of
    /// such a name (an empty non-terminal, RFC 8020).
    pub fn name_exists(&self, name: &str) -> bool {
        let owned = self.records.keys().map(|(n, _)| n).chain(self.names.iter());
        let suffix = format!(".{name}");
        owned.into_iter().any(|n| n == name || n.ends_with(&suffix))
    }

    /// The answer to `question`, synchronously.
    pub fn answer(&self, question: &Question) -> LookupResult {
        let mut name = question.name.clone();
        let mut cnames = Vec::new();
        loop {
            for key in [(name.clone(), Some(question.rtype)), (name.clone(), None)] {
                if let Some(error) = self.errors.get(&key) {
                    return Err(error.clone());
                }
            }
            let data = self.records.get(&(name.clone(), question.rtype));
            if data.is_none() && question.rtype != RecordType::CNAME {
                let alias = self.records.get(&(name.clone(), RecordType::CNAME));
                if let Some(RData::Name { target }) = alias.and_then(|v| v.first()) {
                    if cnames.len() >= MAX_CNAME_CHAIN
                        || cnames.iter().any(|(a, _): &(String, String)| a == target)
                        || *target == name
                    {
                        return Err(LookupError::ServFail);
                    }
                    cnames.push((name.clone(), target.clone()));
                    name = target.clone();
                    continue;
                }
            }
            let records = data
                .map(|v| {
                    v.iter()
                        .map(|d| Record {
                            name: name.clone(),
                            rtype: question.rtype,
                            ttl: 300,
                            data: d.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            return Ok(Answer {
                question: question.clone(),
                nxdomain: !self.name_exists(&name),
                records,
                cnames,
                authenticated: false,
            });
        }
    }
}

/// TXT record data from its strings, boundaries kept.
pub fn txt(strings: &[&str]) -> RData {
    RData::Txt(Txt {
        strings: strings.iter().map(|s| (*s).to_owned()).collect(),
        boundaries_known: true,
    })
}

impl Transport for MemoryTransport {
    fn label(&self) -> &str {
        &self.label
    }

    fn query(&self, question: Question) -> LocalBoxFuture<'_, LookupResult> {
        let answer = self.answer(&question);
        async move { answer }.boxed_local()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(name: &str, t: RecordType) -> Question {
        Question::new(name, t)
    }

    #[test]
    fn nxdomain_nodata_and_empty_non_terminals() {
        let mut m = MemoryTransport::new();
        m.txt("a.b.example.com", &["v=spf1 ", "-all"]);
        let a = m.answer(&q("A.B.example.com.", RecordType::TXT)).unwrap();
        assert_eq!(a.txt_values(), ["v=spf1 -all"]);
        let nodata = m.answer(&q("a.b.example.com", RecordType::A)).unwrap();
        assert!(nodata.is_nodata());
        let ent = m.answer(&q("b.example.com", RecordType::TXT)).unwrap();
        assert!(
            !ent.nxdomain && ent.is_void(),
            "empty non-terminal is NODATA"
        );
        let nx = m.answer(&q("c.example.com", RecordType::TXT)).unwrap();
        assert!(nx.nxdomain);
    }

    #[test]
    fn cnames_are_followed_and_loops_fail() {
        let mut m = MemoryTransport::new();
        m.name_record("alias.example", RecordType::CNAME, "host.example")
            .ip("host.example", "192.0.2.1".parse().unwrap())
            .name_record("loop.example", RecordType::CNAME, "loop.example");
        let a = m.answer(&q("alias.example", RecordType::A)).unwrap();
        assert_eq!(a.addresses().len(), 1);
        assert_eq!(a.cnames, [("alias.example".into(), "host.example".into())]);
        assert_eq!(
            m.answer(&q("loop.example", RecordType::A)),
            Err(LookupError::ServFail)
        );
    }

    #[test]
    fn forced_errors_per_question() {
        let mut m = MemoryTransport::new();
        m.txt("example.com", &["x"]).fail(
            "example.com",
            Some(RecordType::SPF),
            LookupError::Timeout { after_ms: 1 },
        );
        assert!(m.answer(&q("example.com", RecordType::TXT)).is_ok());
        assert!(m.answer(&q("example.com", RecordType::SPF)).is_err());
        m.fail("example.com", None, LookupError::ServFail);
        assert_eq!(
            m.answer(&q("example.com", RecordType::TXT)),
            Err(LookupError::ServFail)
        );
    }
}
