//! Checks of the enum names specs give (`enum_name:`): one name is one value set across all
//! specs, and a name that is a model's must be an enum model with the same values.

use std::collections::{BTreeMap, BTreeSet};

use super::Endpoint;
use crate::diag::Diagnostic;
use crate::schema::{Model, ModelKind};

/// Every conflict between the enum names of `endpoints` and with `models`.
pub fn check(endpoints: &[Endpoint], models: &[Model], diags: &mut Vec<Diagnostic>) {
    let mut first: BTreeMap<&str, (BTreeSet<&str>, &Endpoint, usize)> = BTreeMap::new();
    for e in endpoints {
        for p in &e.params {
            let mut named: Vec<(&str, BTreeSet<&str>)> = Vec::new();
            p.ty.each_enum(&mut |values, name| {
                if let Some(name) = name {
                    named.push((name, values.iter().map(String::as_str).collect()));
                }
            });
            for (name, values) in named {
                match first.get(name) {
                    Some((seen, by, _)) if *seen != values => diags.push(
                        Diagnostic::new(
                            &e.source,
                            p.line,
                            format!(
                                "`enum_name: {name}` of `{}` has other values than in {}.{}",
                                p.spec_name, by.scope, by.id
                            ),
                        )
                        .with_hint("one name is one set of values: pick another name"),
                    ),
                    Some(_) => {}
                    None => {
                        first.insert(name, (values, e, p.line));
                    }
                }
            }
        }
    }
    for (name, (values, e, line)) in &first {
        let Some(model) = models.iter().find(|m| m.name == *name) else {
            continue;
        };
        let same = match &model.kind {
            ModelKind::Enum {
                values: model_values,
            } => {
                model_values
                    .iter()
                    .map(String::as_str)
                    .collect::<BTreeSet<_>>()
                    == *values
            }
            _ => false,
        };
        if !same {
            diags.push(
                Diagnostic::new(
                    &e.source,
                    *line,
                    format!("`enum_name: {name}` is a model that is not an enum of the same values"),
                )
                .with_hint("name the model only when its values are the parameter's; else pick another name"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::model::{build_api, Type};

    /// A spec `things/<id>` with a query `state` described by `values` and `parameters:` text.
    fn spec(id: &str, values: &str, parameters: &str) -> crate::parse::SpecFile {
        let text = format!(
            "---\nname: List things\nroute: GET /things\nscope: things\n{parameters}---\n\n# List things\n\nLists things.\n\n## Parameters\n\n<table>\n  <thead>\n    <tr>\n      <th>name</th>\n      <th>required</th>\n      <th>description</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr><td>state</td><td>no</td><td>\n\nWhich things. Values: {values}.\n\n</td></tr>\n  </tbody>\n</table>\n"
        );
        crate::parse::parse_spec(Path::new(&format!("specs/things/{id}.md")), &text)
            .unwrap_or_else(|d| panic!("{d}"))
    }

    /// `parameters:` naming the `state` enum `ThingState`, with the values `values`.
    fn named(values: &str) -> String {
        format!("parameters:\n  - name: state\n    enum: [{values}]\n    enum_name: ThingState\n")
    }

    #[test]
    fn a_spec_names_its_enum() {
        let api = build_api(&[spec("list", "`open`, `closed`", &named("open, closed"))]).unwrap();
        assert_eq!(
            api.endpoints[0].params[0].ty,
            Type::Enum {
                values: vec!["open".into(), "closed".into()],
                name: Some("ThingState".into()),
            }
        );
    }

    #[test]
    fn one_name_is_one_value_set_and_names_are_type_names() {
        let err = build_api(&[
            spec("list", "`open`, `closed`", &named("open, closed")),
            spec("other", "`open`", &named("open")),
        ])
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("specs/things/other.md")
                && err.contains(
                    "`enum_name: ThingState` of `state` has other values than in things.list"
                ),
            "{err}"
        );
        let bad = "parameters:\n  - name: state\n    enum_name: thing_state\n";
        let err = build_api(&[spec("list", "`open`", bad)])
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("`enum_name: thing_state` of `state` is not a Rust type name"),
            "{err}"
        );
        let not_enum =
            "parameters:\n  - name: state\n    type: integer\n    enum_name: ThingState\n";
        let err = build_api(&[spec("list", "`open`", not_enum)])
            .unwrap_err()
            .to_string();
        assert!(err.contains("which is not an enum"), "{err}");
    }
}
