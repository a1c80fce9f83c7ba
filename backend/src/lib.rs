//! `inboxable-doh`: the DNS-over-HTTPS backend of Inboxable.
//!
//! It answers JSON DoH (Google/Cloudflare schema) and RFC 8484 queries, and optionally plain DNS,
//! from RFC 1035 zone files and/or an upstream resolver. It is also the fixture server the
//! other parts' tests run against, hence latency and fault injection.

pub mod cli;
pub mod dns_server;
pub mod engine;
pub mod faults;
pub mod http;
pub mod json;
pub mod limits;
pub mod rdap;
pub mod recursive;
pub mod tls;
pub mod upstream;
pub mod wire;
pub mod zones;

use std::io::Write as _;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use tokio::sync::watch;

use crate::cli::Cli;
use crate::engine::Engine;
use crate::faults::FaultSet;
use crate::limits::RateLimiter;
use crate::recursive::{BUILTIN_ROOT_HINTS, Recursive, RecursiveConfig, load_root_hints};
use crate::upstream::Upstream;
use crate::zones::ZoneSet;

/// How long in-flight HTTP requests may take to finish after a shutdown signal.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Runs the server until SIGINT or SIGTERM.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    // Exposure checks first: a misconfiguration must fail before anything listens.
    let cors = cli.cors()?;
    cli.check_exposure()?;
    let tls = cli.tls().map(tls::server_config).transpose()?;
    let zones = match &cli.zones {
        Some(dir) => ZoneSet::load_dir(dir).context("loading zones")?,
        None => ZoneSet::default(),
    };
    let recursive = if cli.recursive {
        let roots = match &cli.root_hints {
            Some(path) => load_root_hints(path).context("loading root hints")?,
            None => BUILTIN_ROOT_HINTS.to_vec(),
        };
        Some(Recursive::new(RecursiveConfig {
            roots,
            dnssec: cli.dnssec,
            trust_anchor: cli.trust_anchor.clone(),
            cache_size: cli.cache_size,
            allow_servers: cli.recursor_allow_server.clone(),
            port: cli.recursor_port,
            timeout: Duration::from_millis(cli.recursive_timeout),
        })?)
    } else {
        None
    };
    let engine = Arc::new(Engine {
        zones,
        upstream: cli
            .upstream
            .map(|addr| Upstream::new(addr, Duration::from_millis(cli.upstream_timeout))),
        recursive,
        inflight: (cli.max_inflight > 0).then(|| tokio::sync::Semaphore::new(cli.max_inflight)),
        limiter: RateLimiter::new(cli.rate_limit, cli.rate_burst, true),
        faults: FaultSet::new(cli.fault_rules()?),
        latency: cli.latency(),
        log_queries: cli.log_queries,
    });

    let http_listener = tokio::net::TcpListener::bind(cli.listen)
        .await
        .with_context(|| format!("binding HTTP on {}", cli.listen))?;
    let http_addr = http_listener.local_addr()?;
    let dns = match cli.dns_listen {
        Some(addr) => Some(
            dns_server::bind(addr)
                .await
                .with_context(|| format!("binding DNS on {addr}"))?,
        ),
        None => None,
    };

    let mut signals = Signals::install().context("installing signal handlers")?;

    // Tests parse these lines, so they go to stdout, are flushed at once, and never change.
    let mut stdout = std::io::stdout().lock();
    let scheme = if tls.is_some() { "https" } else { "http" };
    writeln!(stdout, "listening {scheme}://{http_addr}")?;
    if let Some((udp, _)) = &dns {
        writeln!(stdout, "listening dns {}", udp.local_addr()?)?;
    }
    stdout.flush()?;
    drop(stdout);

    tracing::info!(
        http = %http_addr,
        mode = engine.mode(),
        zones = engine.zones.origins().len(),
        upstream = ?engine.upstream.as_ref().map(Upstream::addr),
        dnssec = engine.dnssec(),
        rate_limit = %engine.limiter.rate(),
        cors = ?cors,
        "inboxable-doh started"
    );

    let dns_task = dns.map(|(udp, tcp)| tokio::spawn(dns_server::serve(engine.clone(), udp, tcp)));

    let (stop_tx, stop_rx) = watch::channel(false);
    let state = http::AppState {
        engine,
        shutdown: stop_rx.clone(),
        trust_proxy: cli.trust_proxy,
        rdap_dir: cli.rdap.clone(),
    };
    let app = http::router(state, cli.static_dir.clone(), &cors);
    let mut signal_rx = stop_rx.clone();
    let server = async move {
        match tls {
            Some(config) => {
                tls::serve(http_listener, config, app, signal_rx).await;
                Ok(())
            }
            None => {
                let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
                axum::serve(http_listener, app)
                    .with_graceful_shutdown(async move {
                        let _ = signal_rx.wait_for(|stopping| *stopping).await;
                    })
                    .await
            }
        }
    };
    let mut server = std::pin::pin!(server);

    tokio::select! {
        result = &mut server => result.context("HTTP server failed")?,
        () = signals.recv() => {
            tracing::info!("shutting down");
            let _ = stop_tx.send(true);
            if tokio::time::timeout(SHUTDOWN_GRACE, &mut server).await.is_err() {
                tracing::warn!("requests still open after the grace period; exiting anyway");
            }
        }
    }
    if let Some(task) = dns_task {
        task.abort();
    }
    tracing::info!("stopped");
    Ok(())
}

/// SIGINT and SIGTERM listeners. They are installed before the `listening` lines are printed,
/// so a test that signals right after reading them cannot kill the process uncleanly.
struct Signals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    fn install() -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Signals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        Ok(Signals {})
    }

    /// Resolves on the first SIGINT or SIGTERM.
    async fn recv(&mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
    }
}
