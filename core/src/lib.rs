//! Inboxable's engine: inputs, the resolver abstraction and its DoH client, record
//! parsers, checks, the report model and the text catalogues. It has no UI and
//! reaches the network only through [`resolver::Resolver`].
#![warn(missing_docs)]

pub mod checks;
pub mod dkim;
pub mod dmarc;
pub mod dns;
pub mod dnsbl;
pub mod dnshost;
pub mod extras;
pub mod facts;
pub mod i18n;
pub mod input;
pub mod join;
pub mod message;
pub mod mx;
pub mod provider;
pub mod rdap;
pub mod render;
pub mod report;
pub mod reputation;
pub mod resolver;
pub mod run;
pub mod server;
pub mod spf;
pub mod suffix;
