//! The sending IP's network as its Regional Internet Registry publishes it, for
//! `ip.reputation`: name, organisation, range, registration and last-changed
//! dates, abuse contact, RIR, and the provider recognised from them.
//!
//! The network's registration date is when the block was allocated or assigned,
//! not when this IP started sending mail: an old network says nothing about a new
//! server, which is why the text says so next to the dates.

use serde_json::{Value, json};

use super::client::{RdapAnswer, RdapError};
use super::model::date_part;
use super::provider;
use crate::i18n::Message;

/// What RDAP says about the network holding an IP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Network {
    /// The URL asked.
    pub url: String,
    /// `handle`.
    pub handle: Option<String>,
    /// Network name.
    pub name: Option<String>,
    /// Registrant organisation.
    pub org: Option<String>,
    /// The range, as CIDRs or `start – end`.
    pub range: Option<String>,
    /// `type` (`ASSIGNED PA`, `ALLOCATED PORTABLE`…).
    pub network_type: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// `registration` event.
    pub registered: Option<String>,
    /// `last changed` event.
    pub last_changed: Option<String>,
    /// The abuse contact's e-mail.
    pub abuse_email: Option<String>,
    /// The RIR: `ARIN`, `RIPE NCC`, `APNIC`, `LACNIC`, `AFRINIC`, else the host.
    pub rir: Option<String>,
    /// The provider code recognised from the organisation or network name.
    pub provider: Option<&'static str>,
}

/// The RIR named by the `port43` whois server or the RDAP URL's host.
fn rir(port43: Option<&str>, url: &str) -> Option<String> {
    let host = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', ':'])
        .next()
        .unwrap_or_default();
    let known = [
        ("arin", "ARIN"),
        ("ripe", "RIPE NCC"),
        ("apnic", "APNIC"),
        ("lacnic", "LACNIC"),
        ("afrinic", "AFRINIC"),
    ];
    for text in port43.into_iter().chain([host]) {
        let lower = text.to_ascii_lowercase();
        if let Some((_, name)) = known.iter().find(|(k, _)| lower.contains(k)) {
            return Some((*name).to_owned());
        }
    }
    port43.map(str::to_owned)
}

impl Network {
    /// Reads the network from an RDAP answer.
    pub fn from_answer(answer: &RdapAnswer) -> Self {
        let o = &answer.object;
        let org = o.organisation().map(str::to_owned);
        let provider = provider::recognise(
            org.iter()
                .map(String::as_str)
                .chain(o.name.as_deref())
                .chain(o.handle.as_deref()),
        );
        Self {
            url: answer.url.clone(),
            handle: o.handle.clone(),
            name: o.name.clone(),
            org,
            range: o.range(),
            network_type: o.network_type.clone(),
            country: o.country.clone(),
            registered: o.event("registration").map(str::to_owned),
            last_changed: o.event("last changed").map(str::to_owned),
            abuse_email: o.abuse_email().map(str::to_owned),
            rir: rir(o.port43.as_deref(), &answer.url),
            provider,
        }
    }

    /// The network in a report's `details`.
    pub fn to_json(&self) -> Value {
        json!({
            "state": "found",
            "url": self.url,
            "handle": self.handle,
            "name": self.name,
            "org": self.org,
            "range": self.range,
            "type": self.network_type,
            "country": self.country,
            "registration": self.registered,
            "last_changed": self.last_changed,
            "abuse_email": self.abuse_email,
            "rir": self.rir,
            "provider": self.provider,
        })
    }

    /// What was found, as messages: the network, its dates with the caveat that
    /// they are not the IP's age, and the recognised provider's hints.
    pub fn messages(&self) -> Vec<Message> {
        let unknown = || Message::new("rdap-value-unknown");
        let text = |v: &Option<String>| v.clone();
        let or_unknown = |m: Message, name: &str, v: Option<String>| match v {
            Some(v) => m.arg(name, v),
            None => m.arg_msg(name, unknown()),
        };
        let mut m = Message::new("rdap-network");
        m = or_unknown(m, "name", text(&self.name));
        m = or_unknown(m, "org", text(&self.org));
        m = or_unknown(m, "range", text(&self.range));
        m = or_unknown(m, "rir", text(&self.rir));
        let mut d = Message::new("rdap-network-dates");
        d = or_unknown(
            d,
            "registered",
            self.registered.as_deref().map(|s| date_part(s).to_owned()),
        );
        d = or_unknown(
            d,
            "changed",
            self.last_changed
                .as_deref()
                .map(|s| date_part(s).to_owned()),
        );
        let mut out = vec![m, d];
        if let Some(email) = &self.abuse_email {
            out.push(Message::new("rdap-network-abuse").arg("email", email));
        }
        if let Some(p) = self.provider {
            out.push(
                Message::new("rdap-network-provider").arg_key("provider", format!("provider-{p}")),
            );
        }
        out
    }
}

/// The `details.network` of an IP whose network could not be read.
pub fn error_json(error: &RdapError) -> Value {
    json!({ "state": "unavailable", "error": error })
}

/// The message saying why the network could not be read.
pub fn error_message(error: &RdapError) -> Message {
    Message::new("rdap-network-unavailable").arg_msg("reason", error.message())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdap::model::RdapObject;

    #[test]
    fn rir_from_port43_or_host() {
        assert_eq!(
            rir(Some("whois.ripe.net"), "http://127.0.0.1:1/x").as_deref(),
            Some("RIPE NCC")
        );
        assert_eq!(
            rir(None, "https://rdap.arin.net/registry/ip/1.2.3.4").as_deref(),
            Some("ARIN")
        );
        assert_eq!(rir(None, "http://127.0.0.1:9/ip/1.2.3.4"), None);
    }

    #[test]
    fn network_from_answer() {
        let object = RdapObject::from_json(&json!({
            "name": "AMAZON-EC2-5", "port43": "whois.arin.net",
            "startAddress": "192.0.2.0", "endAddress": "192.0.2.255",
            "events": [{ "eventAction": "registration", "eventDate": "2011-06-01T00:00:00-04:00" }],
            "entities": [{ "roles": ["registrant"],
                "vcardArray": ["vcard", [["fn", {}, "text", "Amazon Technologies Inc."]]] }]
        }));
        let n = Network::from_answer(&RdapAnswer {
            url: "https://rdap.arin.net/registry/ip/192.0.2.9".into(),
            object,
        });
        assert_eq!(n.provider, Some("aws"));
        assert_eq!(n.rir.as_deref(), Some("ARIN"));
        let j = n.to_json();
        assert_eq!(j["org"], "Amazon Technologies Inc.");
        assert_eq!(j["last_changed"], Value::Null);
        let ms = n.messages();
        assert_eq!(ms.len(), 3, "network, dates, provider (no abuse e-mail)");
        for lang in crate::i18n::Lang::ALL {
            for m in &ms {
                let t = m.render(lang);
                assert!(!t.contains('{'), "{t}");
            }
        }
        assert!(ms[1].render(crate::i18n::Lang::En).contains("2011-06-01"));
    }
}
