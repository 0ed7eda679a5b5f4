//! The whole generated crate: `Cargo.toml` with one feature per scope, `src/lib.rs`, one
//! `src/<scope>.rs` per scope, and the runtime copied from `generator/runtime/`.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs;
use super::endpoint::{endpoint_code, scope_struct};
use super::imports::with_imports;
use super::naming::scope_module;
use super::param_plan::ParamEnums;
use super::{format_file, CodegenTimings, GeneratedFile, MARKER_LINE};
use crate::model::{Api, Endpoint};
use crate::package::Package;

/// The runtime sources copied verbatim (after the marker line) into `src/runtime/`.
pub const RUNTIME_FILES: &[(&str, &str)] = &[
    ("__private.rs", include_str!("../../runtime/__private.rs")),
    ("app_auth.rs", include_str!("../../runtime/app_auth.rs")),
    ("app_jwt.rs", include_str!("../../runtime/app_jwt.rs")),
    ("assemble.rs", include_str!("../../runtime/assemble.rs")),
    ("body.rs", include_str!("../../runtime/body.rs")),
    ("cache.rs", include_str!("../../runtime/cache.rs")),
    ("call.rs", include_str!("../../runtime/call.rs")),
    ("client.rs", include_str!("../../runtime/client.rs")),
    ("client_app.rs", include_str!("../../runtime/client_app.rs")),
    (
        "client_redis.rs",
        include_str!("../../runtime/client_redis.rs"),
    ),
    ("clock.rs", include_str!("../../runtime/clock.rs")),
    ("context.rs", include_str!("../../runtime/context.rs")),
    ("decode.rs", include_str!("../../runtime/decode.rs")),
    (
        "decode_error.rs",
        include_str!("../../runtime/decode_error.rs"),
    ),
    ("encode.rs", include_str!("../../runtime/encode.rs")),
    ("error.rs", include_str!("../../runtime/error.rs")),
    ("extra.rs", include_str!("../../runtime/extra.rs")),
    ("hook.rs", include_str!("../../runtime/hook.rs")),
    ("layers.rs", include_str!("../../runtime/layers.rs")),
    (
        "memory_cache.rs",
        include_str!("../../runtime/memory_cache.rs"),
    ),
    ("method.rs", include_str!("../../runtime/method.rs")),
    ("mod.rs", include_str!("../../runtime/mod.rs")),
    ("model.rs", include_str!("../../runtime/model.rs")),
    ("paginate.rs", include_str!("../../runtime/paginate.rs")),
    ("prepared.rs", include_str!("../../runtime/prepared.rs")),
    ("redirect.rs", include_str!("../../runtime/redirect.rs")),
    (
        "redis_cache.rs",
        include_str!("../../runtime/redis_cache.rs"),
    ),
    ("redis_pace.rs", include_str!("../../runtime/redis_pace.rs")),
    (
        "redis_state.rs",
        include_str!("../../runtime/redis_state.rs"),
    ),
    (
        "redis_tokens.rs",
        include_str!("../../runtime/redis_tokens.rs"),
    ),
    ("request.rs", include_str!("../../runtime/request.rs")),
    ("response.rs", include_str!("../../runtime/response.rs")),
    ("retry.rs", include_str!("../../runtime/retry.rs")),
    ("rsa_pem.rs", include_str!("../../runtime/rsa_pem.rs")),
    ("secret.rs", include_str!("../../runtime/secret.rs")),
    ("send.rs", include_str!("../../runtime/send.rs")),
    ("throttle.rs", include_str!("../../runtime/throttle.rs")),
    ("timer.rs", include_str!("../../runtime/timer.rs")),
    ("timestamp.rs", include_str!("../../runtime/timestamp.rs")),
    ("transport.rs", include_str!("../../runtime/transport.rs")),
    ("typed.rs", include_str!("../../runtime/typed.rs")),
    ("types.rs", include_str!("../../runtime/types.rs")),
];

/// The dependencies of the runtime (and of generated code: `serde`, `serde_json`). The
/// optional ones belong to [`RUNTIME_FEATURES`]. `httpdate`, `hyper`, `pin-project-lite` and
/// `tracing` are already dependencies of reqwest: no extra build.
pub const RUNTIME_DEPENDENCIES: &str = r#"base64 = { version = "0.22", optional = true }
bytes = "1"
chrono = { version = "0.4", optional = true, default-features = false, features = ["std"] }
futures-core = { version = "0.3", default-features = false }
httpdate = "1"
hyper = { version = "1", default-features = false }
jsonwebtoken = { version = "9.3", optional = true, default-features = false }
pin-project-lite = "0.2"
redis = { version = "0.32", optional = true, default-features = false, features = ["tokio-comp", "script"] }
reqwest = { version = "0.12", default-features = false, features = ["rustls-tls"] }
ring = { version = "0.17", optional = true }
serde = { version = "1", features = ["derive"] }
serde_json = { version = "1", features = ["raw_value"] }
serde_fmt = "1"
serde_path_to_error = "0.1"
sha2 = { version = "0.10", optional = true }
tokio = { version = "1", default-features = false, features = ["time", "sync", "io-util"] }
tracing = { version = "0.1", default-features = false, features = ["std"] }
"#;

/// Opt-in runtime features (not default). Hyphenated, so no scope feature (a snake_case
/// module name) can take the same name. `jsonwebtoken` 9 signs with `ring`, which rustls
/// already builds: no second crypto backend and no C build such as aws-lc. Its `use_pem`
/// feature is off (its ASN.1 crate brings `num-bigint` and `time`): `rsa_pem.rs` reads the
/// PEM with `base64`, which reqwest already builds.
pub const RUNTIME_FEATURES: &str = r#"# GitHub App authentication: JWTs and installation tokens (`ClientBuilder::app`).
github-app = ["dep:jsonwebtoken", "dep:base64", "tokio/sync"]
# Conditional requests answered from a cache on `304` (`ClientBuilder::cache`).
http-cache = ["dep:sha2"]
# Throttle, rate-limit pauses, conditional cache and installation tokens shared across
# processes through Redis (`ClientBuilder::redis`). The `redis` crate (no TLS, no C build);
# `ring` (token sealing) is the one rustls already builds.
redis = ["http-cache", "github-app", "dep:redis", "dep:ring", "tokio/rt"]
# `Accept-Encoding: gzip` and transparent decompression (adds flate2, pure Rust).
gzip = ["reqwest/gzip"]
# `PartialEq` on object and one-of models (off by default: it adds ~15% to the build).
model-eq = []
# Date-time fields and parameters as `Timestamp` (a parsed `chrono::DateTime<Utc>`, or the
# text when it does not parse) instead of `String`. Off by default: it adds chrono.
timestamps = ["dep:chrono"]
"#;

/// Endpoints grouped by scope module name, each group sorted by method id.
fn scopes(api: &Api) -> BTreeMap<String, Vec<&Endpoint>> {
    let mut map: BTreeMap<String, Vec<&Endpoint>> = BTreeMap::new();
    for e in &api.endpoints {
        map.entry(scope_module(&e.scope)).or_default().push(e);
    }
    for list in map.values_mut() {
        list.sort_by(|a, b| a.id.cmp(&b.id));
    }
    map
}

/// Every file of the crate, sorted by path, and the time spent on the scope files.
pub fn crate_files(api: &Api, package: &Package) -> (Vec<GeneratedFile>, CodegenTimings) {
    let scopes = scopes(api);
    let counts: Vec<(String, usize)> = scopes.iter().map(|(m, e)| (m.clone(), e.len())).collect();
    let example = super::readme::usage_example(api, package);
    let shared = ParamEnums::new(api);
    let mut files = vec![
        GeneratedFile::new("Cargo.toml", cargo_toml(api, package, &scopes)),
        GeneratedFile::new("README.md", super::readme::readme(api, package, &counts)),
        GeneratedFile::new(
            "src/lib.rs",
            with_comments(format_file(&lib_rs(
                &scopes,
                &example,
                !api.models.is_empty(),
                shared.enums.iter().any(|e| !e.model),
            ))),
        ),
    ];
    let (scope_files, timings) = scope_files(api, &shared, &scopes);
    files.extend(scope_files);
    for (path, tokens) in super::params::params_files(&shared) {
        files.push(GeneratedFile::new(path, format_file(&tokens)));
    }
    if !api.models.is_empty() {
        for (path, tokens) in super::models::models_files(api) {
            files.push(GeneratedFile::new(path, format_file(&tokens)));
        }
    }
    for (name, text) in RUNTIME_FILES {
        files.push(GeneratedFile::new(
            format!("src/runtime/{name}"),
            format!(
                "{MARKER_LINE}\n{}",
                text.replace("github_rest_client::", &format!("{}::", package.lib_name()))
            ),
        ));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    (files, timings)
}

/// One `src/<scope>.rs` per scope, generated and formatted on all cores: formatting (syn +
/// prettyplease) is most of the generator's time. Token streams are not `Send`, so each file
/// is built and formatted by one thread; threads take the next scope (largest first) as they
/// finish. The caller sorts the files, so the output does not depend on the schedule.
fn scope_files(
    api: &Api,
    shared: &ParamEnums,
    scopes: &BTreeMap<String, Vec<&Endpoint>>,
) -> (Vec<GeneratedFile>, CodegenTimings) {
    let mut jobs: Vec<(&String, &Vec<&Endpoint>)> = scopes.iter().collect();
    jobs.sort_by_key(|(_, endpoints)| std::cmp::Reverse(endpoints.len()));
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(jobs.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = (Vec::new(), CodegenTimings::default());
        while let Some((module, endpoints)) =
            jobs.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
        {
            let start = std::time::Instant::now();
            let tokens = scope_file(api, shared, &endpoints[0].scope, endpoints);
            let formatting = std::time::Instant::now();
            let text = format_file(&tokens);
            done.1.tokens += formatting - start;
            done.1.format += formatting.elapsed();
            done.0
                .push(GeneratedFile::new(format!("src/{module}.rs"), text));
        }
        done
    };
    std::thread::scope(|s| {
        let handles: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let (mut files, mut timings) = work();
        for h in handles {
            let (more, t) = h.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
            files.extend(more);
            timings.tokens += t.tokens;
            timings.format += t.format;
        }
        (files, timings)
    })
}

/// Features a scope's feature enables: the scopes its renamed aliases forward to.
fn feature_deps(api: &Api, endpoints: &[&Endpoint]) -> Vec<String> {
    let mut deps: Vec<String> = endpoints
        .iter()
        .filter_map(|e| e.renamed_to.as_ref())
        .filter(|(scope, id)| {
            api.endpoints
                .iter()
                .any(|t| &t.scope == scope && &t.id == id)
        })
        .map(|(scope, _)| scope_module(scope))
        .filter(|m| m != &scope_module(&endpoints[0].scope))
        .collect();
    deps.sort();
    deps.dedup();
    deps
}

/// The manifest, sealed with a content hash so that hand edits are refused, not overwritten.
fn cargo_toml(api: &Api, package: &Package, scopes: &BTreeMap<String, Vec<&Endpoint>>) -> String {
    let all: Vec<String> = scopes.keys().map(|k| format!("\"{k}\"")).collect();
    let mut features = format!("default = [{}]\n", all.join(", "));
    for (module, endpoints) in scopes {
        let deps: Vec<String> = feature_deps(api, endpoints)
            .iter()
            .map(|d| format!("\"{d}\""))
            .collect();
        features.push_str(&format!("{module} = [{}]\n", deps.join(", ")));
    }
    features.push_str(RUNTIME_FEATURES);
    let body = format!(
        "{package}
[features]
{features}
[dependencies]
{deps}",
        package = crate::package::package_table(package),
        deps = RUNTIME_DEPENDENCIES,
    );
    super::seal::seal(
        &format!(
            "# {} Do not edit: set [package] fields in specs/crate.yaml and regenerate.",
            super::MARKER_TEXT
        ),
        &body,
    )
}

fn lib_rs(
    scopes: &BTreeMap<String, Vec<&Endpoint>>,
    example: &str,
    has_models: bool,
    has_params: bool,
) -> TokenStream {
    let mut crate_doc = String::from(
        "Typed GitHub REST API client, generated from endpoint description files.\n\n\
         Start with [`Client`]; endpoints are grouped by scope, e.g. `client.repos().get(owner, repo).send().await`.\n\
         Required parameters are method arguments; optional ones are setters on the returned request \
         builder; `send()` returns the decoded body when the endpoint has a typed response, else a \
         [`Response`] (see [`runtime::ResponseFuture`]), and `build()` the [`Request`] to adjust first \
         (headers, [`MediaType`], timeout) or to paginate (`build().paginate::<T>()`).\n\n\
         # Features\n\n\
         One cargo feature per scope, all enabled by default; disable default features and pick \
         the scopes you use to compile less code:\n",
    );
    crate_doc = crate_doc.replacen(
        "\n\n# Features",
        &format!("\n\n# Example\n\n```no_run\n{example}```\n\n# Features"),
        1,
    );
    let runtime_features = "\n\nOpt-in runtime features:\n\n\
         - `github-app`: GitHub App authentication (`ClientBuilder::app`, `Client::installation`)\n\
         - `http-cache`: conditional requests answered from a cache on `304` (`ClientBuilder::cache`)\n\
         - `redis`: throttle, rate-limit pauses, cache and installation tokens shared across processes (`ClientBuilder::redis`)\n\
         - `gzip`: `Accept-Encoding: gzip` and transparent decompression\n\
         - `model-eq`: `PartialEq` on object and one-of models (enums always have it)\n\
         - `timestamps`: date-time fields and parameters as [`Timestamp`] (a parsed \
         `chrono::DateTime<Utc>`, or the text when it does not parse) instead of `String`";
    for (module, endpoints) in scopes {
        crate_doc.push_str(&format!(
            "\n- `{module}`: {} endpoint{} (`client.{module}()`)",
            endpoints.len(),
            if endpoints.len() == 1 { "" } else { "s" }
        ));
    }
    crate_doc.push_str(runtime_features);
    let doc = inner_doc_attrs(&crate_doc);
    let mods = scopes.keys().map(|module| {
        let m = format_ident!("{}", module);
        let name = scope_struct(&scopes[module][0].scope);
        let scope_doc = docs::doc_attrs(&format!(
            "[`{name}`]({module}::{name}): the endpoints of `client.{module}()`."
        ));
        quote! {
            #scope_doc
            #[cfg(feature = #module)]
            #[rustfmt::skip]
            pub mod #m;
        }
    });
    let models = has_models.then(|| {
        quote! {
            #[rustfmt::skip]
            pub mod models;
        }
    });
    let params = has_params.then(|| {
        quote! {
            #[rustfmt::skip]
            pub mod params;
        }
    });
    quote! {
        #doc
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #![allow(
            clippy::too_many_arguments,
            clippy::enum_variant_names,
            clippy::module_inception,
            clippy::should_implement_trait,
            clippy::new_ret_no_self
        )]

        #[rustfmt::skip]
        pub mod runtime;

        #models

        #params

        pub use runtime::{Client, ClientBuilder, Error, IntOrString, MediaType, Request, Response, Result, Timestamp};

        #(#mods)*
    }
}

/// Explanations for the crate-level attributes (comments do not survive `quote`).
fn with_comments(lib: String) -> String {
    lib.replacen(
        "#![cfg_attr(rustfmt",
        "// Laid out by prettyplease, not rustfmt: `cargo fmt` leaves generated code alone (the\n\
         // `rustfmt::skip` on each module declaration covers the module files).\n#![cfg_attr(rustfmt",
        1,
    )
    .replacen(
        "#![allow(",
        "// Inherent to a generated API: every required parameter is an argument (long argument\n\
         // lists), enum variants are GitHub's values (which may share a prefix or suffix), and\n\
         // each endpoint's module is named after its method (which may equal its scope's name);\n\
         // method and setter names are GitHub's words (`add`, `new`, `clone`).\n#![allow(",
        1,
    )
}

fn inner_doc_attrs(text: &str) -> TokenStream {
    let lines = text.lines().map(|l| {
        let l = if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        };
        quote!(#![doc = #l])
    });
    quote!(#(#lines)*)
}

/// The scope struct, its accessor on `Client`, the methods and the endpoint modules.
pub fn scope_file(
    api: &Api,
    shared: &ParamEnums,
    scope: &str,
    endpoints: &[&Endpoint],
) -> TokenStream {
    let name = scope_struct(scope);
    let accessor = format_ident!("{}", scope_module(scope));
    let mut methods = Vec::new();
    let mut modules = Vec::new();
    for e in endpoints {
        let code = endpoint_code(api, shared, e);
        methods.push(code.method);
        modules.extend(code.module);
    }
    let module_doc = inner_doc_attrs(&format!(
        "The endpoints of [`{name}`](crate::{accessor}::{name}), from [`Client::{accessor}`](crate::Client::{accessor}), and a module of request builder and parameter types per endpoint."
    ));
    let struct_doc = docs::doc_attrs(&format!(
        "The `{accessor}` endpoints, a method each: `client.{accessor}()`."
    ));
    let accessor_doc = docs::doc_attrs(&format!(
        "The `{accessor}` endpoints ([`{name}`](crate::{accessor}::{name}))."
    ));
    let head = quote! {
        #struct_doc
        #[derive(Debug, Clone, Copy)]
        pub struct #name<'c> {
            client: &'c crate::runtime::Client,
        }

        impl crate::runtime::Client {
            #accessor_doc
            #[inline]
            pub fn #accessor(&self) -> #name<'_> {
                #name { client: self }
            }
        }

        impl<'c> #name<'c> {
            #(#methods)*
        }
    };
    let head = with_imports(head, &format!("crate::{accessor}"), &[]);
    quote! {
        #module_doc
        #head
        #(#modules)*
    }
}
