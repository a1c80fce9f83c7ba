//! The published sender requirements of Gmail, Yahoo Mail and Outlook.com, as data
//! (`reference/dns-facts.md` §4). Each item names the checks that decide it; items
//! no DNS answer can decide (spam rate, TLS on the sending connection, message
//! format, alignment of a real message, one-click unsubscribe) say so.

use serde::Serialize;

/// Who an item applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Every sender.
    All,
    /// Bulk senders: Gmail and Outlook.com count 5,000 or more messages a day to
    /// their users; Yahoo publishes no number.
    Bulk,
}

/// A group of checks that together say whether one thing holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    /// A valid SPF record that authorises the sending IPs.
    Spf,
    /// A usable DKIM key of at least 1024 bits, not revoked, not in test mode.
    Dkim,
    /// A valid DMARC record; `p=none` is enough for every provider.
    Dmarc,
    /// Each sending IP has a PTR whose name resolves back to it (FCrDNS).
    Fcrdns,
    /// Each sending IP has a PTR that does not look dynamic (Outlook.com's wording).
    ReverseDns,
}

/// One deciding check of a facet and whether its `warn` still meets the providers'
/// minimum (a 1024-bit key and `p=none` do; the checks warn because better exists).
pub struct Decider {
    /// The check id.
    pub id: &'static str,
    /// True when the check's `warn` meets the requirement.
    pub warn_meets: bool,
}

const fn d(id: &'static str, warn_meets: bool) -> Decider {
    Decider { id, warn_meets }
}

impl Facet {
    /// The checks that decide the facet.
    pub fn deciders(self) -> &'static [Decider] {
        match self {
            // `spf.all` is not here: `+all` is a risk, not a failure to publish SPF.
            Self::Spf => {
                const {
                    &[
                        d("spf.present", false),
                        d("spf.single", true),
                        d("spf.syntax", true),
                        d("spf.lookups", false),
                        d("spf.void-lookups", false),
                        d("spf.authorizes-ip", false),
                    ]
                }
            }
            // A sha1-only or otherwise doubtful key warns, and so does test mode
            // (RFC 6376 §3.6.1: verifiers treat such mail as unsigned).
            Self::Dkim => {
                const {
                    &[
                        d("dkim.key", false),
                        d("dkim.key-strength", true),
                        d("dkim.revoked", false),
                        d("dkim.testing", false),
                    ]
                }
            }
            Self::Dmarc => {
                const {
                    &[
                        d("dmarc.present", false),
                        d("dmarc.syntax", false),
                        d("dmarc.policy", true),
                    ]
                }
            }
            Self::Fcrdns => const { &[d("ip.ptr", false), d("ip.fcrdns", false)] },
            Self::ReverseDns => const { &[d("ip.ptr", false), d("ip.ptr-generic", false)] },
        }
    }
}

/// How an item is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Every facet must hold.
    All(&'static [Facet]),
    /// One facet is enough.
    Any(&'static [Facet]),
    /// No DNS answer can decide it. The checks listed decide it only when a pasted
    /// message lets them (a status other than `info`); otherwise they inform it.
    NotFromDns(&'static [&'static str]),
    /// RFC 8058 one-click unsubscribe: met when a pasted message carries both
    /// headers, otherwise not decidable (only marketing mail needs them).
    OneClickUnsubscribe,
}

/// One published requirement.
pub struct Item {
    /// The item id, also the catalogue key stem `provider-item-<id>`.
    pub id: &'static str,
    /// Who it applies to.
    pub scope: Scope,
    /// How it is decided.
    pub rule: Rule,
}

impl Item {
    /// The ids of the checks that decide (or inform) the item.
    pub fn checks(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        let facets = match self.rule {
            Rule::All(f) | Rule::Any(f) => f,
            Rule::NotFromDns(ids) => return ids.to_vec(),
            Rule::OneClickUnsubscribe => return vec![],
        };
        for id in facets.iter().flat_map(|f| f.deciders()).map(|d| d.id) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }
}

const fn item(id: &'static str, scope: Scope, rule: Rule) -> Item {
    Item { id, scope, rule }
}

const SPF_OR_DKIM: Rule = Rule::Any(&[Facet::Spf, Facet::Dkim]);
const SPF_AND_DKIM: Rule = Rule::All(&[Facet::Spf, Facet::Dkim]);
const DMARC: Rule = Rule::All(&[Facet::Dmarc]);
const ALIGNMENT: Rule = Rule::NotFromDns(&["dmarc.alignment"]);
const NOT_FROM_DNS: Rule = Rule::NotFromDns(&[]);

/// A mailbox provider with published requirements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provider {
    /// Gmail (support.google.com/a/answer/81126, from February 2024).
    Google,
    /// Yahoo Mail (senders.yahooinc.com/best-practices).
    Yahoo,
    /// Outlook.com, Hotmail, Live (Microsoft's high-volume sender rules of May 2025).
    Microsoft,
}

impl Provider {
    /// In report order.
    pub const ALL: [Provider; 3] = [Self::Google, Self::Yahoo, Self::Microsoft];

    /// The short name used in catalogue keys and `details.provider`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Google => "google",
            Self::Yahoo => "yahoo",
            Self::Microsoft => "microsoft",
        }
    }

    /// The check id, `provider.<key>`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Google => "provider.google",
            Self::Yahoo => "provider.yahoo",
            Self::Microsoft => "provider.microsoft",
        }
    }

    /// The mailbox service's name (a brand, the same in every language).
    pub fn name(self) -> &'static str {
        match self {
            Self::Google => "Gmail",
            Self::Yahoo => "Yahoo Mail",
            Self::Microsoft => "Outlook.com",
        }
    }

    /// Messages a day from which the provider counts a sender as bulk; Yahoo
    /// publishes no number.
    pub fn bulk_threshold(self) -> Option<u32> {
        match self {
            Self::Google | Self::Microsoft => Some(5000),
            Self::Yahoo => None,
        }
    }

    /// The provider's own pages, `(title, url)`; the first is its requirements page.
    pub fn references(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Google => &[
                (
                    "Gmail: email sender guidelines",
                    "https://support.google.com/a/answer/81126",
                ),
                (
                    "Gmail: sender guidelines FAQ",
                    "https://support.google.com/a/answer/14229414",
                ),
            ],
            Self::Yahoo => &[
                (
                    "Yahoo: sender best practices",
                    "https://senders.yahooinc.com/best-practices/",
                ),
                ("Yahoo: sender FAQ", "https://senders.yahooinc.com/faqs/"),
            ],
            Self::Microsoft => &[
                (
                    "Outlook.com: requirements for high-volume senders",
                    "https://techcommunity.microsoft.com/blog/microsoftdefenderforoffice365blog/strengthening-email-ecosystem-outlook%E2%80%99s-new-requirements-for-high%E2%80%90volume-senders/4399730",
                ),
                (
                    "Outlook.com: policies, practices and guidelines",
                    "https://sendersupport.olc.protection.outlook.com/pm/policies.aspx",
                ),
            ],
        }
    }

    /// The provider's requirements, all-sender items first.
    pub fn items(self) -> &'static [Item] {
        match self {
            Self::Google => GOOGLE,
            Self::Yahoo => YAHOO,
            Self::Microsoft => MICROSOFT,
        }
    }
}

// "Requirements for all senders" and "for sending 5,000 or more messages per day"
// (the bulk list repeats PTR, TLS, spam rate and format).
const GOOGLE: &[Item] = &[
    item("spf-or-dkim", Scope::All, SPF_OR_DKIM),
    item("fcrdns", Scope::All, Rule::All(&[Facet::Fcrdns])),
    item("tls", Scope::All, NOT_FROM_DNS),
    item("spam-rate", Scope::All, NOT_FROM_DNS),
    item("message-format", Scope::All, NOT_FROM_DNS),
    item("spf-and-dkim", Scope::Bulk, SPF_AND_DKIM),
    item("dmarc", Scope::Bulk, DMARC),
    item("alignment", Scope::Bulk, ALIGNMENT),
    item(
        "one-click-unsubscribe",
        Scope::Bulk,
        Rule::OneClickUnsubscribe,
    ),
];

const YAHOO: &[Item] = &[
    item("spf-or-dkim", Scope::All, SPF_OR_DKIM),
    item("fcrdns", Scope::All, Rule::All(&[Facet::Fcrdns])),
    item("spam-rate", Scope::All, NOT_FROM_DNS),
    item("message-format", Scope::All, NOT_FROM_DNS),
    item("spf-and-dkim", Scope::Bulk, SPF_AND_DKIM),
    item("dmarc", Scope::Bulk, DMARC),
    item("alignment", Scope::Bulk, ALIGNMENT),
    item(
        "one-click-unsubscribe",
        Scope::Bulk,
        Rule::OneClickUnsubscribe,
    ),
];

// The policies page applies to everyone; the May 2025 rules to domains sending
// more than 5,000 messages a day (rejected with 550 5.7.515).
const MICROSOFT: &[Item] = &[
    item("reverse-dns", Scope::All, Rule::All(&[Facet::ReverseDns])),
    item("spf", Scope::Bulk, Rule::All(&[Facet::Spf])),
    item("dkim", Scope::Bulk, Rule::All(&[Facet::Dkim])),
    item("dmarc", Scope::Bulk, DMARC),
    item("alignment", Scope::Bulk, ALIGNMENT),
];

/// Every item id of every provider, once each.
pub fn item_ids() -> Vec<&'static str> {
    let mut out = Vec::new();
    for p in Provider::ALL {
        for i in p.items() {
            if !out.contains(&i.id) {
                out.push(i.id);
            }
        }
    }
    out
}
