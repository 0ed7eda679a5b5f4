//! Type and location inference rules for parameters of untyped specs.
//! Each rule is a small named function; [`infer_type`] tries them in priority order.

mod arrays;
mod choices;
mod enum_prose;
mod enums;
mod flags;
mod ids;
mod kinds;
mod location;
mod maps;
mod scalars;
mod words;

pub use choices::{
    alias_of, deprecated, described_in, either_required, raw_content_type, replaced_rows, BodyRow,
    RowGroup,
};
pub use enums::listed_values;
pub use flags::{allows_slash, nullable, triggers_notifications, undocumented_flags, RowShape};
pub use kinds::{fields_depend_on_type, kind_alternatives};
pub use location::{infer_location, is_raw_body};
pub use maps::map_value_type;
pub use words::resource_noun;

use crate::ir::{Location, Type};
use crate::parse::HttpMethod;

/// What a rule may look at for one (leaf) parameter.
#[derive(Debug, Clone, Copy)]
pub struct ParamCtx<'a> {
    /// Wire name of this level (`name` for `committer.name`, `*` for a map value).
    pub name: &'a str,
    /// Wire name of the enclosing parameter (`committer`), if nested.
    pub parent: Option<&'a str>,
    /// Markdown description of the row.
    pub description: &'a str,
    pub method: HttpMethod,
    pub location: Location,
    /// Wire names of the other parameters at the same level.
    pub siblings: &'a [String],
    /// Head noun of what the endpoint acts on (`snapshot` for "Create a snapshot of …"), from
    /// its title; empty when unknown.
    pub resource: &'a str,
}

/// A named inference rule: returns a type when its cue is present.
pub type Rule = fn(&ParamCtx) -> Option<Type>;

/// The rules in priority order: the most specific cues first, broad name patterns last.
pub const RULES: &[(&str, Rule)] = &[
    (
        "integer_or_string_alternative",
        ids::integer_or_string_alternative,
    ),
    ("json_text", scalars::json_text),
    ("union_by_wording", scalars::union_by_wording),
    ("listed_enum", scalars::listed_enum),
    ("array_by_wording", arrays::array_by_wording),
    ("string_by_alternatives", scalars::string_by_alternatives),
    ("boolean_by_wording", scalars::boolean_by_wording),
    ("integer_by_wording", scalars::integer_by_wording),
    ("own_version", ids::own_version),
    ("string_by_wording", scalars::string_by_wording),
    ("string_by_name", scalars::string_by_name),
    ("boolean_by_name", scalars::boolean_by_name),
    ("integer_by_name", ids::integer_by_name),
    ("boolean_by_behaviour", scalars::boolean_by_behaviour),
    ("array_by_plural_name", arrays::array_by_plural_name),
];

/// The type of a leaf parameter (one without nested rows): the first rule that fires, else string.
pub fn infer_type(ctx: &ParamCtx) -> Type {
    infer_type_traced(ctx).1
}

/// Like [`infer_type`], also naming the rule that decided (`default_string` when none fired).
pub fn infer_type_traced(ctx: &ParamCtx) -> (&'static str, Type) {
    RULES
        .iter()
        .find_map(|(name, rule)| rule(ctx).map(|t| (*name, t)))
        .unwrap_or(("default_string", Type::String))
}

#[cfg(test)]
pub(crate) mod testing {
    use super::ParamCtx;
    use crate::ir::Location;
    use crate::parse::HttpMethod;

    /// A body parameter of a POST with no siblings.
    pub fn body<'a>(name: &'a str, description: &'a str) -> ParamCtx<'a> {
        ParamCtx {
            name,
            parent: None,
            description,
            method: HttpMethod::Post,
            location: Location::Body,
            siblings: &[],
            resource: "",
        }
    }

    /// A query parameter of a GET.
    pub fn query<'a>(name: &'a str, description: &'a str) -> ParamCtx<'a> {
        ParamCtx {
            method: HttpMethod::Get,
            location: Location::Query,
            ..body(name, description)
        }
    }

    /// A path parameter of a GET.
    pub fn path<'a>(name: &'a str, description: &'a str) -> ParamCtx<'a> {
        ParamCtx {
            method: HttpMethod::Get,
            location: Location::Path,
            ..body(name, description)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{body, path, query};
    use super::*;

    #[test]
    fn falls_back_to_string() {
        assert_eq!(
            infer_type(&body("title", "The title of the issue.")),
            Type::String
        );
    }

    #[test]
    fn traps() {
        assert_eq!(
            infer_type(&path("ghsa_id", "The GHSA identifier of the advisory.")),
            Type::String
        );
        assert_eq!(
            infer_type(&path(
                "issue_number",
                "The number that identifies the issue."
            )),
            Type::Integer
        );
        assert_eq!(
            infer_type(&query(
                "q",
                "A query. See \"Searching\" for a list of qualifiers."
            )),
            Type::String
        );
        assert_eq!(
            infer_type(&query(
                "year",
                "If specified, only return results for a single year."
            )),
            Type::Integer
        );
        assert!(matches!(
            infer_type(&body("labels", "Labels to associate with this issue.")),
            Type::Array { .. }
        ));
    }
}
