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

#[cfg(test)]
mod tests {
    //! Synthetic keys: DER built here around made-up key bytes (the parser does not look
    //! inside the PKCS#1 structure; `ring` does). Real keys are covered end to end by
    //! `tests/runtime_app_auth.rs` with the TEST-ONLY key pair under `tests/keys/`.

    use base64::Engine;

    use super::super::app_jwt::{AppKey, Issuer};
    use super::*;

    /// A DER element: tag, definite length (short or long form), contents.
    fn tlv(tag: u8, contents: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let n = contents.len();
        if n < 0x80 {
            out.push(n as u8);
        } else {
            let bytes: Vec<u8> = n
                .to_be_bytes()
                .into_iter()
                .skip_while(|&b| b == 0)
                .collect();
            out.push(0x80 | bytes.len() as u8);
            out.extend(bytes);
        }
        out.extend_from_slice(contents);
        out
    }

    /// Made-up "PKCS#1" bytes of `len` bytes (a SEQUENCE, long-form length as real keys have).
    fn fake_pkcs1(len: usize) -> Vec<u8> {
        let body: Vec<u8> = (0..len).map(|i| (i * 7 + 3) as u8).collect();
        tlv(0x30, &tlv(0x02, &body))
    }

    fn pkcs8_around(pkcs1: &[u8], oid: &[u8]) -> Vec<u8> {
        let algorithm = [tlv(0x06, oid), vec![0x05, 0x00]].concat();
        let info = [tlv(0x02, &[0]), tlv(0x30, &algorithm), tlv(0x04, pkcs1)].concat();
        tlv(0x30, &info)
    }

    /// PEM text: 64-column base64 lines between the armour lines, joined with `eol`.
    fn pem(label: &str, der: &[u8], eol: &str) -> String {
        let b64 = base64::engine::general_purpose::STANDARD.encode(der);
        let mut lines = vec![format!("-----BEGIN {label}-----")];
        lines.extend(
            b64.as_bytes()
                .chunks(64)
                .map(|c| String::from_utf8_lossy(c).into_owned()),
        );
        lines.push(format!("-----END {label}-----"));
        lines.join(eol) + eol
    }

    #[test]
    fn pkcs1_is_returned_as_it_is() {
        let der = fake_pkcs1(300);
        assert_eq!(
            pkcs1_der(pem(PKCS1, &der, "\n").as_bytes()),
            Some(der.clone())
        );
        // CRLF line endings and text around the block (as `openssl` bag attributes).
        let text = format!("Bag Attributes\r\n{}trailing\r\n", pem(PKCS1, &der, "\r\n"));
        assert_eq!(pkcs1_der(text.as_bytes()), Some(der));
    }

    #[test]
    fn pkcs8_is_unwrapped_to_the_same_pkcs1() {
        for len in [40, 300, 1200] {
            let der = fake_pkcs1(len);
            let wrapped = pkcs8_around(&der, RSA_ENCRYPTION_OID);
            assert_eq!(pkcs1_der(pem(PKCS8, &wrapped, "\n").as_bytes()), Some(der));
        }
    }

    #[test]
    fn the_first_rsa_block_wins() {
        let (a, b) = (fake_pkcs1(100), fake_pkcs1(120));
        let text = pem(PKCS1, &a, "\n") + &pem(PKCS1, &b, "\n");
        assert_eq!(pkcs1_der(text.as_bytes()), Some(a));
    }

    #[test]
    fn other_keys_and_malformed_input_are_none() {
        let der = fake_pkcs1(300);
        // An EC key (id-ecPublicKey) in PKCS#8, a public key, an encrypted key.
        let ec_oid = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
        let ec = pem(PKCS8, &pkcs8_around(&der, &ec_oid), "\n");
        let public = pem("PUBLIC KEY", &der, "\n");
        let encrypted = pem("ENCRYPTED PRIVATE KEY", &der, "\n");
        let good = pem(PKCS1, &der, "\n");
        let wrapped = pkcs8_around(&der, RSA_ENCRYPTION_OID);
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", Vec::new()),
            ("not PEM", b"not a key".to_vec()),
            ("EC key", ec.into_bytes()),
            ("public key", public.into_bytes()),
            ("encrypted key", encrypted.into_bytes()),
            (
                "no END line",
                good.replace("-----END", "-----FIN").into_bytes(),
            ),
            (
                "bad base64",
                good.replacen('A', "!", 1)
                    .replacen('B', "!", 1)
                    .into_bytes(),
            ),
            ("not UTF-8", [good.as_bytes(), &[0xff, 0xfe]].concat()),
            (
                "PKCS#8 cut short",
                pem(PKCS8, &wrapped[..wrapped.len() - 10], "\n").into_bytes(),
            ),
            (
                "PKCS#8 without its key",
                pem(PKCS8, &tlv(0x30, &[tlv(0x02, &[0])].concat()), "\n").into_bytes(),
            ),
        ];
        for (what, input) in cases {
            assert_eq!(pkcs1_der(&input), None, "{what}");
        }
    }

    #[test]
    fn der_lengths_are_checked() {
        assert_eq!(
            element(&[0x30, 0x03, 1, 2, 3, 4], 0x30),
            Some((&[1, 2, 3][..], &[4][..]))
        );
        assert_eq!(
            element(&[0x30, 0x81, 0x02, 9, 9], 0x30),
            Some((&[9, 9][..], &[][..]))
        );
        assert_eq!(element(&[0x31, 0x01, 0], 0x30), None, "wrong tag");
        assert_eq!(
            element(&[0x30, 0x05, 1, 2], 0x30),
            None,
            "longer than the input"
        );
        assert_eq!(element(&[0x30, 0x80, 1], 0x30), None, "indefinite length");
        assert_eq!(
            element(&[0x30, 0x85, 1, 1, 1, 1, 1], 0x30),
            None,
            "5-byte length"
        );
        assert_eq!(
            element(&[0x30, 0x82, 0x01], 0x30),
            None,
            "length bytes missing"
        );
        assert_eq!(element(&[0x30], 0x30), None, "no length");
        assert_eq!(element(&[], 0x30), None, "nothing");
    }

    #[test]
    fn key_errors_never_quote_the_key() {
        let der = fake_pkcs1(600);
        let unusable = pem(PKCS1, &der, "\n");
        let truncated = unusable[..200].to_owned();
        let not_rsa = pem("EC PRIVATE KEY", &der, "\n");
        for input in [unusable.as_str(), &truncated, &not_rsa] {
            let Err(err) = AppKey::new(Issuer::AppId(1), input.as_bytes()) else {
                panic!("a made-up key was accepted");
            };
            let shown = format!("{err} {err:?}");
            assert!(shown.contains("private key"), "{shown}");
            for line in input
                .lines()
                .filter(|l| !l.starts_with("-----") && l.len() >= 12)
            {
                assert!(!shown.contains(&line[..12]), "key material in {shown}");
            }
        }
    }
}
