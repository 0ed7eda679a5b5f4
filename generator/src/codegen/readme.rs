//! The generated crate's `README.md` and the usage example shared by it and the crate docs
//! (an example built from an endpoint the specs really have, so it always compiles).

use crate::model::{Api, Endpoint, HttpMethod, Location, Type};
use crate::package::Package;

/// An argument literal for a required parameter, or `None` when its type has no simple one.
fn literal(p: &crate::model::Param) -> Option<String> {
    match p.ty {
        Type::String => Some(match p.wire_name.as_str() {
            "owner" => "\"octocat\"".to_string(),
            "repo" => "\"hello-world\"".to_string(),
            "org" => "\"github\"".to_string(),
            "username" => "\"octocat\"".to_string(),
            name => format!("{name:?}"),
        }),
        Type::Integer => Some("1".to_string()),
        _ => None,
    }
}

/// The arguments of `e`'s method, when every one has a simple literal.
fn call_args(e: &Endpoint) -> Option<Vec<String>> {
    if e.origin || e.deprecated || e.renamed_to.is_some() || e.method != HttpMethod::Get {
        return None;
    }
    e.params
        .iter()
        .filter(|p| p.required || p.location == Location::Path)
        .map(|p| (!p.nullable).then(|| literal(p)).flatten())
        .collect()
}

/// The endpoint the example calls: `repos.get` when present, else the first plain GET.
fn example_endpoint(api: &Api) -> Option<(&Endpoint, Vec<String>)> {
    let preferred = api
        .endpoints
        .iter()
        .find(|e| e.scope == "repos" && e.id == "get");
    preferred
        .into_iter()
        .chain(api.endpoints.iter())
        .find_map(|e| call_args(e).map(|args| (e, args)))
}

/// Rust code (no fences) of a short program: build a client, call one endpoint, handle errors.
pub fn usage_example(api: &Api, package: &Package) -> String {
    let lib = package.lib_name();
    let mut code = format!(
        "use {lib}::{{Client, Error}};\n\n\
         # async fn run() -> Result<(), Error> {{\n\
         let client = Client::builder()\n    .token(std::env::var(\"GITHUB_TOKEN\").unwrap_or_default())\n    .build()?;\n"
    );
    if let Some((e, args)) = example_endpoint(api) {
        let accessor = super::naming::scope_module(&e.scope);
        code.push_str(&format!(
            "\n// `{} {}`: required parameters are arguments, optional ones setters.\n\
             match client.{accessor}().{}({}).send().await {{\n    \
             Ok(_found) => println!(\"found\"),\n    \
             Err(e) if e.status() == Some(404) => println!(\"not found\"),\n    \
             Err(e) => return Err(e),\n}}\n",
            method_name(e.method),
            e.route
                .split_once(' ')
                .map_or(e.route.as_str(), |(_, path)| path),
            e.rust_name,
            args.join(", "),
        ));
    }
    code.push_str("# Ok(())\n# }\n");
    code
}

fn method_name(m: HttpMethod) -> &'static str {
    match m {
        HttpMethod::Get => "GET",
        HttpMethod::Post => "POST",
        HttpMethod::Put => "PUT",
        HttpMethod::Patch => "PATCH",
        HttpMethod::Delete => "DELETE",
    }
}

/// The README's section on the `timestamps` feature.
const TIMESTAMPS: &str = "## Date-times (feature `timestamps`)\n\n\
Date-time fields and parameters have the type `Timestamp`. By default it is `String`, the \
RFC 3339 text as GitHub sends it. With the `timestamps` feature it is an enum: \
`Timestamp::At(chrono::DateTime<Utc>)` for a date-time that parses and \
`Timestamp::Unparsed(String)` for text that does not, so one odd value never fails the decode \
of an answer and you still see what came (`get()`, `unparsed()`, `Display`). Parsed values \
order by time. Setters take `impl Into<Timestamp>`: a `&str`, a `String` or a \
`DateTime<Utc>`, sent as RFC 3339 in UTC.\n\n\
The feature is off by default: it adds `chrono` to the build, and it changes the type of those \
fields, so it is for the crate that owns the client to turn on (another crate in the same \
build that reads them as `String` would stop compiling).\n";

/// `README.md`: what the crate is, how to depend on it, the example, the features.
pub fn readme(api: &Api, package: &Package, scopes: &[(String, usize)]) -> String {
    let intro = package.readme.as_deref().unwrap_or(&package.description);
    let endpoints: usize = scopes.iter().map(|(_, n)| n).sum();
    // The doctest's hidden `# ` lines are shown: a README example is read, not compiled.
    let example: String = usage_example(api, package)
        .lines()
        .map(|l| format!("{}\n", l.strip_prefix("# ").unwrap_or(l)))
        .collect();
    let mut features = String::new();
    for (module, n) in scopes {
        features.push_str(&format!(
            "- `{module}`: {n} endpoint{}\n",
            if *n == 1 { "" } else { "s" }
        ));
    }
    format!(
        "<!-- {marker} Do not edit: edit the specs and regenerate. -->\n\
         # {name}\n\n{intro}\n\n\
         {endpoints} endpoint{s} in {n_scopes} scope{ss}: one method per endpoint, required parameters as \
         arguments, optional ones as setters.\n\n\
         ```toml\n[dependencies]\n{name} = \"{version}\"\n```\n\n\
         ```rust\n{example}```\n\n\
         ## Features\n\n\
         One cargo feature per scope, all enabled by default; `default-features = false` and a \
         list of scopes compiles only those:\n\n{features}\n{TIMESTAMPS}",
        marker = super::MARKER_TEXT,
        name = package.name,
        version = package.version,
        s = if endpoints == 1 { "" } else { "s" },
        n_scopes = scopes.len(),
        ss = if scopes.len() == 1 { "" } else { "s" },
    )
}
