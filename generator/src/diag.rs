//! Diagnostics: errors as values that name the spec file and line, rendered rustc-style.

use std::fmt;
use std::path::PathBuf;

/// One problem found in a spec file (or in the output directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub file: PathBuf,
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong, one sentence, lower-case start (rustc style).
    pub message: String,
    /// How to fix it, when we know.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        write!(f, "  --> {}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n   = help: {hint}")?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// Renders like [`Display`](fmt::Display) but quotes the offending line of `source` (the
    /// text of [`Diagnostic::file`]) the way rustc does. Falls back to the plain form when the
    /// line is 0 or out of range.
    pub fn render_with_source(&self, source: &str) -> String {
        let Some(text) = self.line.checked_sub(1).and_then(|i| source.lines().nth(i)) else {
            return self.to_string();
        };
        let num = self.line.to_string();
        let pad = " ".repeat(num.len());
        let mut out = format!(
            "error: {}\n{pad}--> {}:{num}\n{pad} |\n{num} | {}\n{pad} |",
            self.message,
            self.file.display(),
            text.trim_end()
        );
        if let Some(hint) = &self.hint {
            out.push_str(&format!("\n{pad} = help: {hint}"));
        }
        out
    }
}

/// Several diagnostics at once: every problem found, not only the first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}\n")?;
        }
        let n = self.0.len();
        write!(
            f,
            "error: aborting due to {n} previous error{}",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_rustc_style() {
        let d =
            Diagnostic::new("specs/a/b.md", 4, "unknown HTTP method `FETCH`").with_hint("use GET");
        assert_eq!(
            d.to_string(),
            "error: unknown HTTP method `FETCH`\n  --> specs/a/b.md:4\n   = help: use GET"
        );
        let whole = Diagnostic::new("specs/a/b.md", 0, "spec file is empty");
        assert_eq!(
            whole.to_string(),
            "error: spec file is empty\n  --> specs/a/b.md"
        );
        let all = Diagnostics(vec![d, whole]);
        assert!(all
            .to_string()
            .ends_with("\n\nerror: aborting due to 2 previous errors"));
    }

    #[test]
    fn render_with_source_quotes_the_line() {
        let d = Diagnostic::new("a.md", 2, "bad route").with_hint("fix it");
        assert_eq!(
            d.render_with_source("---\nroute: FETCH /x\n---\n"),
            "error: bad route\n --> a.md:2\n  |\n2 | route: FETCH /x\n  |\n  = help: fix it"
        );
        let far = Diagnostic::new("a.md", 12, "x");
        assert_eq!(far.render_with_source("one line"), far.to_string());
    }
}
