//! RFC 8484 helpers: base64url for the `dns` GET parameter and checks on the decoded message.

use hickory_proto::op::{Message, MessageType};

/// The largest DNS message accepted in a request (GET `dns=` or POST body).
pub const MAX_MESSAGE: usize = 4096;

/// Decodes base64url without padding (RFC 4648 section 5), as RFC 8484 section 4.1 requires.
/// Padding is tolerated because some clients send it anyway.
pub fn decode_base64url(text: &str) -> Result<Vec<u8>, String> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(format!("invalid base64url character {:?}", char::from(c))),
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    if bits >= 6 {
        return Err("base64url text has an impossible length".into());
    }
    Ok(out)
}

/// Encodes base64url without padding; used by tests and clients building GET URLs.
pub fn encode_base64url(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let n =
            chunk.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// Parses a DoH request body into a query with exactly one question.
pub fn parse_query(bytes: &[u8]) -> Result<Message, String> {
    if bytes.len() > MAX_MESSAGE {
        return Err("DNS message is too large".into());
    }
    let message = Message::from_vec(bytes).map_err(|e| format!("invalid DNS message: {e}"))?;
    if message.metadata.message_type != MessageType::Query {
        return Err("DNS message is not a query".into());
    }
    if message.queries.len() != 1 {
        return Err("DNS message must have exactly one question".into());
    }
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trip() {
        for data in [&b""[..], b"a", b"ab", b"abc", b"\xff\xfe\x00\x01"] {
            assert_eq!(decode_base64url(&encode_base64url(data)).unwrap(), data);
        }
        // The example from RFC 8484 section 4.1.1.
        let query = decode_base64url("AAABAAABAAAAAAAAA3d3dwdleGFtcGxlA2NvbQAAAQAB").unwrap();
        let message = parse_query(&query).unwrap();
        assert_eq!(message.queries[0].name().to_ascii(), "www.example.com.");
        assert!(decode_base64url("a+b/").is_err());
        assert!(decode_base64url("a").is_err());
    }
}
