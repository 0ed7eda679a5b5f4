//! Type and location inference rules for parameters of untyped specs.
