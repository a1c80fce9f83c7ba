//! The answering logic shared by DoH (JSON and RFC 8484) and plain DNS.

use std::time::Duration;

use hickory_proto::op::{Edns, Message, MessageType, OpCode, ResponseCode};
use hickory_proto::rr::{Name, RecordType};
use tokio::sync::Semaphore;

use crate::faults::{FaultKind, FaultSet};
use crate::limits::RateLimiter;
use crate::recursive::Recursive;
use crate::upstream::Upstream;
use crate::zones::ZoneSet;

/// The payload size we advertise in our own EDNS OPT records (the DNS Flag Day 2020 value).
pub const EDNS_PAYLOAD: u16 = 1232;

/// The server is at its `--max-inflight` limit: the query was not started. HTTP answers 503,
/// plain DNS SERVFAIL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Busy;

/// Zones, upstream and faults: everything needed to turn a query into an answer.
#[derive(Debug)]
pub struct Engine {
    /// The authoritative data.
    pub zones: ZoneSet,
    /// Where names outside the zones go, if anywhere.
    pub upstream: Option<Upstream>,
    /// Resolve names outside the zones from the root servers (exclusive with `upstream`).
    pub recursive: Option<Recursive>,
    /// Bounds concurrent upstream/recursive resolutions; zone answers are never limited, they
    /// cost nothing. `None` = unlimited.
    pub inflight: Option<Semaphore>,
    /// Per-client token buckets, shared by HTTP and plain DNS.
    pub limiter: RateLimiter,
    /// Injected faults.
    pub faults: FaultSet,
    /// Added before every answer.
    pub latency: Duration,
    /// Log one line per query.
    pub log_queries: bool,
}

impl Engine {
    /// `zones`, `forwarding`, `zones+forwarding`, `recursive` or `zones+recursive`, as `/info`
    /// reports it.
    pub fn mode(&self) -> &'static str {
        let zones = !self.zones.is_empty();
        match (self.upstream.is_some(), self.recursive.is_some()) {
            (true, _) if zones => "zones+forwarding",
            (true, _) => "forwarding",
            (false, true) if zones => "zones+recursive",
            (false, true) => "recursive",
            (false, false) => "zones",
        }
    }

    /// Whether recursive answers are DNSSEC-validated.
    pub fn dnssec(&self) -> bool {
        self.recursive.as_ref().is_some_and(Recursive::dnssec)
    }

    /// The fault configured for the first question's name, if any.
    pub fn fault_for(&self, request: &Message) -> Option<FaultKind> {
        request
            .queries
            .first()
            .and_then(|q| self.faults.find(q.name()))
    }

    /// Waits the configured latency.
    pub async fn delay(&self) {
        if !self.latency.is_zero() {
            tokio::time::sleep(self.latency).await;
        }
    }

    /// A response skeleton echoing the request's ID, opcode, RD/CD bits, question and EDNS.
    pub fn response_to(&self, request: &Message, rcode: ResponseCode) -> Message {
        let mut response = Message::response(request.metadata.id, request.metadata.op_code);
        response.metadata.response_code = rcode;
        response.metadata.recursion_desired = request.metadata.recursion_desired;
        response.metadata.checking_disabled = request.metadata.checking_disabled;
        response.metadata.recursion_available = self.upstream.is_some() || self.recursive.is_some();
        response.queries = request.queries.clone();
        if let Some(edns) = &request.edns {
            let mut ours = Edns::new();
            ours.set_max_payload(EDNS_PAYLOAD);
            ours.set_dnssec_ok(edns.flags().dnssec_ok);
            response.set_edns(ours);
        }
        response
    }

    /// Answers a query from the zones, the upstream or the recursor, or with REFUSED. Never
    /// fails: every problem becomes an RCODE (at the `--max-inflight` limit, SERVFAIL).
    pub async fn answer(&self, request: &Message) -> Message {
        match self.try_answer(request).await {
            Ok(response) => response,
            Err(Busy) => self.response_to(request, ResponseCode::ServFail),
        }
    }

    /// Like [`Engine::answer`], but reports the `--max-inflight` limit as [`Busy`] so HTTP can
    /// answer 503 with Retry-After instead of a DNS error.
    pub async fn try_answer(&self, request: &Message) -> Result<Message, Busy> {
        let started = std::time::Instant::now();
        let result = self.answer_inner(request).await;
        let Ok(response) = result else {
            if self.log_queries {
                tracing::info!("query refused: --max-inflight reached");
            }
            return result;
        };
        if self.log_queries {
            let (name, qtype) = request
                .queries
                .first()
                .map(|q| (q.name().to_ascii(), type_name(q.query_type())))
                .unwrap_or_default();
            tracing::info!(
                %name,
                %qtype,
                rcode = %response.metadata.response_code,
                answers = response.answers.len(),
                elapsed_ms = started.elapsed().as_millis() as u64,
                "query"
            );
        }
        Ok(response)
    }

    async fn answer_inner(&self, request: &Message) -> Result<Message, Busy> {
        if request.metadata.message_type != MessageType::Query {
            return Ok(self.response_to(request, ResponseCode::FormErr));
        }
        if request.metadata.op_code != OpCode::Query {
            return Ok(self.response_to(request, ResponseCode::NotImp));
        }
        let Some(query) = request.queries.first() else {
            return Ok(self.response_to(request, ResponseCode::FormErr));
        };
        if request.queries.len() > 1 {
            return Ok(self.response_to(request, ResponseCode::FormErr));
        }
        // Local zones answer first in every mode, so a user can override or add names.
        if let Some(found) = self.zones.lookup(query.name(), query.query_type()) {
            let mut response = self.response_to(request, found.rcode);
            response.metadata.authoritative = found.authoritative;
            response.answers = found.answers;
            response.authorities = found.authorities;
            response.additionals = found.additionals;
            return Ok(response);
        }
        if self.upstream.is_none() && self.recursive.is_none() {
            return Ok(self.response_to(request, ResponseCode::Refused));
        }
        // Held until the resolution ends; a query that cannot get a permit is not started, so
        // a flood cannot queue unbounded work (or memory) behind the limit.
        let _permit = match &self.inflight {
            Some(semaphore) => Some(semaphore.try_acquire().map_err(|_| Busy)?),
            None => None,
        };
        if let Some(upstream) = &self.upstream {
            return Ok(match upstream.forward(request).await {
                Ok(response) => response,
                Err(error) => {
                    tracing::warn!(%error, "forwarding failed");
                    self.response_to(request, ResponseCode::ServFail)
                }
            });
        }
        let recursive = self.recursive.as_ref().expect("checked above");
        Ok(recursive
            .resolve(request, self.response_to(request, ResponseCode::NoError))
            .await)
    }
}

/// A record type's mnemonic, or `TYPEnnn` (RFC 3597) where hickory has none.
pub fn type_name(rtype: RecordType) -> String {
    match rtype {
        RecordType::Unknown(99) => "SPF".to_string(),
        RecordType::Unknown(code) => format!("TYPE{code}"),
        known => known.to_string(),
    }
}

/// Builds a query message for the JSON API, where the question comes from URL parameters.
pub fn build_query(name: Name, qtype: RecordType, dnssec_ok: bool, cd: bool) -> Message {
    let mut message = Message::query();
    message.add_query(hickory_proto::op::Query::query(name, qtype));
    message.metadata.recursion_desired = true;
    message.metadata.checking_disabled = cd;
    let mut edns = Edns::new();
    edns.set_max_payload(EDNS_PAYLOAD);
    edns.set_dnssec_ok(dnssec_ok);
    message.set_edns(edns);
    message
}
