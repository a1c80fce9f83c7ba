//! HTTPS on the HTTP listener, with HTTP/2 offered by ALPN.
//!
//! Why it matters beyond privacy: a browser opens at most six HTTP/1.1 connections to one
//! origin, so a page asking two hundred queries of a plain-http backend waits in a queue of
//! six, whatever the engine's scheduling. Over HTTP/2 the same page multiplexes every query on
//! one connection, as it does with the public resolvers (issue 6 measures it in the bench).
//!
//! The connection loop is hyper-util's: `axum::serve` has no TLS. Each connection gets the
//! router with the peer's address as `ConnectInfo`, as `axum::serve` would give it, so the rate
//! limiter keys on the same client address either way.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use axum::Router;
use axum::extract::connect_info::ConnectInfo;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use rustls::ServerConfig;
use rustls_pki_types::pem::PemObject as _;
use rustls_pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;

/// How long a client may take to finish its TLS handshake before the connection is dropped
/// (a slow or silent client must not hold a task and a socket for ever).
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Streams one HTTP/2 connection may carry at once: above the page's own bound on queries in
/// flight (64), so the server is never the queue.
const MAX_CONCURRENT_STREAMS: u32 = 256;

/// Where the certificate comes from.
#[derive(Debug, Clone)]
pub enum Certificate<'a> {
    /// A PEM certificate chain and its PEM private key (PKCS#8, PKCS#1 or SEC1).
    Files { cert: &'a Path, key: &'a Path },
    /// A certificate made at start for `localhost`, `127.0.0.1` and `::1`, for testing:
    /// browsers warn about it, test browsers are told to accept it.
    SelfSigned,
}

/// A rustls configuration offering HTTP/2 then HTTP/1.1.
pub fn server_config(certificate: Certificate<'_>) -> anyhow::Result<Arc<ServerConfig>> {
    let (chain, key) = match certificate {
        Certificate::Files { cert, key } => {
            let chain = CertificateDer::pem_file_iter(cert)
                .with_context(|| format!("reading {}", cert.display()))?
                .collect::<Result<Vec<_>, _>>()
                .with_context(|| format!("parsing the certificates in {}", cert.display()))?;
            anyhow::ensure!(!chain.is_empty(), "no certificate in {}", cert.display());
            let key = PrivateKeyDer::from_pem_file(key)
                .with_context(|| format!("reading the private key in {}", key.display()))?;
            (chain, key)
        }
        Certificate::SelfSigned => {
            let names = ["localhost", "127.0.0.1", "::1"]
                .map(str::to_string)
                .to_vec();
            let made = rcgen::generate_simple_self_signed(names)
                .context("making a self-signed certificate")?;
            let key = PrivatePkcs8KeyDer::from(made.signing_key.serialize_der());
            (vec![made.cert.der().clone()], PrivateKeyDer::Pkcs8(key))
        }
    };
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("TLS protocol versions")?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .context("the certificate and key do not make a usable pair")?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Serves `app` over TLS on `listener` until `shutdown` turns true, then lets open
/// connections finish (the caller bounds how long).
pub async fn serve(
    listener: TcpListener,
    config: Arc<ServerConfig>,
    app: Router,
    mut shutdown: watch::Receiver<bool>,
) {
    let acceptor = TlsAcceptor::from(config);
    let graceful = GracefulShutdown::new();
    loop {
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(err) => {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = shutdown.wait_for(|stopping| *stopping) => break,
        };
        let acceptor = acceptor.clone();
        let app = app.clone();
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            let tls = match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await {
                Ok(Ok(tls)) => tls,
                Ok(Err(err)) => {
                    tracing::debug!(%peer, error = %err, "TLS handshake failed");
                    return;
                }
                Err(_) => {
                    tracing::debug!(%peer, "TLS handshake timed out");
                    return;
                }
            };
            let service = TowerToHyperService::new(with_peer(app, peer));
            let mut builder = auto::Builder::new(TokioExecutor::new());
            builder
                .http2()
                .max_concurrent_streams(MAX_CONCURRENT_STREAMS);
            let connection = builder
                .serve_connection(TokioIo::new(tls), service)
                .into_owned();
            if let Err(err) = watcher.watch(connection).await {
                tracing::debug!(%peer, error = %err, "connection ended with an error");
            }
        });
    }
    graceful.shutdown().await;
}

/// The router with the peer's address where `ConnectInfo<SocketAddr>` extractors look for it.
fn with_peer(app: Router, peer: SocketAddr) -> Router {
    app.layer(axum::Extension(ConnectInfo(peer)))
}
