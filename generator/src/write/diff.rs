//! Short unified diffs (via `similar`) for `check` output.

use std::path::Path;

/// Most changed lines shown per file; the rest is summarised.
const MAX_LINES: usize = 60;

/// A unified diff of one file, `a/path` → `b/path`, cut after 60 lines.
pub fn unified_diff(path: &Path, old: &str, new: &str) -> String {
    let name = path.display().to_string();
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= MAX_LINES {
        return text;
    }
    let mut out = lines[..MAX_LINES].join("\n");
    out.push_str(&format!(
        "\n... ({} more diff lines in {name})\n",
        lines.len() - MAX_LINES
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_changed_lines_with_headers() {
        let d = unified_diff(Path::new("src/lib.rs"), "a\nb\nc\n", "a\nB\nc\n");
        assert!(d.contains("--- a/src/lib.rs"), "{d}");
        assert!(d.contains("+++ b/src/lib.rs"), "{d}");
        assert!(d.contains("-b\n+B"), "{d}");
    }

    #[test]
    fn long_diffs_are_cut() {
        let new: String = (0..500).map(|i| format!("{i}\n")).collect();
        let d = unified_diff(Path::new("x"), "", &new);
        assert!(d.lines().count() <= MAX_LINES + 1, "{d}");
        assert!(d.contains("more diff lines in x"), "{d}");
    }
}
