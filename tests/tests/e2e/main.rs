//! The end-to-end tests, one module per area, linked into one test binary.
//!
//! Every file here links the whole stack (the engine, a WebDriver client, an HTTP client, the
//! signing crates), so one binary instead of eighteen saves seventeen links of the same
//! libraries: minutes of CI time and gigabytes of `target/`. A CI run once died with the linker
//! killed by SIGBUS (the disk full under its mapped output file) while linking the eighteenth.
//! `load.rs` stays a binary of its own: its floods must not share the two cores with the timing
//! bounds of the tests here.
//!
//! Run one area with a filter, e.g. `cargo test -p inboxable-e2e --test e2e faults::`.

mod bad_input;
mod browser;
mod cli;
mod cli_formats;
mod domain_auth;
mod faults;
mod hostile;
mod https_page;
mod interop;
mod message;
mod pages_subpath;
mod provider_page;
mod rdap;
mod report_page;
mod resolver;
mod server_checks;
mod share;
mod spf;
mod style;
