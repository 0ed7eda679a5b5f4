//! Stage 4: write the generated crate atomically, rewriting only files whose content changed.
