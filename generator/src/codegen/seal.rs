//! A content hash on the generated `Cargo.toml`, so a hand edit is noticed and refused
//! instead of being silently overwritten by the next generation.

/// Prefix of the hash line (the second line of the generated `Cargo.toml`).
const HASH_PREFIX: &str = "# content-hash: ";

/// FNV-1a, 64 bits: stable across Rust releases and platforms (unlike `DefaultHasher`).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// `first_line`, then the hash line, then `rest` (the hashed content).
pub fn seal(first_line: &str, rest: &str) -> String {
    format!("{first_line}\n{HASH_PREFIX}{:016x}\n{rest}", fnv1a(rest))
}

/// `true` when `text` carries a hash line that does not match the content after it: the file
/// was edited by hand since it was generated. Files without a hash line (written by an older
/// generator) count as not edited.
pub fn hand_edited(text: &str) -> bool {
    let mut parts = text.splitn(3, '\n');
    let (_, Some(hash_line), Some(rest)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let Some(hash) = hash_line.strip_prefix(HASH_PREFIX) else {
        return false;
    };
    hash != format!("{:016x}", fnv1a(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_file_is_not_edited_until_its_content_changes() {
        let sealed = seal("# @generated", "[package]\nname = \"x\"\n");
        assert!(sealed.starts_with("# @generated\n# content-hash: "));
        assert!(!hand_edited(&sealed));
        assert!(hand_edited(&sealed.replace("\"x\"", "\"y\"")));
        assert!(hand_edited(&format!(
            "{sealed}[dependencies]\nfoo = \"1\"\n"
        )));
        // The hash line itself edited or mangled.
        assert!(hand_edited(
            &sealed.replace("content-hash: ", "content-hash: 0")
        ));
    }

    #[test]
    fn files_without_a_hash_line_are_accepted() {
        assert!(!hand_edited("# @generated\n[package]\nname = \"x\"\n"));
        assert!(!hand_edited(""));
    }
}
