//! The few browser APIs the page uses, in one place. On the host (unit tests,
//! `cargo clippy --workspace`) they do nothing, so the crate compiles natively.

use inboxable_core::i18n::Lang;

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::time::Duration;

    use futures::future::{Either, select};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// How long the page waits for `./info` before assuming a static host.
    const PROBE_TIMEOUT: Duration = Duration::from_secs(3);

    fn window() -> Option<web_sys::Window> {
        web_sys::window()
    }

    pub fn query_string() -> String {
        window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
    }

    pub fn navigator_language() -> Option<String> {
        window().and_then(|w| w.navigator().language())
    }

    pub fn replace_query(query: &str) {
        let Some(window) = window() else { return };
        let Ok(path) = window.location().pathname() else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{query}")),
            );
        }
    }

    pub fn set_document_language(code: &str, title: &str) {
        let Some(document) = window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", code);
        }
        document.set_title(title);
    }

    /// `relative` resolved against the document's base URL, so the page works under
    /// a sub-path (GitHub Pages, a reverse proxy).
    fn resolve(relative: &str) -> Option<String> {
        let document = window()?.document()?;
        let base = document.base_uri().ok()??;
        Some(web_sys::Url::new_with_base(relative, &base).ok()?.href())
    }

    async fn fetch_info() -> Option<String> {
        let url = resolve("info")?;
        let response = JsFuture::from(window()?.fetch_with_str(&url)).await.ok()?;
        let response: web_sys::Response = response.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        let text = JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()?;
        let info: serde_json::Value = serde_json::from_str(&text).ok()?;
        if let Some(mode) = info.get("mode").and_then(|m| m.as_str()) {
            SERVER_MODE.with(|m| *m.borrow_mut() = Some(mode.to_owned()));
        }
        (info.get("name").and_then(|n| n.as_str()) == Some("inboxable-doh"))
            .then(|| resolve("dns-query"))
            .flatten()
    }

    /// Where the DQS key is kept in this browser.
    const DQS_KEY_STORAGE: &str = "inboxable.dqs-key";

    fn storage() -> Option<web_sys::Storage> {
        window()?.local_storage().ok()?
    }

    pub fn load_dqs_key() -> String {
        storage()
            .and_then(|s| s.get_item(DQS_KEY_STORAGE).ok().flatten())
            .unwrap_or_default()
    }

    pub fn store_dqs_key(key: &str) {
        let Some(storage) = storage() else { return };
        let _ = if key.trim().is_empty() {
            storage.remove_item(DQS_KEY_STORAGE)
        } else {
            storage.set_item(DQS_KEY_STORAGE, key)
        };
    }

    pub async fn copy_text(text: &str) -> bool {
        let Some(window) = window() else { return false };
        let promise = window.navigator().clipboard().write_text(text);
        JsFuture::from(promise).await.is_ok()
    }

    thread_local! {
        /// The backend's resolution mode from `./info` (`zones`, `forwarding`,
        /// `recursive`, …), once probed.
        static SERVER_MODE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    }

    pub fn server_mode() -> Option<String> {
        SERVER_MODE.with(|m| m.borrow().clone())
    }

    pub async fn probe_server() -> Option<String> {
        let probe = Box::pin(fetch_info());
        let timeout = Box::pin(inboxable_core::resolver::sleep(PROBE_TIMEOUT));
        match select(probe, timeout).await {
            Either::Left((found, _)) => found,
            Either::Right(_) => None,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn query_string() -> String {
        String::new()
    }

    pub fn navigator_language() -> Option<String> {
        None
    }

    pub fn replace_query(_query: &str) {}

    pub fn set_document_language(_code: &str, _title: &str) {}

    pub async fn probe_server() -> Option<String> {
        None
    }

    pub fn server_mode() -> Option<String> {
        None
    }

    pub fn load_dqs_key() -> String {
        String::new()
    }

    pub fn store_dqs_key(_key: &str) {}

    pub async fn copy_text(_text: &str) -> bool {
        false
    }
}

pub use imp::{
    copy_text, load_dqs_key, probe_server, query_string, replace_query, server_mode, store_dqs_key,
};

/// The language of the browser, English when it is neither English nor Indonesian.
pub fn browser_lang() -> Lang {
    imp::navigator_language()
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// Sets `<html lang>` and the document title.
pub fn set_document_language(lang: Lang, title: &str) {
    imp::set_document_language(lang.code(), title);
}
