//! Just enough base64 and DER to read a DKIM public key's size, without a crypto
//! dependency in the page: RFC 4648 base64, and the two RSA public key encodings —
//! SubjectPublicKeyInfo (RFC 5280 §4.1, what RFC 6376 §3.6.1 requires) and the bare
//! PKCS#1 `RSAPublicKey` (RFC 8017 §A.1.1) some tools publish by mistake.
//!
//! ```text
//! SubjectPublicKeyInfo ::= SEQUENCE {
//!      algorithm         AlgorithmIdentifier,   -- SEQUENCE { OID, params }
//!      subjectPublicKey  BIT STRING }
//! RSAPublicKey ::= SEQUENCE {
//!      modulus           INTEGER,  -- n
//!      publicExponent    INTEGER } -- e
//! ```

/// The DER of the rsaEncryption OID, 1.2.840.113549.1.1.1.
const RSA_OID: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
/// The DER of the Ed25519 OID, 1.3.101.112 (RFC 8410).
const ED25519_OID: &[u8] = &[0x2b, 0x65, 0x70];

/// Decodes standard base64 (RFC 4648 §4), ignoring whitespace (RFC 6376 allows FWS
/// inside `p=`). `None` on a bad character or bad padding.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    let body_len = clean.iter().rposition(|&b| b != b'=').map_or(0, |p| p + 1);
    let pad = clean.len() - body_len;
    if pad > 2 || (!clean.len().is_multiple_of(4) && pad > 0) || body_len % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body_len * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in &clean[..body_len] {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// One DER element: its tag and contents, and what follows it.
fn element(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        (len, &rest[n..])
    };
    if rest.len() < len {
        return None;
    }
    Some((tag, &rest[..len], &rest[len..]))
}

/// The bit length of a DER INTEGER's (positive) value.
fn integer_bits(content: &[u8]) -> u32 {
    let significant: &[u8] = match content.iter().position(|&b| b != 0) {
        Some(p) => &content[p..],
        None => return 0,
    };
    (significant.len() as u32 - 1) * 8 + (8 - significant[0].leading_zeros())
}

/// The modulus size of a bare PKCS#1 `RSAPublicKey`.
pub fn rsa_public_key_bits(der: &[u8]) -> Option<u32> {
    let (tag, seq, rest) = element(der)?;
    if tag != 0x30 || !rest.is_empty() {
        return None;
    }
    let (tag_n, n, after) = element(seq)?;
    let (tag_e, _, after) = element(after)?;
    (tag_n == 0x02 && tag_e == 0x02 && after.is_empty()).then(|| integer_bits(n))
}

/// What a SubjectPublicKeyInfo holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spki {
    /// An RSA key of this many bits.
    Rsa(u32),
    /// An Ed25519 key (valid DER, but RFC 8463 wants the raw 32 bytes in DKIM).
    Ed25519,
}

/// Reads a SubjectPublicKeyInfo.
pub fn spki(der: &[u8]) -> Option<Spki> {
    let (tag, seq, rest) = element(der)?;
    if tag != 0x30 || !rest.is_empty() {
        return None;
    }
    let (tag_alg, alg, after) = element(seq)?;
    let (tag_bits, bits, after) = element(after)?;
    if tag_alg != 0x30 || tag_bits != 0x03 || !after.is_empty() {
        return None;
    }
    let (tag_oid, oid, _) = element(alg)?;
    let (&unused, key) = bits.split_first()?;
    if tag_oid != 0x06 || unused != 0 {
        return None;
    }
    if oid == RSA_OID {
        rsa_public_key_bits(key).map(Spki::Rsa)
    } else if oid == ED25519_OID && key.len() == 32 {
        Some(Spki::Ed25519)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_and_rejects() {
        assert_eq!(base64_decode("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(base64_decode("aGVs bG8=").unwrap(), b"hello");
        assert_eq!(base64_decode("aGVsbA==").unwrap(), b"hell");
        assert_eq!(base64_decode("aGVsbG8h").unwrap(), b"hello!");
        assert!(base64_decode("aGVsbG8*").is_none());
        assert!(base64_decode("aGVsb=G8").is_none());
        assert!(base64_decode("a").is_none());
    }

    #[test]
    fn integer_bit_lengths() {
        assert_eq!(integer_bits(&[0x00, 0x80]), 8);
        assert_eq!(integer_bits(&[0x01, 0x00]), 9);
        assert_eq!(integer_bits(&[0x00]), 0);
    }

    #[test]
    fn hand_built_pkcs1_key() {
        // SEQUENCE { INTEGER 0x00 C3 (8 bits), INTEGER 3 }
        let der = [0x30, 0x07, 0x02, 0x02, 0x00, 0xc3, 0x02, 0x01, 0x03];
        assert_eq!(rsa_public_key_bits(&der), Some(8));
        assert_eq!(rsa_public_key_bits(&der[..8]), None);
    }
}
