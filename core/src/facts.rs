//! The DNS facts a run gathers about a domain and its sending server: MX and their
//! addresses, the domain's A/AAAA/TXT, the mail hostname's addresses, and for each
//! sending IP its PTR names and their forward addresses.
//!
//! Each fact is emitted the moment its answer arrives, and every query is issued as
//! soon as the answer it depends on is known (MX → MX host addresses → PTR → forward
//! addresses), with independent branches running concurrently.

use std::net::IpAddr;

use futures::future::join_all;
use futures::join;
use serde::{Deserialize, Serialize};

use crate::dns::{LookupError, LookupResult, RecordType, reverse_name};
use crate::i18n::Message;
use crate::input::Input;
use crate::resolver::Resolver;

/// How many PTR names of one IP are followed forward (RFC 7208 §4.6.4 uses the
/// same bound for `ptr`; a hostile reverse zone must not make a run unbounded).
pub const MAX_PTR_NAMES: usize = 10;
/// How many MX hosts are followed.
pub const MAX_MX_HOSTS: usize = 10;

/// What a fact is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    /// MX of the domain.
    Mx,
    /// A of the domain.
    DomainA,
    /// AAAA of the domain.
    DomainAaaa,
    /// TXT at the domain.
    DomainTxt,
    /// A of an MX host.
    MxHostA,
    /// AAAA of an MX host.
    MxHostAaaa,
    /// A of the mail hostname.
    HostA,
    /// AAAA of the mail hostname.
    HostAaaa,
    /// PTR of a sending IP.
    Ptr,
    /// A of a PTR name.
    PtrA,
    /// AAAA of a PTR name.
    PtrAaaa,
    /// NS of the zone holding the domain: the domain itself or the nearest parent
    /// up to its registrable domain that has NS records. It names the DNS host.
    Ns,
}

impl FactKind {
    /// The catalogue key of the fact's title.
    pub fn key(self) -> &'static str {
        match self {
            Self::Mx => "fact-mx",
            Self::DomainA => "fact-domain-a",
            Self::DomainAaaa => "fact-domain-aaaa",
            Self::DomainTxt => "fact-domain-txt",
            Self::MxHostA => "fact-mx-host-a",
            Self::MxHostAaaa => "fact-mx-host-aaaa",
            Self::HostA => "fact-host-a",
            Self::HostAaaa => "fact-host-aaaa",
            Self::Ptr => "fact-ptr",
            Self::PtrA => "fact-ptr-a",
            Self::PtrAaaa => "fact-ptr-aaaa",
            Self::Ns => "fact-ns",
        }
    }
}

/// The outcome of the lookup behind a fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum FactValue {
    /// Records, in presentation form.
    Records {
        /// One text per record.
        values: Vec<String>,
    },
    /// NXDOMAIN.
    Nxdomain,
    /// NOERROR without records of the type.
    Nodata,
    /// No answer to reason from; see the error.
    Error {
        /// Why.
        error: LookupError,
    },
}

/// One gathered fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// What it is about.
    pub kind: FactKind,
    /// The queried name.
    pub name: String,
    /// The queried type.
    #[serde(rename = "type")]
    pub rtype: RecordType,
    /// The sending IP this fact belongs to, for PTR chains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip: Option<IpAddr>,
    /// What the resolver said.
    pub value: FactValue,
}

impl Fact {
    /// The fact's title as a catalogue message.
    pub fn title(&self) -> Message {
        let m = Message::new(self.kind.key()).arg("name", &self.name);
        match self.ip {
            Some(ip) => m.arg("ip", ip),
            None => m,
        }
    }
}

/// Where the sending IPs of a run came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SendingIpSource {
    /// The user entered them.
    Input,
    /// The pasted message: the client IP of the `Received` header its receiver
    /// added (see [`crate::message`]).
    Message,
    /// The mail hostname's A/AAAA.
    Host,
    /// Nothing was given: the MX hosts' addresses, on the stated assumption that the
    /// MX hosts also send.
    MxAssumed,
}

impl SendingIpSource {
    /// The catalogue message saying where the IPs came from.
    pub fn message(self, input: &Input) -> Message {
        match self {
            Self::Input => Message::new("fact-sending-ips-input"),
            Self::Message => {
                let entry = input.message_facts().and_then(|m| m.entry.as_ref());
                Message::new("fact-sending-ips-message")
                    .arg("ip", entry.map(|e| e.ip.to_string()).unwrap_or_default())
                    .arg(
                        "by",
                        entry
                            .and_then(|e| e.by.clone())
                            .unwrap_or_else(|| "?".into()),
                    )
            }
            Self::Host => Message::new("fact-sending-ips-host")
                .arg("host", input.host.as_deref().unwrap_or_default()),
            Self::MxAssumed => Message::new("fact-sending-ips-mx"),
        }
    }

    /// Where the sending IPs of `input` come from.
    pub fn for_input(input: &Input) -> Self {
        if !input.ips.is_empty() {
            Self::Input
        } else if input
            .message_facts()
            .is_some_and(|m| m.sending_ip().is_some())
        {
            // The address the receiver actually saw beats a hostname's A/AAAA.
            Self::Message
        } else if input.host.is_some() {
            Self::Host
        } else {
            Self::MxAssumed
        }
    }
}

/// Gathers the facts for `input`, calling `emit` as each arrives, and returns them.
pub async fn gather(input: &Input, resolver: &dyn Resolver, emit: &dyn Fn(&Fact)) -> Vec<Fact> {
    let collected = std::cell::RefCell::new(Vec::new());
    let record = |fact: Fact| {
        emit(&fact);
        collected.borrow_mut().push(fact);
    };
    let ctx = Ctx {
        resolver,
        record: &record,
    };
    let source = SendingIpSource::for_input(input);
    let domain = input.domain.as_str();

    let mx_branch = async {
        let answer = ctx.fact(FactKind::Mx, domain, RecordType::MX, None).await;
        let hosts: Vec<String> = answer
            .map(|a| {
                a.records
                    .iter()
                    .filter_map(|r| match &r.data {
                        crate::dns::RData::Mx { exchange, .. } if !exchange.is_empty() => {
                            Some(exchange.clone())
                        }
                        _ => None,
                    })
                    .take(MAX_MX_HOSTS)
                    .collect()
            })
            .unwrap_or_default();
        join_all(hosts.iter().map(|host| async {
            let ips = ctx
                .addresses(host, FactKind::MxHostA, FactKind::MxHostAaaa)
                .await;
            if source == SendingIpSource::MxAssumed {
                join_all(ips.into_iter().map(|ip| ctx.ptr_chain(ip))).await;
            }
        }))
        .await;
    };
    let host_branch = async {
        if let Some(host) = &input.host {
            let ips = ctx
                .addresses(host, FactKind::HostA, FactKind::HostAaaa)
                .await;
            if source == SendingIpSource::Host {
                join_all(ips.into_iter().map(|ip| ctx.ptr_chain(ip))).await;
            }
        }
    };
    let given: Vec<IpAddr> = match source {
        SendingIpSource::Message => input
            .message_facts()
            .and_then(|m| m.sending_ip())
            .into_iter()
            .collect(),
        _ => input.ips.clone(),
    };
    let ip_branch = join_all(given.iter().map(|ip| ctx.ptr_chain(*ip)));
    join!(
        mx_branch,
        host_branch,
        ip_branch,
        ctx.zone_ns(domain),
        ctx.fact(FactKind::DomainA, domain, RecordType::A, None),
        ctx.fact(FactKind::DomainAaaa, domain, RecordType::AAAA, None),
        ctx.fact(FactKind::DomainTxt, domain, RecordType::TXT, None),
    );
    collected.into_inner()
}

/// What a lookup's outcome is as a fact.
fn value_of(result: &LookupResult) -> FactValue {
    match result {
        Ok(a) if a.nxdomain => FactValue::Nxdomain,
        Ok(a) if a.records.is_empty() => FactValue::Nodata,
        Ok(a) => FactValue::Records {
            values: a.records.iter().map(|r| r.data_text()).collect(),
        },
        Err(error) => FactValue::Error {
            error: error.clone(),
        },
    }
}

struct Ctx<'a> {
    resolver: &'a dyn Resolver,
    record: &'a dyn Fn(Fact),
}

impl Ctx<'_> {
    /// Looks up one fact, records it, and hands back the answer for what depends on it.
    async fn fact(
        &self,
        kind: FactKind,
        name: &str,
        rtype: RecordType,
        ip: Option<IpAddr>,
    ) -> Option<crate::dns::Answer> {
        let result: LookupResult = self.resolver.lookup(name, rtype).await;
        (self.record)(Fact {
            kind,
            name: crate::dns::normalize_name(name),
            rtype,
            ip,
            value: value_of(&result),
        });
        result.ok()
    }

    /// The NS records of the zone holding `domain` (see [`FactKind::Ns`]): parents
    /// are asked only while the nearer name answers NODATA or NXDOMAIN, and one
    /// fact is recorded, for the zone that answered or the last name asked.
    async fn zone_ns(&self, domain: &str) {
        let zones = crate::dnshost::zone_candidates(domain);
        for (i, zone) in zones.iter().enumerate() {
            let result = self.resolver.lookup(zone, RecordType::NS).await;
            let empty = matches!(&result, Ok(a) if a.records.is_empty());
            if empty && i + 1 < zones.len() {
                continue;
            }
            (self.record)(Fact {
                kind: FactKind::Ns,
                name: crate::dns::normalize_name(zone),
                rtype: RecordType::NS,
                ip: None,
                value: value_of(&result),
            });
            return;
        }
    }

    async fn addresses(&self, host: &str, a: FactKind, aaaa: FactKind) -> Vec<IpAddr> {
        let (v4, v6) = join!(
            self.fact(a, host, RecordType::A, None),
            self.fact(aaaa, host, RecordType::AAAA, None)
        );
        v4.into_iter()
            .chain(v6)
            .flat_map(|a| a.addresses())
            .collect()
    }

    /// PTR of `ip`, then the forward records of each PTR name in `ip`'s family.
    async fn ptr_chain(&self, ip: IpAddr) {
        let Some(answer) = self
            .fact(FactKind::Ptr, &reverse_name(ip), RecordType::PTR, Some(ip))
            .await
        else {
            return;
        };
        let (kind, rtype) = match ip {
            IpAddr::V4(_) => (FactKind::PtrA, RecordType::A),
            IpAddr::V6(_) => (FactKind::PtrAaaa, RecordType::AAAA),
        };
        let names: Vec<String> = answer.names().into_iter().take(MAX_PTR_NAMES).collect();
        join_all(
            names
                .iter()
                .map(|name| self.fact(kind, name, rtype, Some(ip))),
        )
        .await;
    }
}
