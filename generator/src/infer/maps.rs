//! Value types of free-form maps (`a.*` rows).

use super::words::{has_any, lower};
use crate::ir::Type;

/// An undescribed `a.*` leaf says nothing about its values, so they are any JSON value — unless
/// the parent calls itself "key-value pairs" (labels, tags), whose values are strings.
pub fn map_value_type(parent_description: &str, described: bool, inferred: Type) -> Type {
    if described || inferred != Type::String {
        return inferred;
    }
    let text = lower(parent_description);
    if has_any(
        &text,
        &["key-value pair", "key/value pair", "key value pair"],
    ) {
        Type::String
    } else {
        Type::Any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undescribed_values_are_any_unless_key_value_pairs() {
        assert_eq!(
            map_value_type("Input keys and values.", false, Type::String),
            Type::Any
        );
        assert_eq!(
            map_value_type("Key-value pairs to tag the record.", false, Type::String),
            Type::String
        );
        assert_eq!(map_value_type("", true, Type::Integer), Type::Integer);
        assert_eq!(map_value_type("", false, Type::Boolean), Type::Boolean);
    }
}
