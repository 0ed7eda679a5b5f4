//! Tests of `one_of` array variants (`- Directory: Entry[]`): what is accepted, what the
//! model IR holds, and every misuse reported with its line.

use super::tests::{err, errors, run};
use super::{ArrayVariant, ModelKind};

const FILE: &str = "fields:\n  type: string\n";
const ENTRY: &str = "fields:\n  name: string\n";

#[test]
fn a_named_array_entry_becomes_the_array_variant() {
    let block = "responses:\n  200: Content\n";
    for one_of in [
        "one_of:\n  - File\n  - Directory: Entry[]\n",
        "one_of: [File, {Directory: 'Entry[]'}]\n",
    ] {
        let r = run(
            &[("Content", one_of), ("File", FILE), ("Entry", ENTRY)],
            block,
        )
        .unwrap_or_else(|e| panic!("{one_of}: {e:?}"));
        let m = r.models.iter().find(|m| m.name == "Content").unwrap();
        assert_eq!(
            m.kind,
            ModelKind::OneOf {
                variants: vec!["File".into()],
                discriminator: None,
                array: Some(ArrayVariant {
                    name: "Directory".into(),
                    items: "Entry".into(),
                }),
            },
            "{one_of}"
        );
    }
    // With a discriminator: only the object variants need its field.
    let one_of = "one_of:\n  - File\n  - Directory: Entry[]\ndiscriminator: type\n";
    run(&[("Content", one_of), ("File", FILE), ("Entry", ENTRY)], "").unwrap();
}

#[test]
fn misused_array_variants_are_reported_with_their_lines() {
    let one_of = "one_of:\n  - File\n  - Entry[]\n  - Named: File\n  - List: Entry[]\n  - Again: File[]\n  - odd: 'Entry[]'\n  - Bad: string[]\n  - Deep: Entry[][]\n  - Gone: Missing[]\n";
    let e = errors(&[("Content", one_of), ("File", FILE), ("Entry", ENTRY)], "");
    assert_eq!(
        e,
        [
            err(
                "models/Content.yaml",
                3,
                "array variant `Entry[]` has no name"
            ),
            err(
                "models/Content.yaml",
                4,
                "`one_of` variant `Named: File` is named but not an array"
            ),
            err(
                "models/Content.yaml",
                6,
                "a `one_of` has at most one array variant"
            ),
            err(
                "models/Content.yaml",
                7,
                "a `one_of` has at most one array variant"
            ),
            err(
                "models/Content.yaml",
                8,
                "`one_of` entry `string[]` is not a model"
            ),
            err(
                "models/Content.yaml",
                9,
                "`one_of` entry `Entry[][]` is not a model"
            ),
            err(
                "models/Content.yaml",
                10,
                "a `one_of` has at most one array variant"
            ),
        ]
    );
    // A mapping entry names one variant; read before anything is resolved.
    let e = errors(&[("Content", "one_of:\n  - {A: 'Entry[]', B: File}\n")], "");
    assert_eq!(
        e,
        [err(
            "models/Content.yaml",
            2,
            "`one_of` entry is a mapping, not a model name"
        )]
    );
}

#[test]
fn array_variant_names_are_checked() {
    let cases = [
        (
            "  - File\n  - odd: Entry[]\n",
            "array variant name `odd` is not a PascalCase Rust name",
        ),
        (
            "  - File\n  - Self: Entry[]\n",
            "array variant name `Self` is not a PascalCase Rust name",
        ),
        (
            "  - File\n  - File: Entry[]\n",
            "array variant name `File` is already a variant of this `one_of`",
        ),
        (
            "  - File\n  - Other: Entry[]\n",
            "array variant name `Other` is already a variant of this `one_of`",
        ),
    ];
    for (list, message) in cases {
        let one_of = format!("one_of:\n{list}");
        let e = errors(
            &[("Content", &one_of), ("File", FILE), ("Entry", ENTRY)],
            "",
        );
        assert_eq!(e, [err("models/Content.yaml", 3, message)], "{list}");
    }
    // The element model must exist like any variant.
    let e = errors(&[("Content", "one_of:\n  - Items: Missing[]\n")], "");
    assert_eq!(
        e,
        [err(
            "models/Content.yaml",
            2,
            "unknown model `Missing` in `one_of` entry"
        )]
    );
}
