//! Plain DNS over UDP and TCP with the same answering logic as DoH.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hickory_proto::op::{Message, MessageType, ResponseCode};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream, UdpSocket};

use crate::engine::Engine;
use crate::faults::FaultKind;

/// RFC 1035's UDP limit for clients that do not send EDNS.
const CLASSIC_UDP: usize = 512;
/// The most we send over UDP even when a client advertises more.
const MAX_UDP: usize = 4096;
/// A TCP connection that sends nothing for this long is closed.
const TCP_IDLE: Duration = Duration::from_secs(10);

/// Binds UDP and TCP on the same address. With port 0, UDP picks the port first and TCP takes
/// the same one; if that TCP port is busy, a few other UDP ports are tried.
pub async fn bind(addr: SocketAddr) -> std::io::Result<(UdpSocket, TcpListener)> {
    let attempts = if addr.port() == 0 { 10 } else { 1 };
    let mut last_error = None;
    for _ in 0..attempts {
        let udp = UdpSocket::bind(addr).await?;
        let bound = udp.local_addr()?;
        match TcpListener::bind(bound).await {
            Ok(tcp) => return Ok((udp, tcp)),
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| std::io::Error::other("could not bind TCP")))
}

/// Serves UDP and TCP until the task is dropped.
pub async fn serve(engine: Arc<Engine>, udp: UdpSocket, tcp: TcpListener) {
    let udp = Arc::new(udp);
    let udp_task = tokio::spawn(serve_udp(engine.clone(), udp));
    let tcp_task = tokio::spawn(serve_tcp(engine, tcp));
    let _ = tokio::join!(udp_task, tcp_task);
}

async fn serve_udp(engine: Arc<Engine>, socket: Arc<UdpSocket>) {
    let mut buf = vec![0u8; 65535];
    loop {
        let (len, peer) = match socket.recv_from(&mut buf).await {
            Ok(received) => received,
            Err(error) => {
                // ICMP errors from earlier sends surface here on some systems; keep serving.
                tracing::debug!(%error, "udp receive failed");
                continue;
            }
        };
        let packet = buf[..len].to_vec();
        let engine = engine.clone();
        let socket = socket.clone();
        tokio::spawn(async move {
            if let Some(reply) = handle(&engine, &packet, true, peer).await
                && let Err(error) = socket.send_to(&reply, peer).await
            {
                tracing::debug!(%error, %peer, "udp send failed");
            }
        });
    }
}

async fn serve_tcp(engine: Arc<Engine>, listener: TcpListener) {
    loop {
        match listener.accept().await {
            Ok((stream, peer)) => {
                tokio::spawn(serve_tcp_connection(engine.clone(), stream, peer));
            }
            Err(error) => tracing::warn!(%error, "tcp accept failed"),
        }
    }
}

async fn serve_tcp_connection(engine: Arc<Engine>, mut stream: TcpStream, peer: SocketAddr) {
    loop {
        let len = match tokio::time::timeout(TCP_IDLE, stream.read_u16()).await {
            Ok(Ok(len)) => usize::from(len),
            _ => return,
        };
        let mut packet = vec![0u8; len];
        if tokio::time::timeout(TCP_IDLE, stream.read_exact(&mut packet))
            .await
            .map_or(true, |r| r.is_err())
        {
            return;
        }
        let Some(reply) = handle(&engine, &packet, false, peer).await else {
            // A `timeout` fault: hold the connection open without answering.
            continue;
        };
        let Ok(reply_len) = u16::try_from(reply.len()) else {
            return;
        };
        let mut framed = reply_len.to_be_bytes().to_vec();
        framed.extend_from_slice(&reply);
        if stream.write_all(&framed).await.is_err() {
            return;
        }
    }
}

/// Turns one request into the bytes to send back, or `None` to stay silent.
async fn handle(engine: &Engine, packet: &[u8], udp: bool, peer: SocketAddr) -> Option<Vec<u8>> {
    let request = match Message::from_vec(packet) {
        Ok(request) => request,
        Err(_) => return formerr(packet),
    };
    if request.metadata.message_type != MessageType::Query {
        return None;
    }
    if engine.limiter.check(peer.ip()).is_err() {
        // REFUSED is no larger than the query, so a spoofed flood gains no amplification.
        return engine
            .response_to(&request, ResponseCode::Refused)
            .to_vec()
            .ok();
    }
    engine.delay().await;
    let fault = engine.fault_for(&request);
    let response = match fault {
        Some(FaultKind::Timeout) => return None,
        Some(FaultKind::Malformed) => return Some(vec![0xde, 0xad, 0xbe, 0xef]),
        Some(FaultKind::ServFail | FaultKind::Http500) => {
            engine.response_to(&request, ResponseCode::ServFail)
        }
        Some(FaultKind::Refused | FaultKind::Http429 { .. }) => {
            engine.response_to(&request, ResponseCode::Refused)
        }
        Some(FaultKind::Truncated) | None => engine.answer(&request).await,
    };
    let mut bytes = response.to_vec().ok()?;
    if fault == Some(FaultKind::Truncated) {
        bytes.truncate(bytes.len() / 2);
        return Some(bytes);
    }
    if udp {
        let limit = request.edns.as_ref().map_or(CLASSIC_UDP, |edns| {
            usize::from(edns.max_payload()).clamp(CLASSIC_UDP, MAX_UDP)
        });
        if bytes.len() > limit {
            // RFC 1035 section 4.2.1 / RFC 2181 section 9: send what fits (the question) with TC.
            bytes = response.truncate().to_vec().ok()?;
        }
    }
    Some(bytes)
}

/// A FORMERR for a request we could not parse, if it is long enough to carry an ID.
fn formerr(packet: &[u8]) -> Option<Vec<u8>> {
    let id = u16::from_be_bytes([*packet.first()?, *packet.get(1)?]);
    if packet.len() < 12 || packet[2] & 0x80 != 0 {
        // Too short to be a header, or itself a response: answering could start a loop.
        return None;
    }
    Message::error_msg(id, hickory_proto::op::OpCode::Query, ResponseCode::FormErr)
        .to_vec()
        .ok()
}
