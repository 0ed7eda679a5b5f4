//! End-to-end tests of [`super::parse_spec`] on small hand-written specs.
