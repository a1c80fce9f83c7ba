//! The page's DKIM signature verifier: the `inboxable-verify` Web Worker (`verify-worker/`),
//! started on the first signature to verify, so the page itself carries none of the
//! verification code (mail-auth, RSA, Ed25519: more than the rest of the page together).
//!
//! Requests go out as JSON [`Envelope`]s; each [`Reply::Verdict`] finds its caller by id.
//! Until the worker says [`Reply::Ready`] requests wait here (a worker drops messages posted
//! before its handler exists). A worker that fails to load, or does not answer within
//! [`TIMEOUT_MS`], makes each waiting signature `unknown` with the reason, never pass or fail;
//! the next request starts a fresh worker.

use std::rc::Rc;

use inboxable_core::dkim::verify::SignatureVerifier;

/// The verifier a run on this page uses (natively: none, the engine's own).
pub fn page_verifier() -> Option<Rc<dyn SignatureVerifier>> {
    #[cfg(target_arch = "wasm32")]
    {
        Some(Rc::new(imp::WorkerVerifier))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// The worker's loader (`frontend/inboxable-verify_loader.js`, which Trunk copies next to the
/// page); relative, so the page works from any sub-path.
pub const WORKER_SCRIPT: &str = "./inboxable-verify_loader.js";

/// How long loading the worker and verifying one signature may take.
pub const TIMEOUT_MS: u32 = 30_000;

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use futures::FutureExt as _;
    use futures::channel::oneshot;
    use futures::future::{Either, LocalBoxFuture, select};
    use inboxable_core::dkim::verify::{
        Envelope, Reply, SignatureVerifier, Verdict, VerifyRequest,
    };
    use wasm_bindgen::JsCast as _;
    use wasm_bindgen::closure::Closure;
    use web_sys::{ErrorEvent, MessageEvent, Worker};

    use super::{TIMEOUT_MS, WORKER_SCRIPT};

    type Answer = Result<Option<Verdict>, String>;

    /// Verifies in the worker.
    #[derive(Debug)]
    pub struct WorkerVerifier;

    /// The running worker and the requests it owes an answer.
    struct Link {
        worker: Worker,
        ready: bool,
        /// Envelopes waiting for [`Reply::Ready`].
        queued: Vec<String>,
        pending: HashMap<u64, oneshot::Sender<Answer>>,
        next_id: u64,
        _on_message: Closure<dyn Fn(MessageEvent)>,
        _on_error: Closure<dyn Fn(ErrorEvent)>,
    }

    thread_local! {
        static LINK: RefCell<Option<Link>> = const { RefCell::new(None) };
    }

    /// Starts the worker (its handlers reach it through [`LINK`]).
    fn start() -> Result<Link, String> {
        let worker = Worker::new(WORKER_SCRIPT)
            .map_err(|e| format!("cannot start {WORKER_SCRIPT}: {e:?}"))?;
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            match serde_json::from_str::<Reply>(&text) {
                Ok(Reply::Ready) => LINK.with_borrow_mut(|link| {
                    if let Some(link) = link {
                        link.ready = true;
                        for envelope in std::mem::take(&mut link.queued) {
                            let _ = link.worker.post_message(&envelope.into());
                        }
                    }
                }),
                Ok(Reply::Failed(reason)) => {
                    fail_all(format!("the verifier did not load: {reason}"))
                }
                Ok(Reply::Verdict { id, result }) => {
                    let waiting = LINK.with_borrow_mut(|link| {
                        link.as_mut().and_then(|link| link.pending.remove(&id))
                    });
                    if let Some(waiting) = waiting {
                        let _ = waiting.send(result);
                    }
                }
                Err(_) => {}
            }
        });
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(|event: ErrorEvent| {
            fail_all(format!("the verifier failed: {}", event.message()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Link {
            worker,
            ready: false,
            queued: Vec::new(),
            pending: HashMap::new(),
            next_id: 1,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// The worker did not load or failed: everyone waiting is told why, and the next request
    /// starts a new worker.
    fn fail_all(reason: String) {
        if let Some(mut link) = LINK.take() {
            link.worker.terminate();
            for (_, waiting) in link.pending.drain() {
                let _ = waiting.send(Err(reason.clone()));
            }
            // Called from one of the link's own handlers: drop them after it returns.
            wasm_bindgen_futures::spawn_local(async move { drop(link) });
        }
    }

    /// Hands `request` to the worker (starting it if needed); the receiver gets the answer.
    fn send(request: VerifyRequest) -> Result<(u64, oneshot::Receiver<Answer>), String> {
        LINK.with_borrow_mut(|slot| {
            if slot.is_none() {
                *slot = Some(start()?);
            }
            let link = slot.as_mut().expect("started above");
            let id = link.next_id;
            link.next_id += 1;
            let envelope =
                serde_json::to_string(&Envelope { id, request }).map_err(|e| e.to_string())?;
            let (tx, rx) = oneshot::channel();
            link.pending.insert(id, tx);
            if link.ready {
                let _ = link.worker.post_message(&envelope.into());
            } else {
                link.queued.push(envelope);
            }
            Ok((id, rx))
        })
    }

    impl SignatureVerifier for WorkerVerifier {
        fn verify(&self, request: VerifyRequest) -> LocalBoxFuture<'static, Answer> {
            async move {
                let (id, answer) = send(request)?;
                let timeout = gloo_timers::future::TimeoutFuture::new(TIMEOUT_MS);
                match select(answer, timeout).await {
                    Either::Left((Ok(answer), _)) => answer,
                    Either::Left((Err(_), _)) => Err("the verifier stopped".into()),
                    Either::Right(_) => {
                        LINK.with_borrow_mut(|link| {
                            if let Some(link) = link {
                                link.pending.remove(&id);
                            }
                        });
                        Err(format!(
                            "the verifier did not answer within {TIMEOUT_MS} ms"
                        ))
                    }
                }
            }
            .boxed_local()
        }
    }
}
