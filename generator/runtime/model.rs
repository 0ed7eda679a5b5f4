//! The shared `Serialize`, `Deserialize` and `Debug` of generated object models: each model
//! states its fields as a tuple type and a sorted name table; the code that walks them is here.
//!
//! A model's impls are one call each, so the generated crate has little per-field code to
//! type-check (the cost that dominated its build); the work is monomorphised on use.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, Error as _, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::extra::{Extra, Key};

/// The decoding side of one field, or of a tuple of fields (nested for models with many).
pub trait Fields<'de>: Sized {
    /// How many fields this covers.
    const LEN: usize;
    /// The decoded values: `T` for a required field, `Option<T>` for an optional one.
    type Out;
    /// Nothing read yet.
    fn empty() -> Self;
    /// Read the value of the field at `index` (in name-table order) from `map`.
    fn fill<M: MapAccess<'de>>(&mut self, index: usize, map: &mut M) -> Result<(), M::Error>;
    /// The values, or the index of the first required field that never came.
    fn finish(self, base: usize) -> Result<Self::Out, usize>;
}

/// A required, non-nullable field: missing it fails the decode.
pub struct Req<T>(Option<T>);

/// An optional or nullable field: absent and `null` are both `None`.
pub struct Opt<T>(Option<T>);

impl<'de, T: Deserialize<'de>> Fields<'de> for Req<T> {
    const LEN: usize = 1;
    type Out = T;
    fn empty() -> Self {
        Req(None)
    }
    fn fill<M: MapAccess<'de>>(&mut self, _: usize, map: &mut M) -> Result<(), M::Error> {
        self.0 = Some(map.next_value()?);
        Ok(())
    }
    fn finish(self, base: usize) -> Result<T, usize> {
        self.0.ok_or(base)
    }
}

impl<'de, T: Deserialize<'de>> Fields<'de> for Opt<T> {
    const LEN: usize = 1;
    type Out = Option<T>;
    fn empty() -> Self {
        Opt(None)
    }
    fn fill<M: MapAccess<'de>>(&mut self, _: usize, map: &mut M) -> Result<(), M::Error> {
        self.0 = map.next_value()?;
        Ok(())
    }
    fn finish(self, _: usize) -> Result<Option<T>, usize> {
        Ok(self.0)
    }
}

impl<'de> Fields<'de> for () {
    const LEN: usize = 0;
    type Out = ();
    fn empty() -> Self {}
    fn fill<M: MapAccess<'de>>(&mut self, _: usize, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
    fn finish(self, _: usize) -> Result<(), usize> {
        Ok(())
    }
}

/// The writing side of one field, or of a tuple of fields.
pub trait SerFields {
    /// How many fields this covers.
    const LEN: usize;
    /// Write the fields, the first one named `names[index]`.
    fn put<M: SerializeMap>(&self, names: &[&str], index: usize, map: &mut M) -> Result<(), M::Error>;
}

/// A field that is always written (`null` when a nullable value is `None`).
impl<T: Serialize + ?Sized> SerFields for &T {
    const LEN: usize = 1;
    fn put<M: SerializeMap>(&self, names: &[&str], index: usize, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(names[index], *self)
    }
}

/// An optional field: left out when `None`, as it was absent when decoded.
pub struct Skip<'a, T>(pub &'a Option<T>);

impl<T: Serialize> SerFields for Skip<'_, T> {
    const LEN: usize = 1;
    fn put<M: SerializeMap>(&self, names: &[&str], index: usize, map: &mut M) -> Result<(), M::Error> {
        match self.0 {
            Some(value) => map.serialize_entry(names[index], value),
            None => Ok(()),
        }
    }
}

impl SerFields for () {
    const LEN: usize = 0;
    fn put<M: SerializeMap>(&self, _: &[&str], _: usize, _: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
}

macro_rules! tuples {
    ($($n:tt $t:ident),+) => {
        impl<'de, $($t: Fields<'de>),+> Fields<'de> for ($($t,)+) {
            const LEN: usize = 0 $(+ $t::LEN)+;
            type Out = ($($t::Out,)+);
            fn empty() -> Self {
                ($($t::empty(),)+)
            }
            #[allow(unused_assignments)]
            fn fill<M: MapAccess<'de>>(&mut self, mut index: usize, map: &mut M) -> Result<(), M::Error> {
                $(
                    if index < $t::LEN {
                        return self.$n.fill(index, map);
                    }
                    index -= $t::LEN;
                )+
                Ok(())
            }
            #[allow(unused_assignments)]
            fn finish(self, mut base: usize) -> Result<Self::Out, usize> {
                Ok(($({
                    let value = self.$n.finish(base)?;
                    base += $t::LEN;
                    value
                },)+))
            }
        }

        impl<$($t: SerFields),+> SerFields for ($($t,)+) {
            const LEN: usize = 0 $(+ $t::LEN)+;
            #[allow(unused_assignments)]
            fn put<M: SerializeMap>(&self, names: &[&str], mut index: usize, map: &mut M) -> Result<(), M::Error> {
                $(
                    self.$n.put(names, index, map)?;
                    index += $t::LEN;
                )+
                Ok(())
            }
        }
    };
}

// Arities 1 to 12: the generator (`codegen/models.rs`, `TUPLE_MAX`) nests longer lists.
tuples!(0 A);
tuples!(0 A, 1 B);
tuples!(0 A, 1 B, 2 C);
tuples!(0 A, 1 B, 2 C, 3 D);
tuples!(0 A, 1 B, 2 C, 3 D, 4 E);
tuples!(0 A, 1 B, 2 C, 3 D, 4 E, 5 F);
tuples!(0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G);
tuples!(0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H);
tuples!(0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I);
tuples!(0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J);
tuples!(0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J, 10 K);
tuples!(0 A, 1 B, 2 C, 3 D, 4 E, 5 F, 6 G, 7 H, 8 I, 9 J, 10 K, 11 L);

struct ModelVisitor<F> {
    names: &'static [&'static str],
    model: &'static str,
    fields: PhantomData<F>,
}

impl<'de, F: Fields<'de>> Visitor<'de> for ModelVisitor<F> {
    type Value = (F::Out, Extra);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", self.model)
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut fields = F::empty();
        let mut extra = Extra::new();
        loop {
            let key: Key<'de> = match map.next_key()? {
                Some(key) => key,
                None => break,
            };
            match self.names.binary_search(&key.as_str()) {
                Ok(index) => fields.fill(index, &mut map)?,
                Err(_) => extra.insert_next(key, &mut map)?,
            }
        }
        match fields.finish(0) {
            Ok(values) => Ok((values, extra)),
            Err(index) => Err(M::Error::missing_field(self.names[index])),
        }
    }
}

/// Decode a JSON object into the field values `F` (in the order of `names`, which is sorted)
/// and the unknown fields. Generated `Deserialize` impls call this.
pub fn decode<'de, D: Deserializer<'de>, F: Fields<'de>>(
    deserializer: D,
    names: &'static [&'static str],
    model: &'static str,
) -> Result<(F::Out, Extra), D::Error> {
    deserializer.deserialize_map(ModelVisitor::<F> {
        names,
        model,
        fields: PhantomData,
    })
}

/// Write a model as a JSON object: its fields (named by `names`) then the unknown ones.
/// Generated `Serialize` impls call this.
pub fn serialize<S: Serializer, F: SerFields>(
    serializer: S,
    names: &[&str],
    fields: F,
    extra: &Extra,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    fields.put(names, 0, &mut map)?;
    extra.serialize_entries(&mut map)?;
    map.end()
}

/// `Debug` of a model: its name and fields by wire name, unknown fields included
/// (`Label {"color": "f29513", ...}`; `{:#?}` pretty-prints).
pub fn debug<T: Serialize>(value: &T, model: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(model)?;
    f.write_str(" ")?;
    fmt::Debug::fmt(&serde_fmt::to_debug(value), f)
}
