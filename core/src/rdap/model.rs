//! The parts of an RDAP response (RFC 9083) the checks read: events, entities with
//! their roles and jCard (RFC 7095) names and e-mail addresses, and the network
//! object's name, range and `cidr0_cidrs` (the `cidr0` extension).
//!
//! Reading never fails on unexpected shapes: a missing or mistyped member is
//! simply absent, since registries differ widely in what they fill in.

use serde_json::Value;

/// One `events` entry (RFC 9083 §4.5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// `eventAction`: `registration`, `last changed`, `expiration`, …
    pub action: String,
    /// `eventDate`, RFC 3339.
    pub date: String,
}

/// One entity (RFC 9083 §5.1) with what its jCard says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Entity {
    /// `handle`.
    pub handle: Option<String>,
    /// `roles`: `registrant`, `abuse`, `registrar`, `technical`, …
    pub roles: Vec<String>,
    /// The jCard `fn` (formatted name).
    pub name: Option<String>,
    /// The jCard `org`, when given apart from `fn`.
    pub org: Option<String>,
    /// The jCard `email` values.
    pub emails: Vec<String>,
    /// Entities nested in this one (ARIN puts the abuse contact inside the organisation).
    pub entities: Vec<Entity>,
}

/// An RDAP domain or IP network object.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RdapObject {
    /// `objectClassName`.
    pub class: Option<String>,
    /// `handle`.
    pub handle: Option<String>,
    /// `name` (IP networks: the network name, e.g. `HETZNER-FSN1-DC14`).
    pub name: Option<String>,
    /// `ldhName` (domains).
    pub ldh_name: Option<String>,
    /// `type` (IP networks: `ASSIGNED PA`, `DIRECT ALLOCATION`, …).
    pub network_type: Option<String>,
    /// `startAddress`.
    pub start_address: Option<String>,
    /// `endAddress`.
    pub end_address: Option<String>,
    /// `cidr0_cidrs` as `prefix/length`.
    pub cidrs: Vec<String>,
    /// `country`.
    pub country: Option<String>,
    /// `port43`: the registry's whois server, which names the RIR.
    pub port43: Option<String>,
    /// `events`.
    pub events: Vec<Event>,
    /// `entities`.
    pub entities: Vec<Entity>,
}

fn string(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn events(v: &Value) -> Vec<Event> {
    v.get("events")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|e| {
                    Some(Event {
                        action: string(e, "eventAction")?.to_ascii_lowercase(),
                        date: string(e, "eventDate")?,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The text value of a jCard property: `[name, params, type, value]`; `org` may be
/// structured (`["Org", "Unit"]`), of which the first part is the organisation.
fn jcard_value(prop: &[Value]) -> Option<String> {
    let value = prop.get(3)?;
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Array(parts) => parts.first()?.as_str()?.to_owned(),
        _ => return None,
    };
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn entity(v: &Value, depth: usize) -> Entity {
    let mut out = Entity {
        handle: string(v, "handle"),
        roles: v
            .get("roles")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_ascii_lowercase)
                    .collect()
            })
            .unwrap_or_default(),
        ..Entity::default()
    };
    // RFC 9083 §5.1: "vcardArray": ["vcard", [ properties… ]].
    if let Some(props) = v
        .get("vcardArray")
        .and_then(|a| a.get(1))
        .and_then(Value::as_array)
    {
        for prop in props.iter().filter_map(Value::as_array) {
            match prop.first().and_then(Value::as_str) {
                Some("fn") => out.name = out.name.take().or_else(|| jcard_value(prop)),
                Some("org") => out.org = out.org.take().or_else(|| jcard_value(prop)),
                Some("email") => out.emails.extend(jcard_value(prop)),
                _ => {}
            }
        }
    }
    // Nesting is bounded so a hostile answer cannot make us recurse without end.
    if depth < 4 {
        out.entities = entities(v, depth + 1);
    }
    out
}

fn entities(v: &Value, depth: usize) -> Vec<Entity> {
    v.get("entities")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(|e| entity(e, depth)).collect())
        .unwrap_or_default()
}

impl RdapObject {
    /// Reads an RDAP object from its JSON.
    pub fn from_json(v: &Value) -> Self {
        Self {
            class: string(v, "objectClassName"),
            handle: string(v, "handle"),
            name: string(v, "name"),
            ldh_name: string(v, "ldhName"),
            network_type: string(v, "type"),
            start_address: string(v, "startAddress"),
            end_address: string(v, "endAddress"),
            cidrs: v
                .get("cidr0_cidrs")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|c| {
                            let prefix = string(c, "v4prefix").or_else(|| string(c, "v6prefix"))?;
                            let len = c.get("length")?.as_u64()?;
                            Some(format!("{prefix}/{len}"))
                        })
                        .collect()
                })
                .unwrap_or_default(),
            country: string(v, "country"),
            port43: string(v, "port43"),
            events: events(v),
            entities: entities(v, 0),
        }
    }

    /// The date of the first event with `action` (`registration`, `last changed`…).
    pub fn event(&self, action: &str) -> Option<&str> {
        self.events
            .iter()
            .find(|e| e.action == action)
            .map(|e| e.date.as_str())
    }

    /// The first entity, at any depth, that has `role`.
    pub fn entity_with_role(&self, role: &str) -> Option<&Entity> {
        fn find<'a>(list: &'a [Entity], role: &str) -> Option<&'a Entity> {
            list.iter()
                .find(|e| e.roles.iter().any(|r| r == role))
                .or_else(|| list.iter().find_map(|e| find(&e.entities, role)))
        }
        find(&self.entities, role)
    }

    /// The organisation holding the object: the registrant's organisation or name.
    pub fn organisation(&self) -> Option<&str> {
        let e = self.entity_with_role("registrant")?;
        e.org.as_deref().or(e.name.as_deref())
    }

    /// The abuse contact's first e-mail address.
    pub fn abuse_email(&self) -> Option<&str> {
        self.entity_with_role("abuse")?
            .emails
            .first()
            .map(String::as_str)
    }

    /// The network's range as text: its CIDRs, else `start – end`.
    pub fn range(&self) -> Option<String> {
        if !self.cidrs.is_empty() {
            return Some(self.cidrs.join(", "));
        }
        match (&self.start_address, &self.end_address) {
            (Some(s), Some(e)) => Some(format!("{s} – {e}")),
            _ => None,
        }
    }
}

/// Days since 1970-01-01 of an RFC 3339 date or date-time (only the date is read).
pub fn days_from_rfc3339(text: &str) -> Option<i64> {
    let date = text.trim().get(..10)?;
    let mut parts = date.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Today as days since 1970-01-01 (UTC).
pub fn today() -> i64 {
    web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs() / 86_400).unwrap_or(0))
}

/// The date part (`YYYY-MM-DD`) of an RFC 3339 date-time, for display.
pub fn date_part(text: &str) -> &str {
    text.get(..10).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Shaped after a RIPE NCC `ip` answer: registrant organisation and abuse role
    /// at the top level, `cidr0_cidrs`, `port43`.
    fn ripe_network() -> Value {
        json!({
            "objectClassName": "ip network",
            "handle": "198.51.100.0 - 198.51.100.255",
            "startAddress": "198.51.100.0",
            "endAddress": "198.51.100.255",
            "name": "HETZNER-FSN1-DC14",
            "type": "ASSIGNED PA",
            "country": "DE",
            "port43": "whois.ripe.net",
            "cidr0_cidrs": [{ "v4prefix": "198.51.100.0", "length": 24 }],
            "events": [
                { "eventAction": "registration", "eventDate": "2019-03-12T09:04:57Z" },
                { "eventAction": "last changed", "eventDate": "2024-06-01T10:00:00Z" }
            ],
            "entities": [
                { "handle": "ORG-HOA1-RIPE", "roles": ["registrant"],
                  "vcardArray": ["vcard", [["version", {}, "text", "4.0"],
                      ["fn", {}, "text", "Hetzner Online GmbH"], ["kind", {}, "text", "org"]]] },
                { "handle": "HOAC1-RIPE", "roles": ["abuse"],
                  "vcardArray": ["vcard", [["fn", {}, "text", "Abuse"],
                      ["email", {}, "text", "abuse@hetzner.com"]]] }
            ]
        })
    }

    #[test]
    fn rfc9083_network_fields() {
        let n = RdapObject::from_json(&ripe_network());
        assert_eq!(n.name.as_deref(), Some("HETZNER-FSN1-DC14"));
        assert_eq!(n.event("registration"), Some("2019-03-12T09:04:57Z"));
        assert_eq!(n.event("last changed"), Some("2024-06-01T10:00:00Z"));
        assert_eq!(n.organisation(), Some("Hetzner Online GmbH"));
        assert_eq!(n.abuse_email(), Some("abuse@hetzner.com"));
        assert_eq!(n.range().as_deref(), Some("198.51.100.0/24"));
        assert_eq!(n.port43.as_deref(), Some("whois.ripe.net"));
    }

    /// ARIN nests the abuse point of contact inside the registrant organisation.
    #[test]
    fn nested_abuse_contact_and_structured_org() {
        let v = json!({
            "objectClassName": "ip network",
            "startAddress": "203.0.113.0", "endAddress": "203.0.113.255",
            "entities": [{ "roles": ["registrant"],
                "vcardArray": ["vcard", [["fn", {}, "text", "Example Hosting"],
                    ["org", {}, "text", ["Example Hosting LLC", "NOC"]]]],
                "entities": [{ "roles": ["abuse", "technical"],
                    "vcardArray": ["vcard", [["email", {"type": "work"}, "text", "abuse@example.net"]]] }] }]
        });
        let n = RdapObject::from_json(&v);
        assert_eq!(n.organisation(), Some("Example Hosting LLC"));
        assert_eq!(n.abuse_email(), Some("abuse@example.net"));
        assert_eq!(n.range().as_deref(), Some("203.0.113.0 – 203.0.113.255"));
    }

    #[test]
    fn odd_shapes_are_absent_not_errors() {
        let n = RdapObject::from_json(&json!({
            "events": [{ "eventAction": 3 }, "x"],
            "entities": [{ "vcardArray": "nope", "roles": "abuse" }],
            "cidr0_cidrs": [{ "length": 8 }]
        }));
        assert!(n.events.is_empty() && n.cidrs.is_empty());
        assert_eq!(n.entities.len(), 1);
        assert_eq!(n.abuse_email(), None);
        assert_eq!(RdapObject::from_json(&json!([])), RdapObject::default());
    }

    #[test]
    fn rfc3339_days() {
        assert_eq!(days_from_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(days_from_rfc3339("2000-03-01"), Some(11_017));
        assert_eq!(days_from_rfc3339("2024-02-29T23:59:59+07:00"), Some(19_782));
        assert_eq!(days_from_rfc3339("2024-13-01"), None);
        assert_eq!(days_from_rfc3339("soon"), None);
        assert_eq!(date_part("2019-03-12T09:04:57Z"), "2019-03-12");
    }
}
