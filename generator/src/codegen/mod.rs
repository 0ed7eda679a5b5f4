//! Stage 3: turn the model into Rust source (quote fragments, formatted once by prettyplease).
