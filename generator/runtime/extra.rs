//! `Extra`: the fields of a JSON object that its model does not know (yet), kept so a field
//! GitHub adds never fails a decode and stays reachable; no allocation when there are none.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde_json::{Map, Value};

/// Unknown fields of a model, by wire name. Empty (and unallocated) in the common case.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extra(Option<Box<Map<String, Value>>>);

impl Extra {
    /// No fields.
    pub const fn new() -> Self {
        Extra(None)
    }

    /// The value of an unknown field.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.as_ref()?.get(name)
    }

    /// Every unknown field, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> + '_ {
        self.0.iter().flat_map(|m| m.iter())
    }

    /// No unknown field came.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many unknown fields came.
    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |m| m.len())
    }

    /// Add or replace a field (generated `Deserialize` impls call this for unknown keys).
    pub fn insert(&mut self, name: String, value: Value) {
        self.0.get_or_insert_with(Box::default).insert(name, value);
    }

    /// Read the value of an unknown `key` from `map` and keep it (generated `Deserialize`
    /// impls call this, so each model has no code of its own for unknown keys).
    pub(crate) fn insert_next<'de, A: MapAccess<'de>>(
        &mut self,
        key: Key<'de>,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let value = map.next_value()?;
        self.insert(key.into_owned(), value);
        Ok(())
    }

    /// Remove a field.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.0.as_mut()?.remove(name)
    }

    /// The fields as a JSON map (empty if none).
    pub fn into_map(self) -> Map<String, Value> {
        self.0.map(|b| *b).unwrap_or_default()
    }

    /// Write the fields into a map being serialised (generated `Serialize` impls).
    pub(crate) fn serialize_entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for (k, v) in self.iter() {
            map.serialize_entry(k, v)?;
        }
        Ok(())
    }
}

impl From<Map<String, Value>> for Extra {
    fn from(map: Map<String, Value>) -> Self {
        if map.is_empty() {
            Extra(None)
        } else {
            Extra(Some(Box::new(map)))
        }
    }
}

impl<'a> IntoIterator for &'a Extra {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::iter::FlatMap<
        std::option::Iter<'a, Box<Map<String, Value>>>,
        &'a Map<String, Value>,
        fn(&'a Box<Map<String, Value>>) -> &'a Map<String, Value>,
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().flat_map(|m| &**m)
    }
}

/// Serialised as a JSON object of its fields.
impl serde::Serialize for Extra {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        self.serialize_entries(&mut map)?;
        map.end()
    }
}

impl<'de> serde::Deserialize<'de> for Extra {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ExtraVisitor;
        impl<'de> Visitor<'de> for ExtraVisitor {
            type Value = Extra;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Extra, A::Error> {
                let mut extra = Extra::new();
                while let Some(entry) = map.next_entry()? {
                    let (k, v): (String, Value) = entry;
                    extra.insert(k, v);
                }
                Ok(extra)
            }
        }
        deserializer.deserialize_map(ExtraVisitor)
    }
}

/// An object key or string value as read by generated `Deserialize` impls: borrowed from the
/// input when it has no escapes, so matching a known name allocates nothing.
#[derive(Debug)]
pub struct Key<'de>(std::borrow::Cow<'de, str>);

impl Key<'_> {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, owned.
    pub fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(std::borrow::Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}
