//! Byte-offset → line mapping for one file, and the per-file error collector the
//! parser stages report into.

use std::path::Path;

use crate::diag::Diagnostic;

/// Maps byte offsets of one text to 1-based line numbers in O(log n).
#[derive(Debug)]
pub(crate) struct LineIndex {
    /// Byte offset at which each line starts; `starts[0] == 0`.
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line of the byte at `offset` (offsets past the end map to the last line).
    pub(crate) fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
}

/// Collects the problems found in one file, in the order they are found.
#[derive(Debug)]
pub(crate) struct Reporter<'a> {
    path: &'a Path,
    pub(crate) diags: Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    pub(crate) fn new(path: &'a Path) -> Self {
        Reporter {
            path,
            diags: Vec::new(),
        }
    }

    /// Records an error at `line` (1-based; 0 = whole file) with a fix-it hint.
    pub(crate) fn error(
        &mut self,
        line: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diags
            .push(Diagnostic::new(self.path, line, message).with_hint(hint));
    }
}

/// `true` for a name made of ASCII letters and digits that starts with a letter.
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_maps_offsets_to_lines() {
        let idx = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(idx.line(0), 1);
        assert_eq!(idx.line(2), 1); // the '\n' itself belongs to line 1
        assert_eq!(idx.line(3), 2);
        assert_eq!(idx.line(6), 3);
        assert_eq!(idx.line(7), 4);
        assert_eq!(idx.line(100), 4);
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("getRepo2"));
        assert!(!is_identifier("2getRepo"));
        assert!(!is_identifier("get-repo"));
        assert!(!is_identifier("get_repo"));
        assert!(!is_identifier(""));
        assert!(!is_identifier("größe"));
    }
}
