//! Endpoint-by-endpoint comparison of our specs with upstream's: identity (scope/id, route,
//! rename and deprecation notices), then the parameters table.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::{Difference, Kind};
use crate::parse::{PathPart, Route, SpecFile};

/// `METHOD [{origin}]/path/{param}` without the query template: what identifies an endpoint
/// on the wire (query names are compared as parameters).
pub(crate) fn route_key(route: &Route) -> String {
    let mut out = format!("{:?} ", route.method).to_uppercase();
    if route.origin {
        out.push_str("{origin}");
    }
    for part in &route.path {
        match part {
            PathPart::Literal(text) => out.push_str(text),
            PathPart::Param(name) => out.push_str(&format!("{{{name}}}")),
        }
    }
    out
}

fn required_word(required: bool) -> &'static str {
    if required {
        "required"
    } else {
        "optional"
    }
}

/// Our requiredness of a row: an explicit `required:` in the front-matter wins over the table.
fn our_required(spec: &SpecFile, name: &str, table: bool) -> bool {
    spec.explicit
        .iter()
        .find(|e| e.name == name)
        .and_then(|e| e.required)
        .unwrap_or(table)
}

/// Every difference between `ours` and `upstream`, in our (scope, id) order. Upstream
/// endpoints we do not have are [`missing`]'s business.
pub fn compare(ours: &[SpecFile], upstream: &[SpecFile]) -> Vec<Difference> {
    let by_id: HashMap<(&str, &str), &SpecFile> = upstream
        .iter()
        .map(|s| ((s.scope.as_str(), s.method_id.as_str()), s))
        .collect();
    let mut by_route: HashMap<String, Vec<&SpecFile>> = HashMap::new();
    for s in upstream {
        by_route.entry(route_key(&s.route)).or_default().push(s);
    }
    let mut out = Vec::new();
    for spec in ours {
        let diff = |kind: Kind, message: String| Difference {
            scope: spec.scope.clone(),
            id: spec.method_id.clone(),
            kind,
            parameter: None,
            ours: None,
            upstream: None,
            file: spec.path.clone(),
            line: spec.route_line,
            upstream_file: None,
            upstream_line: 0,
            message,
        };
        let our_route = route_key(&spec.route);
        let Some(theirs) = by_id.get(&(spec.scope.as_str(), spec.method_id.as_str())) else {
            // Gone under this id: the same route elsewhere is a new id, else a removal.
            let mut moved: Vec<&&SpecFile> =
                by_route.get(&our_route).into_iter().flatten().collect();
            moved.sort_by_key(|s| (s.renamed_to.is_some(), s.deprecated, &s.scope, &s.method_id));
            out.push(match moved.first() {
                Some(t) => Difference {
                    ours: Some(format!("{}.{}", spec.scope, spec.method_id)),
                    upstream: Some(format!("{}.{}", t.scope, t.method_id)),
                    upstream_file: Some(t.path.clone()),
                    upstream_line: t.route_line,
                    ..diff(
                        Kind::IdChanged,
                        format!(
                            "`{our_route}` is `{}.{}` upstream, not `{}.{}`",
                            t.scope, t.method_id, spec.scope, spec.method_id
                        ),
                    )
                },
                None => Difference {
                    ours: Some(our_route.clone()),
                    ..diff(
                        Kind::Removed,
                        format!(
                            "upstream has no `{}.{}` and no `{our_route}`",
                            spec.scope, spec.method_id
                        ),
                    )
                },
            });
            continue;
        };
        let at_upstream = |d: Difference, line: usize| Difference {
            upstream_file: Some(theirs.path.clone()),
            upstream_line: line,
            ..d
        };
        if let Some((scope, id)) = &theirs.renamed_to {
            if spec.renamed_to.as_ref() != Some(&(scope.clone(), id.clone())) {
                out.push(at_upstream(
                    Difference {
                        upstream: Some(format!("{scope}.{id}")),
                        ours: spec.renamed_to.as_ref().map(|(s, i)| format!("{s}.{i}")),
                        ..diff(
                            Kind::Renamed,
                            format!(
                                "upstream renamed `{}.{}` to `{scope}.{id}`",
                                spec.scope, spec.method_id
                            ),
                        )
                    },
                    theirs.renamed_line,
                ));
            }
        } else if theirs.deprecated && !spec.deprecated {
            out.push(at_upstream(
                diff(
                    Kind::Deprecated,
                    format!("upstream deprecates `{}.{}`", spec.scope, spec.method_id),
                ),
                theirs.route_line,
            ));
        }
        let their_route = route_key(&theirs.route);
        if their_route != our_route {
            out.push(at_upstream(
                Difference {
                    ours: Some(our_route.clone()),
                    upstream: Some(their_route.clone()),
                    ..diff(
                        Kind::RouteChanged,
                        format!("the route is `{their_route}` upstream, `{our_route}` here"),
                    )
                },
                theirs.route_line,
            ));
        }
        compare_params(spec, theirs, &diff, &mut out);
    }
    out
}

/// Upstream endpoints whose scope/id no spec of ours has, in upstream's order; `file` is where
/// the spec would be (`<specs>/<scope>/<id>.md`, line 0).
pub fn missing(ours: &[SpecFile], upstream: &[SpecFile], specs: &Path) -> Vec<Difference> {
    let have: HashSet<(&str, &str)> = ours
        .iter()
        .map(|s| (s.scope.as_str(), s.method_id.as_str()))
        .collect();
    upstream
        .iter()
        .filter(|t| !have.contains(&(t.scope.as_str(), t.method_id.as_str())))
        .map(|t| Difference {
            scope: t.scope.clone(),
            id: t.method_id.clone(),
            kind: Kind::Missing,
            parameter: None,
            ours: None,
            upstream: Some(route_key(&t.route)),
            file: specs.join(&t.scope).join(format!("{}.md", t.method_id)),
            line: 0,
            upstream_file: Some(t.path.clone()),
            upstream_line: t.route_line,
            message: format!(
                "upstream has `{}.{}` (`{}`), which is not here",
                t.scope,
                t.method_id,
                route_key(&t.route)
            ),
        })
        .collect()
}

/// Parameters added, removed, or with another requiredness, by table name.
fn compare_params(
    spec: &SpecFile,
    theirs: &SpecFile,
    diff: &dyn Fn(Kind, String) -> Difference,
    out: &mut Vec<Difference>,
) {
    let fallback_line = spec.params.last().map_or(spec.route_line, |p| p.line);
    for row in &spec.params {
        let ours = our_required(spec, &row.name, row.required);
        let d = |kind, message, upstream: Option<String>, line| Difference {
            parameter: Some(row.name.clone()),
            ours: Some(required_word(ours).to_string()),
            upstream,
            line: row.line,
            upstream_file: Some(theirs.path.clone()),
            upstream_line: line,
            ..diff(kind, message)
        };
        match theirs.params.iter().find(|p| p.name == row.name) {
            None => out.push(d(
                Kind::ParameterRemoved,
                format!("parameter `{}` is not upstream", row.name),
                None,
                theirs.route_line,
            )),
            Some(t) if t.required != ours => out.push(d(
                Kind::RequiredChanged,
                format!(
                    "parameter `{}` is {} upstream, {} here",
                    row.name,
                    required_word(t.required),
                    required_word(ours)
                ),
                Some(required_word(t.required).to_string()),
                t.line,
            )),
            Some(_) => {}
        }
    }
    for t in &theirs.params {
        if !spec.params.iter().any(|p| p.name == t.name) {
            out.push(Difference {
                parameter: Some(t.name.clone()),
                upstream: Some(required_word(t.required).to_string()),
                line: fallback_line,
                upstream_file: Some(theirs.path.clone()),
                upstream_line: t.line,
                ..diff(
                    Kind::ParameterAdded,
                    format!(
                        "upstream has a parameter `{}` ({}) that is not here",
                        t.name,
                        required_word(t.required)
                    ),
                )
            });
        }
    }
}
