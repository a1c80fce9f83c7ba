//! The Inboxable page: a Yew single-page app that runs every check in the browser
//! over DNS-over-HTTPS. The engine (`inboxable-core`) does the checking; this crate
//! holds the form, the state and the views, and no check logic.

pub mod browser;
pub mod components;
pub mod hooks;
pub mod link;
pub mod present;
pub mod runner;
pub mod shared;
pub mod snapshot;
pub mod state;
pub mod verifier;

pub use components::app::App;

/// Mounts the page on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
