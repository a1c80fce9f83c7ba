//! `inboxable-verify`: the page's DKIM signature verifier, run in a Web Worker.
//!
//! The verification code (mail-auth, RSA, Ed25519, the mail parser) would more than double the
//! page's weight, and only a pasted message needs it; so it lives in this second WebAssembly
//! module, which Trunk builds as a worker and the page starts on first use
//! (`frontend/src/verifier.rs`). The engine's seam is `inboxable_core::dkim::verify`: requests
//! arrive as JSON [`Envelope`]s, each answered by a [`Reply::Verdict`] with the same id from
//! [`InProcess`], the verifier the CLI uses in-process. [`Reply::Ready`] is posted once the
//! handler is installed: messages posted to a worker before that would be lost.

use inboxable_core::dkim::verify::{Envelope, InProcess, Reply, SignatureVerifier as _};

/// The reply to one request (a JSON [`Envelope`]).
async fn answer(text: &str) -> Option<String> {
    let envelope: Envelope = serde_json::from_str(text).ok()?;
    let result = InProcess.verify(envelope.request).await;
    let reply = Reply::Verdict {
        id: envelope.id,
        result,
    };
    serde_json::to_string(&reply).ok()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::JsCast as _;
    use wasm_bindgen::closure::Closure;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        let replies = replies.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(reply) = answer(&text).await {
                let _ = replies.post_message(&reply.into());
            }
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    if let Ok(ready) = serde_json::to_string(&Reply::Ready) {
        let _ = scope.post_message(&ready.into());
    }
}

/// Natively the same handler reads one JSON [`Envelope`] per line on stdin and writes each
/// reply on stdout: the worker's protocol, testable without a browser. (The CLI does not use
/// it; it verifies in-process.)
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::{BufRead as _, Write as _};

    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let mut stdout = std::io::stdout().lock();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let reply = runtime
            .block_on(answer(&line))
            .unwrap_or_else(|| r#"{"error":"not an envelope"}"#.to_string());
        if writeln!(stdout, "{reply}").is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use inboxable_core::dkim::verify::{Envelope, Reply, Verdict, VerifyRequest};

    use super::answer;

    async fn reply(text: &str) -> Option<Reply> {
        let out = answer(text).await?;
        Some(serde_json::from_str(&out).expect("a reply"))
    }

    #[tokio::test]
    async fn a_request_is_answered_with_its_id_and_garbage_is_ignored() {
        let envelope = Envelope {
            id: 7,
            request: VerifyRequest {
                message: "From: a@example.com\r\n\r\nbody\r\n".into(),
                domain: "example.com".into(),
                selector: "s1".into(),
                key_record: "v=DKIM1; k=ed25519; p=".into(),
                body_available: true,
            },
        };
        let text = serde_json::to_string(&envelope).unwrap();
        match reply(&text).await {
            // No DKIM-Signature header: mail-auth finds no signature to verify.
            Some(Reply::Verdict { id: 7, result }) => {
                assert!(
                    !matches!(result, Ok(Some(Verdict::Pass { .. }))),
                    "{result:?}"
                )
            }
            other => panic!("{other:?}"),
        }
        assert!(reply("not json").await.is_none());
        assert!(reply("{\"id\":1}").await.is_none());
    }
}
