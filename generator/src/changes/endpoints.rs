//! Endpoint changes: methods added, removed, renamed (with or without a forward), deprecated,
//! moved, their bodies, return types and statuses, their parameters and their docs.

use std::collections::{BTreeMap, HashMap};

use super::{params, Change, Kind, Side};
use crate::codegen::return_type;
use crate::codegen::ParamEnums;
use crate::model::{Api, BodyKind, Endpoint};

fn key(e: &Endpoint) -> (&str, &str) {
    (&e.scope, &e.id)
}

fn name(e: &Endpoint) -> String {
    format!("{}.{}", e.scope, e.id)
}

/// `GET /repos/{owner}/{repo}` (the `{?query}` part left out: those are parameters).
fn route(e: &Endpoint) -> String {
    let path = e
        .route
        .split_once("{?")
        .map_or(e.route.as_str(), |(p, _)| p);
    format!("{} {path}", e.method.as_str())
}

fn body(b: &BodyKind) -> String {
    match b {
        BodyKind::None => "none".into(),
        BodyKind::Json => "json".into(),
        BodyKind::Raw {
            content_type: Some(t),
            ..
        } => format!("raw ({t})"),
        BodyKind::Raw { .. } => "raw (content_type argument)".into(),
    }
}

fn statuses(e: &Endpoint) -> String {
    e.responses
        .iter()
        .map(|r| match crate::schema::response_type_path(r) {
            Some(t) => format!("{}: {t}", r.status),
            None => format!("{}: ~", r.status),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every endpoint change from `base` to `new`.
pub(super) fn compare(base: &Api, new: &Api) -> Vec<Change> {
    let old: BTreeMap<(&str, &str), &Endpoint> =
        base.endpoints.iter().map(|e| (key(e), e)).collect();
    let now: BTreeMap<(&str, &str), &Endpoint> =
        new.endpoints.iter().map(|e| (key(e), e)).collect();
    let mut out = Vec::new();
    // Methods gone whose route reappears under a new method: renamed without a forward.
    let added_by_route: HashMap<String, &Endpoint> = now
        .iter()
        .filter(|(k, _)| !old.contains_key(*k))
        .map(|(_, e)| (route(e), *e))
        .collect();
    let mut renamed_to = Vec::new();
    for (k, e) in &old {
        if now.contains_key(k) {
            continue;
        }
        if let Some(target) = added_by_route.get(&route(e)) {
            renamed_to.push(key(target));
            out.push(
                Change::new(
                    Kind::MethodRenamed,
                    &e.scope,
                    name(e),
                    format!(
                        "`{}` was renamed to `{}` without a deprecated forward",
                        name(e),
                        name(target)
                    ),
                )
                .values(Some(name(e)), Some(name(target)))
                .at(Side::New, &target.source, 0),
            );
        } else {
            out.push(
                Change::new(
                    Kind::EndpointRemoved,
                    &e.scope,
                    name(e),
                    format!("endpoint `{}` ({}) was removed", name(e), route(e)),
                )
                .values(Some(route(e)), None)
                .at(Side::Base, &e.source, 0),
            );
        }
    }
    for (k, e) in &now {
        if old.contains_key(k) || renamed_to.contains(k) {
            continue;
        }
        out.push(
            Change::new(
                Kind::EndpointAdded,
                &e.scope,
                name(e),
                format!("new endpoint `{}` ({})", name(e), route(e)),
            )
            .values(None, Some(route(e)))
            .at(Side::New, &e.source, 0),
        );
    }
    let shared = (ParamEnums::new(base), ParamEnums::new(new));
    for (k, b) in &old {
        if let Some(a) = now.get(k) {
            compare_one(base, new, &shared, b, a, &mut out);
        }
    }
    out
}

/// Changes of one endpoint present in both trees.
fn compare_one(
    base: &Api,
    new: &Api,
    shared: &(ParamEnums, ParamEnums),
    b: &Endpoint,
    a: &Endpoint,
    out: &mut Vec<Change>,
) {
    let subject = name(a);
    let mut push = |kind: Kind, message: String, before: Option<String>, after: Option<String>| {
        out.push(
            Change::new(kind, &a.scope, &subject, message)
                .values(before, after)
                .at(Side::New, &a.source, 0),
        );
    };
    let target = |e: &Endpoint| e.renamed_to.as_ref().map(|(s, i)| format!("{s}.{i}"));
    if a.renamed_to != b.renamed_to {
        match target(a) {
            Some(to) => {
                if b.renamed_to.is_none() {
                    let module = format!(
                        "{}::{}",
                        crate::codegen::scope_module(&a.scope),
                        a.rust_name
                    );
                    push(
                        Kind::RequestBuilderRemoved,
                        format!("`{subject}` became a forward: its request builder module `{module}` is gone (the forward returns `{to}`'s builder)"),
                        Some(module),
                        None,
                    );
                }
                push(
                    Kind::MethodRenamedWithForward,
                    format!("`{subject}` was renamed to `{to}` and kept as a deprecated forward"),
                    target(b),
                    Some(to),
                )
            }
            // A forward that became a method of its own again: its docs and deprecation change.
            None => push(
                Kind::Undeprecated,
                format!("`{subject}` is no longer a forward"),
                target(b),
                None,
            ),
        }
    } else if a.deprecated != b.deprecated {
        if a.deprecated {
            push(
                Kind::EndpointDeprecated,
                format!("endpoint `{subject}` is deprecated"),
                None,
                None,
            );
        } else {
            push(
                Kind::Undeprecated,
                format!("endpoint `{subject}` is no longer deprecated"),
                None,
                None,
            );
        }
    }
    if route(a) != route(b) {
        push(
            Kind::RouteChanged,
            format!("`{subject}` moved from `{}` to `{}`", route(b), route(a)),
            Some(route(b)),
            Some(route(a)),
        );
    }
    if a.body != b.body {
        push(
            Kind::RequestBodyChanged,
            format!(
                "`{subject}` request body changed from {} to {}",
                body(&b.body),
                body(&a.body)
            ),
            Some(body(&b.body)),
            Some(body(&a.body)),
        );
    }
    let (rb, ra) = (return_type(base, b), return_type(new, a));
    if rb != ra {
        push(
            Kind::ReturnTypeChanged,
            format!("`{subject}` now returns `{ra}` instead of `{rb}`"),
            Some(rb),
            Some(ra),
        );
    } else if statuses(a) != statuses(b) {
        push(
            Kind::ResponseStatusesChanged,
            format!("`{subject}` declares other statuses (same return type)"),
            Some(statuses(b)),
            Some(statuses(a)),
        );
    }
    if a.triggers_notifications != b.triggers_notifications {
        let say = |t: bool| {
            if t {
                "triggers notifications"
            } else {
                "triggers no notifications"
            }
        };
        push(
            Kind::NotificationsChanged,
            format!("`{subject}` now {}", say(a.triggers_notifications)),
            Some(say(b.triggers_notifications).into()),
            Some(say(a.triggers_notifications).into()),
        );
    }
    let mut docs = Vec::new();
    if a.title != b.title {
        docs.push("title".to_owned());
    }
    if a.description != b.description {
        docs.push("description".to_owned());
    }
    if a.docs_url != b.docs_url {
        docs.push("docs link".to_owned());
    }
    params::compare((b, &shared.0), (a, &shared.1), out, &mut docs);
    if !docs.is_empty() {
        out.push(
            Change::new(
                Kind::DocumentationChanged,
                &a.scope,
                &subject,
                format!("`{subject}`: documentation of {} changed", docs.join(", ")),
            )
            .at(Side::New, &a.source, 0),
        );
    }
}
