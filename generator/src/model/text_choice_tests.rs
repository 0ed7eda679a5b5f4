//! `build_api` on spec texts whose wording makes alternatives, unions or relaxed fields:
//! kinds of the created resource, rows named in words, type-dependent objects, rows the
//! endpoint's text introduces, the version of the created resource.

use super::*;

/// A spec file from a title, an endpoint text and `(name, required, description)` rows.
fn spec_text(route: &str, title: &str, text: &str, rows: &[(&str, bool, &str)]) -> Api {
    spec_with(route, title, text, rows, "")
}

/// [`spec_text`] with more front-matter lines (an explicit `parameters:` list).
fn spec_with(
    route: &str,
    title: &str,
    text: &str,
    rows: &[(&str, bool, &str)],
    front: &str,
) -> Api {
    let mut table = String::new();
    for (name, required, description) in rows {
        let yes = if *required { "yes" } else { "no" };
        table.push_str(&format!(
            "<tr><td>{name}</td><td>{yes}</td><td>\n\n{description}\n\n</td></tr>\n"
        ));
    }
    let md = format!(
        "---\nname: {title}\nroute: {route}\nscope: things\ntype: API method\n{front}---\n\n# {title}\n\n{text}\n\n## Parameters\n\n<table>\n<thead><tr><th>name</th><th>required</th><th>description</th></tr></thead>\n<tbody>\n{table}</tbody>\n</table>\n"
    );
    let spec = crate::parse::parse_spec(std::path::Path::new("specs/things/make.md"), &md)
        .unwrap_or_else(|d| panic!("{d}"));
    build_api(&[spec]).unwrap_or_else(|d| panic!("{d}"))
}

fn param<'a>(api: &'a Api, name: &str) -> &'a Param {
    api.endpoints[0]
        .params
        .iter()
        .find(|p| p.wire_name == name)
        .unwrap_or_else(|| panic!("no parameter `{name}`"))
}

/// `(alternative name, its field names)` of a parameter's alternatives.
fn alternatives(p: &Param) -> Vec<(String, Vec<String>)> {
    let Type::OneOf { alternatives, .. } = &p.ty else {
        panic!("`{}` has no alternatives: {:?}", p.wire_name, p.ty)
    };
    alternatives
        .iter()
        .map(|a| {
            let fields = match &a.ty {
                Type::Object { fields } => fields.iter().map(|f| f.wire_name.clone()).collect(),
                _ => Vec::new(),
            };
            (a.name.clone(), fields)
        })
        .collect()
}

#[test]
fn rows_for_kinds_of_the_created_resource_are_alternatives() {
    let api = spec_text(
        "POST /boards/{board}/columns",
        "Add a column to a board",
        "Adds a column.",
        &[
            ("board", true, "The board."),
            (
                "template_id",
                true,
                "The ID of the Template to create the column from.",
            ),
            ("name", true, "The name of the column."),
            ("kind", true, "The column's kind."),
            ("choices", true, "The choices for single choice columns."),
            ("choices[].label", false, "Label of the choice."),
            ("schedule", true, "The schedule for date columns."),
            ("note", false, "A note."),
        ],
    );
    let names: Vec<&str> = api.endpoints[0]
        .params
        .iter()
        .map(|p| p.wire_name.as_str())
        .collect();
    assert_eq!(names, ["board", "column", "note"]);
    let column = param(&api, "column");
    assert!(column.required);
    assert!(matches!(column.ty, Type::OneOf { merged: true, .. }));
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        alternatives(column),
        [
            ("template_id".to_string(), s(&["template_id"])),
            ("name_and_kind".to_string(), s(&["name", "kind"])),
            ("single_choice".to_string(), s(&["name", "kind", "choices"])),
            ("date".to_string(), s(&["name", "kind", "schedule"])),
        ]
    );
    assert!(column.description.contains("`name`, `kind` and `choices`"));
    // Two alternatives keep the joined name.
    let api = spec_text(
        "POST /boards",
        "Add a column",
        "",
        &[
            ("options", true, "The options for list columns."),
            ("dates", true, "The range for date columns."),
        ],
    );
    assert_eq!(api.endpoints[0].params[0].wire_name, "list_or_date");
}

#[test]
fn an_either_sentence_may_name_rows_in_words() {
    let api = spec_text(
        "POST /things/delete",
        "Delete things in bulk",
        "Deletes things by either subject digests or unique ID.",
        &[
            ("subject_digests", true, "List of subject digests."),
            ("thing_ids", true, "List of unique IDs of things."),
        ],
    );
    let p = param(&api, "subject_digests_or_thing_ids");
    let names: Vec<String> = alternatives(p).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["subject_digests", "thing_ids"]);
}

#[test]
fn fields_that_depend_on_a_sibling_type_are_optional() {
    let api = spec_text(
        "PUT /rulesets/{id}",
        "Update a ruleset",
        "",
        &[
            ("id", true, "The ruleset."),
            ("rules", false, "The rules."),
            ("rules[].type", true, ""),
            ("rules[].parameters", false, ""),
            ("rules[].parameters.count", true, "The number of approvals."),
            ("rules[].parameters.checks", true, "Checks that must pass."),
            (
                "rules[].parameters.checks[].context",
                true,
                "The check's name.",
            ),
            ("rules[].settings", false, "The rule's settings."),
            ("rules[].settings.level", true, "The level."),
        ],
    );
    let Type::Array { items } = &param(&api, "rules").ty else {
        panic!("rules is an array")
    };
    let Type::Object { fields } = &**items else {
        panic!("of objects")
    };
    let field = |n: &str| fields.iter().find(|f| f.wire_name == n).unwrap();
    assert!(field("type").required);
    let Type::Object { fields: parameters } = &field("parameters").ty else {
        panic!("parameters is an object")
    };
    assert!(parameters.iter().all(|f| !f.required));
    // Deeper levels keep their own requiredness; a documented object keeps its fields'.
    let Type::Array { items: check } = &parameters[1].ty else {
        panic!("checks is an array")
    };
    assert!(matches!(&**check, Type::Object { fields } if fields[0].required));
    let Type::Object { fields: settings } = &field("settings").ty else {
        panic!("settings is an object")
    };
    assert!(settings[0].required);
}

/// What the text cannot say, the spec states: the parameters of each kind of rule as
/// alternatives (an enum of which one is sent), on the nested `rules[].parameters`.
#[test]
fn explicit_alternatives_on_a_nested_array_field() {
    let api = spec_with(
        "PUT /rulesets/{id}",
        "Update a ruleset",
        "",
        &[
            ("id", true, "The ruleset."),
            ("rules", false, "The rules."),
            ("rules[].type", true, ""),
            ("rules[].parameters", false, ""),
            ("rules[].parameters.count", true, "The number of approvals."),
            (
                "rules[].parameters.strict",
                false,
                "Whether checks must be current.",
            ),
            ("rules[].parameters.checks", true, "Checks that must pass."),
            (
                "rules[].parameters.checks[].context",
                true,
                "The check's name.",
            ),
        ],
        "parameters:\n  - name: rules[].parameters\n    one_of: [[count], [checks, strict]]\n",
    );
    let Type::Array { items } = &param(&api, "rules").ty else {
        panic!("rules is an array")
    };
    let Type::Object { fields } = &**items else {
        panic!("of objects")
    };
    let parameters = fields.iter().find(|f| f.wire_name == "parameters").unwrap();
    assert_eq!(
        alternatives(parameters),
        [
            ("count".to_string(), vec!["count".to_string()]),
            (
                "checks".to_string(),
                vec!["strict".to_string(), "checks".to_string()]
            ),
        ]
    );
}

#[test]
fn undocumented_rows_read_the_endpoint_text_that_names_them() {
    let api = spec_text(
        "POST /deployments",
        "Create a deployment",
        "Starts one.\n\nThe `payload` parameter carries extra data. It is a JSON text\nfield passed on as is.",
        &[("payload", false, ""), ("public", false, ""), ("other", false, "")],
    );
    assert_eq!(
        param(&api, "payload").ty,
        Type::Union {
            types: vec![Type::Object { fields: Vec::new() }, Type::String]
        }
    );
    assert_eq!(param(&api, "public").ty, Type::Boolean);
    assert_eq!(param(&api, "other").ty, Type::String);
    // The row's own (empty) text is what the docs show.
    assert_eq!(param(&api, "payload").description, "");
}

#[test]
fn the_version_of_the_created_resource_is_a_number() {
    let api = spec_text(
        "POST /snapshots",
        "Create a snapshot of dependencies",
        "",
        &[
            ("version", true, "The version of the snapshot submission."),
            ("tool", true, "The tool."),
            ("tool.version", true, "The version of the tool."),
        ],
    );
    assert_eq!(param(&api, "version").ty, Type::Integer);
    let Type::Object { fields } = &param(&api, "tool").ty else {
        panic!("tool is an object")
    };
    assert_eq!(fields[0].ty, Type::String);
}
