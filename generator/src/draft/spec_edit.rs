//! The spec side: reading `route:` and whether `responses:` exists from a spec's
//! front-matter, and inserting a `responses:` block before its closing `---` (nothing else
//! in the file changes).

/// What the converter needs from a spec file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SpecHead {
    pub route: Option<String>,
    pub has_responses: bool,
    /// Byte offset of the closing `---` line.
    pub close: usize,
    /// The file's line ending (`\r\n` when the file uses it).
    pub newline: &'static str,
}

/// Reads the front-matter lines; `None` when the file has no closed front-matter.
pub(crate) fn head(text: &str) -> Option<SpecHead> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut offset = 0;
    let mut route = None;
    let mut has_responses = false;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let line = raw.trim_end_matches(['\n', '\r']);
        let at = offset;
        offset += raw.len();
        if i == 0 {
            if line.trim_start_matches('\u{feff}').trim_end() != "---" {
                return None;
            }
            continue;
        }
        if line.trim_end() == "---" {
            return Some(SpecHead {
                route,
                has_responses,
                close: at,
                newline,
            });
        }
        if let Some(rest) = line.strip_prefix("route:") {
            route = Some(unquote(rest.trim()).to_string());
        }
        if line.starts_with("responses:") {
            has_responses = true;
        }
    }
    None
}

fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

/// The file with `block` (lines ending in `\n`) inserted before the closing `---`;
/// unchanged when it already declares `responses:`.
pub(crate) fn insert_responses(text: &str, block: &str) -> Option<String> {
    let h = head(text)?;
    if h.has_responses {
        return Some(text.to_string());
    }
    let block = block.replace('\n', h.newline);
    let mut out = String::with_capacity(text.len() + block.len());
    out.push_str(&text[..h.close]);
    out.push_str(&block);
    out.push_str(&text[h.close..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str =
        "---\nname: Get\nroute: GET /repos/{owner}/{repo}\nscope: repos\n---\n\n# Get\n\n---\n";

    #[test]
    fn inserts_before_the_closing_line_only_once() {
        let once = insert_responses(SPEC, "responses:\n  200: FullRepository\n").unwrap();
        assert_eq!(
            once,
            "---\nname: Get\nroute: GET /repos/{owner}/{repo}\nscope: repos\nresponses:\n  200: FullRepository\n---\n\n# Get\n\n---\n"
        );
        let twice = insert_responses(&once, "responses:\n  200: Other\n").unwrap();
        assert_eq!(twice, once);
        let h = head(&once).unwrap();
        assert!(h.has_responses);
        assert_eq!(h.route.as_deref(), Some("GET /repos/{owner}/{repo}"));
    }

    #[test]
    fn keeps_crlf_and_rejects_files_without_front_matter() {
        let crlf = SPEC.replace('\n', "\r\n");
        let out = insert_responses(&crlf, "responses:\n  204: ~\n").unwrap();
        assert!(out.contains("scope: repos\r\nresponses:\r\n  204: ~\r\n---\r\n"));
        assert!(insert_responses("# no front-matter\n", "responses:\n").is_none());
        assert!(head("---\nname: x\n").is_none());
    }
}
