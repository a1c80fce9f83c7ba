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

    pub fn replace_url(query: &str, hash: &str) {
        let Some(window) = window() else { return };
        let Ok(path) = window.location().pathname() else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{query}{hash}")),
            );
        }
    }

    pub fn location_hash() -> String {
        window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }

    pub fn page_url() -> String {
        let Some(location) = window().map(|w| w.location()) else {
            return String::new();
        };
        format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        )
    }

    pub fn now_utc() -> String {
        js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default()
    }

    pub fn download(name: &str, mime: &str, text: &str) -> Option<String> {
        let document = window()?.document()?;
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let anchor: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
        Some(url)
    }

    pub fn revoke(url: &str) {
        let _ = web_sys::Url::revoke_object_url(url);
    }

    /// Opens every closed `<details>` for printing, marking them so they close again.
    fn expand_for_print() {
        let Some(document) = window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(list) = document.query_selector_all("details:not([open])") else {
            return;
        };
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_attribute("data-print-opened", "");
                let _ = el.set_attribute("open", "");
            }
        }
    }

    fn collapse_after_print() {
        let Some(document) = window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(list) = document.query_selector_all("details[data-print-opened]") else {
            return;
        };
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.remove_attribute("data-print-opened");
                let _ = el.remove_attribute("open");
            }
        }
    }

    pub fn print() {
        if let Some(window) = window() {
            let _ = window.print();
        }
    }

    /// Runs `f` before the next repaint (`requestAnimationFrame`); with no window, now.
    pub fn on_next_frame(f: impl FnOnce() + 'static) {
        use wasm_bindgen::closure::Closure;
        let Some(window) = window() else {
            f();
            return;
        };
        let callback = Closure::once_into_js(f);
        // Not expected to fail in a page; if it did, what `f` does waits for the next call.
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }

    /// Runs `f` once the next frame has been painted; with no window, now.
    pub fn after_paint(f: impl FnOnce() + 'static) {
        // The frame callback runs before the next paint; a zero timeout set from it runs
        // after that paint.
        on_next_frame(move || {
            gloo_timers::callback::Timeout::new(0, f).forget();
        });
    }

    pub fn watch_print() {
        use wasm_bindgen::closure::Closure;
        let Some(window) = window() else { return };
        let before = Closure::<dyn Fn()>::new(expand_for_print);
        let after = Closure::<dyn Fn()>::new(collapse_after_print);
        let _ =
            window.add_event_listener_with_callback("beforeprint", before.as_ref().unchecked_ref());
        let _ =
            window.add_event_listener_with_callback("afterprint", after.as_ref().unchecked_ref());
        // The listeners live as long as the page.
        before.forget();
        after.forget();
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
        // `inboxable-doh --rdap DIR` serves RDAP bootstrap registries of its own.
        if let Some(url) = info
            .get("rdap_bootstrap")
            .and_then(|b| b.as_str())
            .and_then(resolve)
        {
            RDAP_BOOTSTRAP.with(|b| *b.borrow_mut() = Some(url));
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

    thread_local! {
        /// The RDAP bootstrap base the serving backend named in `./info`.
        static RDAP_BOOTSTRAP: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    }

    pub fn rdap_bootstrap() -> Option<String> {
        RDAP_BOOTSTRAP.with(|b| b.borrow().clone())
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

    pub fn replace_url(_query: &str, _hash: &str) {}

    pub fn location_hash() -> String {
        String::new()
    }

    pub fn page_url() -> String {
        String::new()
    }

    pub fn now_utc() -> String {
        String::new()
    }

    pub fn download(_name: &str, _mime: &str, _text: &str) -> Option<String> {
        None
    }

    pub fn revoke(_url: &str) {}

    pub fn print() {}

    pub fn on_next_frame(f: impl FnOnce() + 'static) {
        f();
    }

    pub fn after_paint(f: impl FnOnce() + 'static) {
        f();
    }

    pub fn watch_print() {}

    pub fn set_document_language(_code: &str, _title: &str) {}

    pub async fn probe_server() -> Option<String> {
        None
    }

    pub fn server_mode() -> Option<String> {
        None
    }

    pub fn rdap_bootstrap() -> Option<String> {
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
    after_paint, copy_text, download, load_dqs_key, location_hash, now_utc, on_next_frame,
    page_url, print, probe_server, query_string, rdap_bootstrap, replace_url, revoke, server_mode,
    store_dqs_key, watch_print,
};

/// Replaces the address bar's query string (and drops any fragment) without a reload.
pub fn replace_query(query: &str) {
    imp::replace_url(query, "");
}

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
