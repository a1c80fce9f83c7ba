//! Forwarding to an upstream resolver over UDP, falling back to TCP when the answer is truncated.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use hickory_proto::op::Message;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UdpSocket};

/// Why forwarding failed; every case becomes SERVFAIL for the client.
#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    /// No answer within the deadline.
    #[error("upstream {0} timed out")]
    Timeout(SocketAddr),
    /// A socket error.
    #[error("upstream {addr}: {source}")]
    Io {
        /// The upstream.
        addr: SocketAddr,
        /// The error.
        source: std::io::Error,
    },
    /// The upstream sent something that is not a DNS message.
    #[error("upstream {0} sent an invalid message")]
    Invalid(SocketAddr),
}

/// Parses `IP:PORT`, `[IPv6]:PORT` or a bare IP (port 53).
pub fn parse_addr(text: &str) -> Result<SocketAddr, String> {
    if let Ok(addr) = text.parse::<SocketAddr>() {
        return Ok(addr);
    }
    text.trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<IpAddr>()
        .map(|ip| SocketAddr::new(ip, 53))
        .map_err(|_| format!("{text:?} is not IP, IP:PORT or [IPv6]:PORT"))
}

/// An upstream resolver.
#[derive(Debug, Clone)]
pub struct Upstream {
    addr: SocketAddr,
    timeout: Duration,
}

impl Upstream {
    /// An upstream at `addr`; the whole exchange (UDP and any TCP retry) must end within `timeout`.
    pub fn new(addr: SocketAddr, timeout: Duration) -> Self {
        Upstream { addr, timeout }
    }

    /// The resolver's address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Sends `request` (with a fresh ID) and returns the upstream's answer with the caller's ID.
    pub async fn forward(&self, request: &Message) -> Result<Message, UpstreamError> {
        let mut query = request.clone();
        // A new random ID guards against off-path spoofing of the forwarded query.
        query.metadata.id = Message::query().metadata.id;
        let bytes = query
            .to_vec()
            .map_err(|_| UpstreamError::Invalid(self.addr))?;
        let exchange = async {
            let response = self.udp(&bytes, query.metadata.id).await?;
            if response.metadata.truncation {
                self.tcp(&bytes, query.metadata.id).await
            } else {
                Ok(response)
            }
        };
        let mut response = tokio::time::timeout(self.timeout, exchange)
            .await
            .map_err(|_| UpstreamError::Timeout(self.addr))??;
        response.metadata.id = request.metadata.id;
        Ok(response)
    }

    fn io(&self) -> impl Fn(std::io::Error) -> UpstreamError + '_ {
        move |source| UpstreamError::Io {
            addr: self.addr,
            source,
        }
    }

    async fn udp(&self, bytes: &[u8], id: u16) -> Result<Message, UpstreamError> {
        let local: SocketAddr = if self.addr.is_ipv4() {
            ([0, 0, 0, 0], 0).into()
        } else {
            (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
        };
        let socket = UdpSocket::bind(local).await.map_err(self.io())?;
        socket.connect(self.addr).await.map_err(self.io())?;
        socket.send(bytes).await.map_err(self.io())?;
        let mut buf = vec![0u8; 65535];
        loop {
            let len = socket.recv(&mut buf).await.map_err(self.io())?;
            // Stray datagrams (late answers to someone else) are skipped, not fatal.
            if let Ok(message) = Message::from_vec(&buf[..len])
                && message.metadata.id == id
            {
                return Ok(message);
            }
        }
    }

    async fn tcp(&self, bytes: &[u8], id: u16) -> Result<Message, UpstreamError> {
        let mut stream = TcpStream::connect(self.addr).await.map_err(self.io())?;
        let len = u16::try_from(bytes.len()).map_err(|_| UpstreamError::Invalid(self.addr))?;
        let mut framed = len.to_be_bytes().to_vec();
        framed.extend_from_slice(bytes);
        stream.write_all(&framed).await.map_err(self.io())?;
        let len = stream.read_u16().await.map_err(self.io())?;
        let mut buf = vec![0u8; usize::from(len)];
        stream.read_exact(&mut buf).await.map_err(self.io())?;
        let message = Message::from_vec(&buf).map_err(|_| UpstreamError::Invalid(self.addr))?;
        if message.metadata.id != id {
            return Err(UpstreamError::Invalid(self.addr));
        }
        Ok(message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            parse_addr("192.0.2.1").unwrap(),
            "192.0.2.1:53".parse().unwrap()
        );
        assert_eq!(parse_addr("192.0.2.1:5353").unwrap().port(), 5353);
        assert_eq!(parse_addr("::1").unwrap(), "[::1]:53".parse().unwrap());
        assert_eq!(parse_addr("[::1]:54").unwrap().port(), 54);
        assert!(parse_addr("resolver.example").is_err());
    }
}
