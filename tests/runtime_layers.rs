//! The runtime's module import graph (`generator/runtime/*.rs`): its layers, arrows that point
//! only down or sideways within a layer, and no import loop.
//!
//! `cargo test --test runtime_layers -- --nocapture` prints the graph.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Bottom to top. A module may use modules of its own layer or below, never above.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "leaf types",
        &[
            "method",
            "context",
            "decode_error",
            "error",
            "response",
            "typed",
            "secret",
            "types",
            "encode",
            "extra",
            "model",
            "clock",
            "rsa_pem",
            "timestamp",
        ],
    ),
    (
        "transport",
        &[
            "prepared",
            "transport",
            "assemble",
            "body",
            "timer",
            "retry",
            "redirect",
            "redis_state",
            "redis_pace",
            "throttle",
            "hook",
            "call",
            "send",
        ],
    ),
    ("cache", &["cache", "memory_cache", "redis_cache"]),
    ("auth", &["app_jwt", "redis_tokens", "app_auth", "layers"]),
    (
        "front",
        &[
            "client",
            "client_app",
            "client_redis",
            "request",
            "decode",
            "paginate",
            "__private",
        ],
    ),
];

/// Module name → the modules its code (not comments, not `#[cfg(test)]` modules) names.
fn graph(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut modules = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if path.extension().is_some_and(|e| e == "rs") && name != "mod" {
            modules.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    let reexported = reexports(&std::fs::read_to_string(dir.join("mod.rs")).unwrap());
    let resolve = |name: &str| -> Option<String> {
        if modules.contains_key(name) {
            Some(name.to_owned())
        } else {
            reexported.get(name).cloned()
        }
    };
    let mut graph = BTreeMap::new();
    for (module, text) in &modules {
        let code = code_of(text);
        let mut uses = BTreeSet::new();
        for prefix in ["super::", "crate::runtime::"] {
            for (at, _) in code.match_indices(prefix) {
                let rest = &code[at + prefix.len()..];
                let names: Vec<&str> = match rest.strip_prefix('{') {
                    Some(group) => group[..group.find('}').unwrap()]
                        .split(',')
                        .map(|n| n.trim().split("::").next().unwrap().trim())
                        .collect(),
                    None => vec![ident(rest)],
                };
                for name in names {
                    if let Some(target) = resolve(name).filter(|t| t != module) {
                        uses.insert(target);
                    }
                }
            }
        }
        graph.insert(module.clone(), uses);
    }
    graph
}

/// The leading identifier of `s`.
fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The text of a file without line comments and without its `#[cfg(test)]` module.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod ") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .map(|l| match l.find("//") {
            Some(at) => &l[..at],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Names `mod.rs` re-exports (`pub use error::{Error, Result};`) → their module.
fn reexports(mod_rs: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for item in code_of(mod_rs).split(';') {
        let Some(path) = item.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, names)) = path.split_once("::") else {
            continue;
        };
        let names = names.trim_matches(|c: char| c == '{' || c == '}' || c.is_whitespace());
        for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            map.insert(name.to_owned(), module.to_owned());
        }
    }
    map
}

/// A cycle of `graph`, if it has one (depth-first search).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit<'g>(
        node: &'g str,
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<&'g str>,
        path: &mut Vec<&'g str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = path[at..].iter().map(|s| s.to_string()).collect();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node);
        for next in &graph[node] {
            if let Some(c) = visit(next, graph, done, path) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node);
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut done, &mut Vec::new()))
}

fn runtime_graph() -> BTreeMap<String, BTreeSet<String>> {
    graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("generator/runtime"))
}

#[test]
fn the_runtime_has_no_import_loop() {
    let graph = runtime_graph();
    for (module, uses) in &graph {
        let uses: Vec<&str> = uses.iter().map(String::as_str).collect();
        eprintln!("{module:>14} -> {}", uses.join(" "));
    }
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import loop in generator/runtime: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_runtime_arrows_point_down_its_layers() {
    let graph = runtime_graph();
    let layer_of: BTreeMap<&str, usize> = LAYERS
        .iter()
        .enumerate()
        .flat_map(|(i, (_, modules))| modules.iter().map(move |m| (*m, i)))
        .collect();
    let mut wrong = Vec::new();
    for (module, uses) in &graph {
        let Some(&layer) = layer_of.get(module.as_str()) else {
            wrong.push(format!("`{module}` is in no layer (add it to LAYERS)"));
            continue;
        };
        for target in uses {
            let to = layer_of.get(target.as_str()).copied().unwrap_or(usize::MAX);
            if to > layer {
                wrong.push(format!(
                    "`{module}` ({}) uses `{target}` ({}), a layer above",
                    LAYERS[layer].0,
                    LAYERS.get(to).map_or("no layer", |l| l.0)
                ));
            }
        }
    }
    for (_, modules) in LAYERS {
        for m in *modules {
            if !graph.contains_key(*m) {
                wrong.push(format!("LAYERS names `{m}`, which is not a runtime file"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The checker itself: a loop and an upward arrow are found.
#[test]
fn the_checker_finds_a_loop() {
    let mut graph = BTreeMap::new();
    let edges = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")];
    for (from, to) in edges {
        graph
            .entry(from.to_owned())
            .or_insert_with(BTreeSet::new)
            .insert(to.to_owned());
        graph.entry(to.to_owned()).or_insert_with(BTreeSet::new);
    }
    let cycle = find_cycle(&graph).expect("a cycle");
    assert_eq!(cycle.first(), cycle.last());
    assert_eq!(cycle.len(), 4);
    graph.get_mut("c").unwrap().clear();
    assert_eq!(find_cycle(&graph), None);
    let code = code_of("use super::{a, b::C};\n// super::z\nfn f() { crate::runtime::Q::x() }");
    assert!(code.contains("super::{a, b::C}") && !code.contains("super::z"));
    let map = reexports("pub use error::{\n    Error, Result,\n};\npub use q::Q;");
    assert_eq!(map["Result"], "error");
    assert_eq!(map["Q"], "q");
}
