//! One spec file → one [`Endpoint`]: locations, nesting, inferred and explicit types, order.

use super::tree::{build_tree, Node};
use super::{alternatives, explicit, rust_ident, BodyKind, Endpoint, Location, Param, Type};
use super::{ServerDefault, ServerParam};
use crate::diag::Diagnostic;
use crate::infer::{self, ParamCtx};
use crate::parse::{HttpMethod, PathPart, Route, SpecFile};

/// Deepest nesting accepted below a top-level parameter (`a[].b.c…`).
pub const MAX_DEPTH: usize = 7;

/// The route text as written in the front-matter.
pub fn route_text(route: &Route) -> String {
    let method = match route.method {
        HttpMethod::Get => "GET",
        HttpMethod::Post => "POST",
        HttpMethod::Put => "PUT",
        HttpMethod::Patch => "PATCH",
        HttpMethod::Delete => "DELETE",
    };
    let mut s = format!("{method} {}", if route.origin { "{origin}" } else { "" });
    for part in &route.path {
        match part {
            PathPart::Literal(t) => s.push_str(t),
            PathPart::Param(p) => s.push_str(&format!("{{{p}}}")),
        }
    }
    if !route.query.is_empty() {
        s.push_str(&format!("{{?{}}}", route.query.join(",")));
    }
    s
}

/// Build the endpoint for one spec, pushing every problem found into `diags`.
pub fn build_endpoint(spec: &SpecFile, diags: &mut Vec<Diagnostic>) -> Endpoint {
    diags.extend(explicit::check(spec));
    check_route_params(spec, diags);
    let tree = build_tree(&spec.params);
    let roots: Vec<&Node> = tree
        .iter()
        .filter(|n| !(spec.route.origin && n.wire == "origin" && n.children.is_empty()))
        .collect();
    let top_names: Vec<String> = roots.iter().map(|n| n.wire.clone()).collect();
    let mut params: Vec<Param> = roots
        .iter()
        .map(|node| {
            let mut loc = infer::infer_location(&spec.route, &node.wire);
            if let Some(l) = row_explicit(spec, node)
                .and_then(|e| e.location.as_deref())
                .and_then(explicit::location)
            {
                loc = l;
            }
            build_param(spec, node, None, loc, &top_names, diags)
        })
        .collect();
    let path_order = |p: &Param| {
        spec.route
            .path
            .iter()
            .filter_map(|part| match part {
                PathPart::Param(n) => Some(n),
                PathPart::Literal(_) => None,
            })
            .position(|n| *n == p.wire_name && p.location == Location::Path)
    };
    // Stable sort: path params in route order first, the rest keep table order.
    params.sort_by_key(|p| path_order(p).map_or((1, 0), |i| (0, i)));
    type_undocumented_flags(spec, &mut params);
    mark_deprecations(spec, &mut params);
    top_level_alternatives(spec, &mut params, diags);
    check_clashes(spec, &params, diags);
    let body = body_kind(spec, &mut params);
    let server = spec.route.origin.then(|| server_param(spec, &body));
    Endpoint {
        scope: spec.scope.clone(),
        id: spec.method_id.clone(),
        rust_name: rust_ident(&spec.method_id),
        title: spec.title.clone(),
        method: spec.route.method,
        route: route_text(&spec.route),
        origin: spec.route.origin,
        server,
        path: spec.route.path.clone(),
        query_template: spec.route.query.clone(),
        description: spec.description.clone(),
        deprecated: spec.deprecated || spec.renamed_to.is_some(),
        triggers_notifications: infer::triggers_notifications(&spec.description),
        renamed_to: spec.renamed_to.clone(),
        docs_url: spec.docs_url.clone(),
        params,
        body,
        responses: Vec::new(),
        source: spec.path.clone(),
    }
}

fn row_explicit<'a>(spec: &'a SpecFile, node: &Node) -> Option<&'a crate::parse::ExplicitParam> {
    node.row.and_then(|r| explicit::find(spec, &r.name))
}

/// Runs of undocumented one-word GET query rows are boolean switches (unless stated).
fn type_undocumented_flags(spec: &SpecFile, params: &mut [Param]) {
    let shapes: Vec<infer::RowShape> = params
        .iter()
        .map(|p| infer::RowShape {
            name: &p.wire_name,
            description: &p.description,
            required: p.required,
            get_query: spec.route.method == HttpMethod::Get && p.location == Location::Query,
        })
        .collect();
    let flags: Vec<String> = infer::undocumented_flags(&shapes)
        .into_iter()
        .map(String::from)
        .collect();
    for p in params.iter_mut() {
        let stated = explicit::find(spec, &p.spec_name).is_some_and(|e| e.ty.is_some());
        if flags.contains(&p.wire_name) && p.ty == Type::String && !stated {
            p.ty = Type::Boolean;
        }
    }
}

/// Rows closing down get `deprecated`; optional rows documented exactly like a route
/// parameter become its deprecated aliases (and are no parameters of their own).
fn mark_deprecations(spec: &SpecFile, params: &mut Vec<Param>) {
    let replaced: Vec<String> = params
        .iter()
        .flat_map(|p| infer::replaced_rows(&p.description))
        .collect();
    for p in params.iter_mut() {
        p.deprecated |= infer::deprecated(&p.description) || replaced.contains(&p.wire_name);
    }
    let route: Vec<(String, String)> = params
        .iter()
        .filter(|p| p.location == Location::Path)
        .map(|p| (p.wire_name.clone(), p.description.clone()))
        .collect();
    let route: Vec<(&str, &str)> = route
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_str()))
        .collect();
    let mut aliases: Vec<(String, String)> = Vec::new();
    params.retain(|p| {
        let stated = explicit::find(spec, &p.spec_name).is_some();
        let alias = (p.location != Location::Path && !stated)
            .then(|| infer::alias_of(&p.wire_name, &p.description, p.required, &route))
            .flatten();
        match alias {
            Some(target) if matches!(p.ty, Type::String | Type::Integer) => {
                aliases.push((target.to_string(), p.wire_name.clone()));
                false
            }
            _ => true,
        }
    });
    for (target, alias) in aliases {
        if let Some(p) = params.iter_mut().find(|p| p.wire_name == target) {
            p.aliases.push(alias);
        }
    }
}

/// Top-level alternatives: an explicit `one_of` entry without a name, else required rows
/// the text names in one "either … or …" sentence, else required rows whose text restricts
/// them to kinds of the created resource ("for single select fields").
fn top_level_alternatives(spec: &SpecFile, params: &mut Vec<Param>, diags: &mut Vec<Diagnostic>) {
    let explicit = spec
        .explicit
        .iter()
        .find(|e| e.name.is_empty() && e.one_of.is_some());
    let (groups, line, name) = match explicit {
        Some(e) => {
            let mut groups = Vec::new();
            for g in e.one_of.iter().flatten() {
                match g {
                    crate::parse::AlternativeGroup::Rows(rows) => groups.push(infer::RowGroup {
                        name: rows[0].clone(),
                        rows: rows.clone(),
                    }),
                    crate::parse::AlternativeGroup::Type(t) => diags.push(
                        Diagnostic::new(
                            &spec.path,
                            e.line,
                            format!("top-level `one_of` alternative `{t}` is a type, not rows"),
                        )
                        .with_hint("top-level alternatives are groups of rows, e.g. `- [repository_id, ref]`"),
                    ),
                }
            }
            (groups, e.line, None)
        }
        None => {
            let rows: Vec<infer::BodyRow> = params
                .iter()
                .filter(|p| p.location == Location::Body)
                .map(|p| infer::BodyRow {
                    name: &p.wire_name,
                    description: &p.description,
                    required: p.required,
                })
                .collect();
            if rows.iter().filter(|r| r.required).count() < 2 {
                return;
            }
            let mut texts = vec![spec.description.as_str()];
            texts.extend(params.iter().map(|p| p.description.as_str()));
            let resource = infer::resource_noun(&spec.title);
            let Some(groups) = infer::either_required(&texts, &rows)
                .or_else(|| infer::kind_alternatives(&resource, &rows))
            else {
                return;
            };
            let line = params.first().map_or(spec.route_line, |p| p.line);
            // Many alternatives are named after the resource they make (`field`).
            let free = !resource.is_empty() && params.iter().all(|p| p.wire_name != resource);
            let name = (groups.len() > 2 && free).then_some(resource);
            (groups, line, name)
        }
    };
    alternatives::top_level(spec, params, &groups, name, line, diags);
}

/// The `{origin}` server parameter: its row's text, and the uploads host as default for an
/// upload (a raw body); other origins (a management console) must be given.
fn server_param(spec: &SpecFile, body: &BodyKind) -> ServerParam {
    let description = spec
        .params
        .iter()
        .find(|r| r.name == "origin")
        .map(|r| r.description.clone())
        .unwrap_or_default();
    let upload = matches!(body, BodyKind::Raw { .. }) || description.contains("upload_url");
    ServerParam {
        description,
        default: upload.then_some(ServerDefault::Uploads),
    }
}

/// Raw body when the body is one raw `data` parameter (then it becomes `Bytes`); else JSON when
/// any parameter goes in the body.
fn body_kind(spec: &SpecFile, params: &mut Vec<Param>) -> BodyKind {
    let body_params = params
        .iter()
        .filter(|p| p.location == Location::Body)
        .count();
    for p in params.iter_mut() {
        let stated = explicit::find(spec, &p.spec_name)
            .and_then(|e| e.ty.as_ref())
            .is_some();
        let nested = !matches!(p.ty, Type::String | Type::Any);
        if p.location == Location::Body
            && !stated
            && infer::is_raw_body(&p.wire_name, body_params, nested)
        {
            p.ty = Type::Bytes;
            let param = p.wire_name.clone();
            let content_type = infer::raw_content_type(&spec.description);
            if content_type.is_none() {
                params.push(content_type_param(spec));
            }
            return BodyKind::Raw {
                param,
                content_type,
            };
        }
    }
    if params.iter().any(|p| p.location == Location::Body) {
        BodyKind::Json
    } else {
        BodyKind::None
    }
}

/// The `Content-Type` header of a raw body whose media type the docs leave to the caller
/// (an uploaded asset's own type): a required argument.
fn content_type_param(spec: &SpecFile) -> Param {
    Param {
        spec_name: "Content-Type".into(),
        wire_name: "Content-Type".into(),
        rust_name: "content_type".into(),
        location: Location::Header,
        ty: Type::String,
        required: true,
        nullable: false,
        allows_slash: false,
        deprecated: false,
        aliases: Vec::new(),
        description: "The media type of the raw body, e.g. `application/zip`.".into(),
        line: spec.route_line,
    }
}

/// Build one parameter (and, recursively, its nested fields).
fn build_param(
    spec: &SpecFile,
    node: &Node,
    parent: Option<&str>,
    location: Location,
    siblings: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Param {
    let row = node.row;
    let line = node.line().unwrap_or(spec.route_line);
    let description = row.map(|r| r.description.clone()).unwrap_or_default();
    if parent.is_none() && node.depth() + 1 > MAX_DEPTH {
        diags.push(
            Diagnostic::new(
                &spec.path,
                line,
                format!(
                    "`{}` is nested more than {MAX_DEPTH} levels deep",
                    node.spec_name
                ),
            )
            .with_hint("flatten the parameter or describe it with an explicit `type: object`"),
        );
    }
    // An undocumented row may be introduced by the endpoint's text ("The `payload` parameter
    // is …"): the rules read that instead.
    let borrowed = if parent.is_none() && description.trim().is_empty() {
        infer::described_in(&spec.description, &node.wire)
    } else {
        String::new()
    };
    let resource = infer::resource_noun(&spec.title);
    let ctx = ParamCtx {
        name: &node.wire,
        parent,
        description: if borrowed.is_empty() {
            &description
        } else {
            &borrowed
        },
        method: spec.route.method,
        location,
        siblings,
        resource: &resource,
    };
    let mut ty = structural_type(spec, node, location, siblings, diags)
        .unwrap_or_else(|| infer::infer_type(&ctx));
    let mut required = row.is_some_and(|r| r.required);
    let mut nullable = infer::nullable(&description);
    let mut description = description;
    if let Some(e) = row_explicit(spec, node) {
        ty = explicit::override_type(e, ty);
        if let Some(name) = &e.enum_name {
            match explicit::name_enum(ty.clone(), name) {
                Some(named) => ty = named,
                None => diags.push(
                    Diagnostic::new(
                        &spec.path,
                        e.line,
                        format!(
                            "`enum_name: {name}` given for `{}`, which is not an enum",
                            node.spec_name
                        ),
                    )
                    .with_hint("list its values with `enum:` or remove `enum_name`"),
                ),
            }
        }
        required = e.required.unwrap_or(required);
        let null_member = e.ty.as_deref().is_some_and(explicit::union_has_null);
        nullable = e.nullable.unwrap_or(nullable || null_member);
        if let Some(groups) = &e.one_of {
            ty = alternatives::nested(&node.spec_name, ty, groups);
        }
        if let Some(d) = &e.description {
            description = d.clone();
        }
    }
    // Route parameters are always required (see `check_route_params`).
    required |= location == Location::Path;
    let allows_slash = location == Location::Path
        && matches!(ty, Type::String)
        && infer::allows_slash(&node.wire, &description);
    Param {
        spec_name: node.spec_name.clone(),
        wire_name: node.wire.clone(),
        rust_name: rust_ident(&node.wire),
        location,
        ty,
        required,
        nullable,
        allows_slash,
        deprecated: false,
        aliases: Vec::new(),
        description,
        line,
    }
}

/// The type given by nested rows: `a.*` → map, `a[].b` → array of objects, `a.b` → object.
fn structural_type(
    spec: &SpecFile,
    node: &Node,
    location: Location,
    siblings: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Option<Type> {
    if node.children.is_empty() {
        return None;
    }
    if let Some(values) = node.map_values() {
        let inner = build_param(spec, values, Some(&node.wire), location, &[], diags);
        let described = values.row.is_some_and(|r| !r.description.trim().is_empty())
            || !values.children.is_empty();
        let parent_description = node.row.map_or("", |r| r.description.as_str());
        let inner_ty = infer::map_value_type(parent_description, described, inner.ty);
        return Some(Type::Map {
            values: Box::new(inner_ty),
        });
    }
    let names: Vec<String> = node.children.iter().map(|c| c.wire.clone()).collect();
    let mut fields: Vec<Param> = node
        .children
        .iter()
        .map(|c| build_param(spec, c, Some(&node.wire), location, &names, diags))
        .collect();
    // Fields that depend on a sibling type row are each sent only for some types.
    if infer::fields_depend_on_type(node.row.map_or("", |r| &r.description), siblings) {
        for f in &mut fields {
            let stated = explicit::find(spec, &f.spec_name).is_some_and(|e| e.required.is_some());
            f.required &= stated;
        }
    }
    check_clashes(spec, &fields, diags);
    let object = Type::Object { fields };
    Some(if node.items {
        Type::Array {
            items: Box::new(object),
        }
    } else {
        object
    })
}

/// A route `{param}` whose table row is marked optional contradicts the route.
/// An explicit `required: false` is always an error. A table row marked `no` is tolerated on
/// methods with a JSON body: Octokit's docs print one row when a body field shares its name
/// with the path parameter (`PATCH …/variables/{name}` renames via body `name`); the path
/// parameter stays required.
fn check_route_params(spec: &SpecFile, diags: &mut Vec<Diagnostic>) {
    let body_method = !matches!(spec.route.method, HttpMethod::Get | HttpMethod::Delete);
    for part in &spec.route.path {
        let PathPart::Param(name) = part else {
            continue;
        };
        if let Some(row) = spec.params.iter().find(|r| &r.name == name) {
            let explicit = explicit::find(spec, name).filter(|e| e.required.is_some());
            // Point at what made it optional: the explicit entry, else the table row.
            let (optional, line, fix) = match explicit {
                Some(e) => (
                    e.required == Some(false),
                    e.line,
                    "remove `required: false`",
                ),
                None => (
                    !row.required && !body_method,
                    row.line,
                    "mark the row `yes`",
                ),
            };
            if optional {
                diags.push(
                    Diagnostic::new(
                        &spec.path,
                        line,
                        format!("route parameter `{name}` is marked optional"),
                    )
                    .with_hint(format!(
                        "parameters in the route path are always required; {fix}"
                    )),
                );
            }
        } else {
            diags.push(missing_row(spec, name, "path"));
        }
    }
    for name in &spec.route.query {
        if !spec.params.iter().any(|r| &r.name == name) {
            diags.push(missing_row(spec, name, "query"));
        }
    }
}

/// A `{name}` / `{?name}` in the route with no table row: nothing says what it is.
fn missing_row(spec: &SpecFile, name: &str, kind: &str) -> Diagnostic {
    Diagnostic::new(
        &spec.path,
        spec.route_line,
        format!("route {kind} parameter `{name}` has no row in the parameters table"),
    )
    .with_hint(format!("add a `{name}` row to the `## Parameters` table"))
}

/// Two parameters at one level whose Rust names collide (`foo-bar` and `foo_bar`).
fn check_clashes(spec: &SpecFile, params: &[Param], diags: &mut Vec<Diagnostic>) {
    for (i, p) in params.iter().enumerate() {
        if let Some(first) = params[..i].iter().find(|q| q.rust_name == p.rust_name) {
            diags.push(
                Diagnostic::new(
                    &spec.path,
                    p.line,
                    format!(
                        "parameters `{}` and `{}` both map to the Rust name `{}`",
                        first.spec_name, p.spec_name, p.rust_name
                    ),
                )
                .with_hint(format!(
                    "rename one of them (first defined on line {})",
                    first.line
                )),
            );
        }
    }
}
