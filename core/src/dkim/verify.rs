//! Verifying one DKIM signature, behind a seam: the [`SignatureVerifier`] the run is given.
//!
//! The cryptography (mail-auth: RSA, Ed25519, canonicalisation, and the mail parser it needs)
//! is most of the page's code by weight, yet only a pasted message uses it. So the engine
//! asks a verifier: in the CLI, and wherever the `dkim-verify` feature is on,
//! [`InProcess`] runs mail-auth right here; the page leaves the feature off and passes a
//! verifier that runs the same [`InProcess`] in a Web Worker loaded on first use, talking
//! through [`Envelope`] and [`Reply`].
//!
//! mail-auth gets the key we fetched through its TXT cache (`Parameters::with_txt_cache`).
//! That cache answers every name we did not fetch with a resolver error, so mail-auth never
//! reaches the network itself (its `dns-doh` feature is compiled in only because the crate
//! requires a DNS backend).
//!
//! mail-auth checks the body hash before the header signature and stops at a mismatch. When
//! only headers were pasted there is no body to hash; the header signature is then verified on
//! its own by giving mail-auth the signature's own `bh=` as the body hash, and the verdict says
//! the body was not checked.

use futures::future::LocalBoxFuture;
use serde::{Deserialize, Serialize};

/// One signature to verify.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VerifyRequest {
    /// The message as the signer saw it (CRLF line ends).
    pub message: String,
    /// The signature's `d=`.
    pub domain: String,
    /// The signature's `s=`.
    pub selector: String,
    /// The key record (TXT) fetched from `<s>._domainkey.<d>`.
    pub key_record: String,
    /// Whether the body was pasted (else only the header signature can be checked).
    pub body_available: bool,
}

/// The outcome of verifying one signature.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Verdict {
    /// The signature verifies (`body_checked`: with the body hash).
    Pass {
        /// Whether the body hash was checked too.
        body_checked: bool,
    },
    /// Why it does not: one of `signature::FAILURES`.
    Fail(String),
}

/// Verifies signatures. `Ok(None)`: the verifier cannot read the message or the signature;
/// `Err`: the verifier itself could not run (the worker did not load), with the reason.
pub trait SignatureVerifier: std::fmt::Debug {
    /// Verifies `request`.
    fn verify(
        &self,
        request: VerifyRequest,
    ) -> LocalBoxFuture<'static, Result<Option<Verdict>, String>>;
}

/// A request to a verifier in another context (the page's worker), numbered so that the reply
/// finds its caller.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Envelope {
    /// Chosen by the caller, unique among its requests in flight.
    pub id: u64,
    /// The signature to verify.
    pub request: VerifyRequest,
}

/// What comes back from a verifier in another context.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The verifier is listening (sent once, when it has started).
    Ready,
    /// The verifier could not start (its code did not load), with the reason; sent by the
    /// worker's loader (`frontend/inboxable-verify_loader.js`).
    Failed(String),
    /// The verdict for [`Envelope::id`].
    Verdict {
        /// The envelope's id.
        id: u64,
        /// The verifier's answer.
        result: Result<Option<Verdict>, String>,
    },
}

/// The verifier a run uses when it is given none: mail-auth in this process when compiled
/// in, else none (the check then says verification is not available).
pub fn default_verifier() -> Option<std::rc::Rc<dyn SignatureVerifier>> {
    #[cfg(feature = "dkim-verify")]
    {
        Some(std::rc::Rc::new(InProcess))
    }
    #[cfg(not(feature = "dkim-verify"))]
    {
        None
    }
}

#[cfg(feature = "dkim-verify")]
pub use in_process::InProcess;

#[cfg(feature = "dkim-verify")]
mod in_process {
    use std::collections::HashMap;
    use std::sync::Arc;

    use futures::FutureExt as _;
    use futures::future::LocalBoxFuture;
    use mail_auth::common::crypto::CryptoError;
    use mail_auth::common::parse::TxtRecordParser;
    use mail_auth::common::verify::DomainKey;
    use mail_auth::dkim::DkimError;
    use mail_auth::{
        AuthenticatedMessage, DkimResult, DnsError, Error, MessageAuthenticator, Parameters,
        ResolverCache, Txt,
    };

    use super::{SignatureVerifier, Verdict, VerifyRequest};

    /// mail-auth, here.
    #[derive(Clone, Copy, Debug, Default)]
    pub struct InProcess;

    impl SignatureVerifier for InProcess {
        fn verify(
            &self,
            request: VerifyRequest,
        ) -> LocalBoxFuture<'static, Result<Option<Verdict>, String>> {
            async move { Ok(verify(&request).await) }.boxed_local()
        }
    }

    /// mail-auth's TXT cache, filled with the keys our resolver fetched. A name we did
    /// not fetch (an ATPS or `_report._domainkey` name) is answered with an error, so
    /// mail-auth never queries on its own.
    struct Keys(HashMap<Box<str>, Txt>);

    impl ResolverCache<Box<str>, Txt> for Keys {
        fn get<Q>(&self, name: &Q) -> Option<Txt>
        where
            Box<str>: std::borrow::Borrow<Q>,
            Q: std::hash::Hash + Eq + ?Sized,
        {
            Some(self.0.get(name).cloned().unwrap_or_else(|| {
                Txt::Error(Error::Dns(DnsError::Resolver(
                    "not fetched by Inboxable".into(),
                )))
            }))
        }

        fn remove<Q>(&self, _: &Q) -> Option<Txt>
        where
            Box<str>: std::borrow::Borrow<Q>,
            Q: std::hash::Hash + Eq + ?Sized,
        {
            None
        }

        fn insert(&self, _: Box<str>, _: Txt, _: web_time::Instant) {}
    }

    /// What mail-auth's result means for the user.
    fn verdict(result: &DkimResult, body_checked: bool) -> Verdict {
        let code = match result {
            DkimResult::Pass => return Verdict::Pass { body_checked },
            DkimResult::Neutral(e)
            | DkimResult::Fail(e)
            | DkimResult::PermError(e)
            | DkimResult::TempError(e) => match e {
                Error::Dkim(DkimError::SignatureExpired) => "expired",
                Error::Dkim(DkimError::FailedBodyHashMatch) => "body-hash",
                Error::Dkim(DkimError::FailedAuidMatch) => "auid",
                Error::Dkim(DkimError::RevokedPublicKey) => "revoked",
                Error::Dkim(DkimError::UnsupportedKeyType) => "bad-key",
                Error::Crypto(CryptoError::FailedVerification) => "mismatch",
                Error::Crypto(CryptoError::IncompatibleAlgorithms) => "bad-key",
                Error::Dkim(_) | Error::Base64 | Error::ParseError => "malformed",
                _ => "unsupported",
            },
            DkimResult::None => "none",
        };
        Verdict::Fail(code.to_string())
    }

    /// Verifies the signature of `request` in mail-auth. `None` when mail-auth cannot read
    /// the message or signature.
    async fn verify(request: &VerifyRequest) -> Option<Verdict> {
        let parsed =
            AuthenticatedMessage::parse_with_opts(request.message.as_bytes(), None, false)?;
        let header = parsed
            .dkim_headers
            .iter()
            .find(|h| {
                h.header.d.eq_ignore_ascii_case(&request.domain)
                    && h.header.s.eq_ignore_ascii_case(&request.selector)
            })?
            .clone();
        let name =
            format!("{}._domainkey.{}.", request.selector, request.domain).to_ascii_lowercase();
        let txt = match DomainKey::parse(request.key_record.as_bytes()) {
            Ok(key) => Txt::DomainKey(Arc::new(key)),
            Err(e) => Txt::Error(e),
        };
        let keys = Keys(HashMap::from([(name.into_boxed_str(), txt)]));
        // One signature at a time, so that the result is this signature's. Third-party
        // authorisation (RFC 6541 `atps=`) is not part of DKIM validity: left out.
        let mut one = parsed.clone();
        let mut signature_header = header;
        signature_header.header.atps = None;
        signature_header.header.r = false;
        let sig_bh = signature_header.header.bh.clone();
        one.dkim_headers = vec![signature_header];
        let authenticator = MessageAuthenticator::new_doh("http://127.0.0.1:9/not-used");
        let first = {
            let params = Parameters::new(&one).with_txt_cache(&keys);
            authenticator
                .verify_dkim(params)
                .await
                .first()
                .map(|o| o.result().clone())
        }?;
        let body_mismatch = matches!(
            &first,
            DkimResult::Neutral(Error::Dkim(DkimError::FailedBodyHashMatch))
        );
        if !body_mismatch || request.body_available {
            return Some(verdict(&first, true));
        }
        // Headers only: take the signed body hash as given and check the rest.
        for entry in &mut one.body_hashes {
            entry.3 = sig_bh.clone();
        }
        let params = Parameters::new(&one).with_txt_cache(&keys);
        let second = authenticator.verify_dkim(params).await;
        second.first().map(|o| verdict(o.result(), false))
    }
}
