//! An RSA private key from PEM to the PKCS#1 DER that `ring` signs with: PKCS#1 as GitHub
//! hands keys out, or PKCS#8 unwrapped. (Instead of jsonwebtoken's `use_pem`, whose ASN.1
//! crate brings `num-bigint` and `time` into the build.)

use base64::Engine;

const PKCS1: &str = "RSA PRIVATE KEY";
const PKCS8: &str = "PRIVATE KEY";
/// DER of the algorithm identifier `rsaEncryption` (1.2.840.113549.1.1.1).
const RSA_ENCRYPTION_OID: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

/// The PKCS#1 DER of the first RSA private key in `pem`, or `None` if there is none.
/// Whether the key is usable is for the signer to find out.
pub(crate) fn pkcs1_der(pem: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(pem).ok()?;
    for label in [PKCS1, PKCS8] {
        if let Some(der) = block(text, label) {
            return if label == PKCS1 {
                Some(der)
            } else {
                pkcs8_inner(&der).map(<[u8]>::to_vec)
            };
        }
    }
    None
}

/// The decoded body of the `-----BEGIN label-----` block.
fn block(text: &str, label: &str) -> Option<Vec<u8>> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let start = text.find(&begin)? + begin.len();
    let len = text[start..].find(&end)?;
    let body: String = text[start..start + len]
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    base64::engine::general_purpose::STANDARD.decode(body).ok()
}

/// The RSA key inside a PKCS#8 `PrivateKeyInfo`:
/// `SEQUENCE { INTEGER version, SEQUENCE { OID rsaEncryption, .. }, OCTET STRING key, .. }`.
fn pkcs8_inner(der: &[u8]) -> Option<&[u8]> {
    let (info, _) = element(der, 0x30)?;
    let (_version, rest) = element(info, 0x02)?;
    let (algorithm, rest) = element(rest, 0x30)?;
    let (oid, _) = element(algorithm, 0x06)?;
    (oid == RSA_ENCRYPTION_OID).then_some(())?;
    let (key, _) = element(rest, 0x04)?;
    Some(key)
}

/// The contents of the DER element at the start of `der` if its tag is `tag`, and what
/// follows it.
fn element(der: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    let (&first, rest) = der.split_first()?;
    (first == tag).then_some(())?;
    let (&len_byte, rest) = rest.split_first()?;
    let (len, rest) = if len_byte < 0x80 {
        (usize::from(len_byte), rest)
    } else {
        let n = usize::from(len_byte & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
        (len, &rest[n..])
    };
    (rest.len() >= len).then(|| rest.split_at(len))
}
