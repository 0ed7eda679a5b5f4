//! `one_of` models → a Rust enum: one boxed variant per object model, an optional array
//! variant (`Directory(Vec<Entry>)`) and `Other(Value)`, with their serde impls.

use std::collections::BTreeSet;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs::{self, Doc};
use super::models::model_ident;
use super::naming::Names;
use crate::model::Api;
use crate::schema::{ArrayVariant, ModelKind, Schema};

/// The enum and its `Deserialize`: the value is buffered once; a JSON array decodes into the
/// array variant; an object is dispatched by the discriminator when declared and matched,
/// else by trying the object variants in order; anything else is kept in `Other`.
pub fn one_of_items(
    api: &Api,
    name: &Ident,
    variants: &[String],
    discriminator: Option<&str>,
    array: Option<&ArrayVariant>,
    doc: Doc,
) -> TokenStream {
    let doc = doc.tokens();
    let mut names = Names::with_reserved(&[]);
    let variant_ids: Vec<Ident> = variants
        .iter()
        .map(|v| format_ident!("{}", names.claim(&model_ident(v).to_string())))
        .collect();
    let array = array.map(|a| {
        (
            format_ident!("{}", names.claim(&a.name)),
            model_ident(&a.items),
        )
    });
    let other = format_ident!("{}", names.claim("Other"));
    let decls = variants.iter().zip(&variant_ids).map(|(v, id)| {
        let ty = model_ident(v);
        let d = docs::doc_attrs(&format!("A [`{ty}`]."));
        quote!(#d #id(Box<#ty>))
    });
    let array_decl = array.as_ref().map(|(id, ty)| {
        let d = docs::doc_attrs(&format!("A JSON array: a list of [`{ty}`]."));
        quote!(#d #id(Vec<#ty>),)
    });
    // An array is never an object variant: it takes the array variant or stays `Other`.
    let array_arm = match &array {
        Some((id, ty)) => quote! {
            if value.is_array() {
                return <Vec<#ty> as ::serde::Deserialize>::deserialize(&value)
                    .map(Self::#id)
                    .map_err(<D::Error as ::serde::de::Error>::custom);
            }
        },
        None => TokenStream::new(),
    };
    let tries: Vec<TokenStream> = variants
        .iter()
        .zip(&variant_ids)
        .map(|(v, id)| {
            let ty = model_ident(v);
            quote! {
                if let Ok(v) = <#ty as ::serde::Deserialize>::deserialize(&value) {
                    return Ok(Self::#id(Box::new(v)));
                }
            }
        })
        .collect();
    let dispatch = discriminator.and_then(|disc| {
        let mut seen = BTreeSet::new();
        let mut arms = Vec::new();
        for (v, id) in variants.iter().zip(&variant_ids) {
            let ty = model_ident(v);
            // A value claimed by two variants picks the first.
            for value in discriminator_values(api, v, disc) {
                if seen.insert(value.clone()) {
                    arms.push(quote! {
                        Some(#value) => <#ty as ::serde::Deserialize>::deserialize(&value)
                            .map(|v| Self::#id(Box::new(v)))
                            .map_err(<D::Error as ::serde::de::Error>::custom),
                    });
                }
            }
        }
        // A value no variant claims is kept as `Other`, not forced into a variant.
        (!arms.is_empty()).then(|| {
            quote! {
                match value.get(#disc).and_then(::serde_json::Value::as_str) {
                    #(#arms)*
                    _ => Ok(Self::#other(value)),
                }
            }
        })
    });
    let body = match dispatch {
        Some(dispatch) => dispatch,
        None => quote! {
            #(#tries)*
            Ok(Self::#other(value))
        },
    };
    let other_doc = docs::doc_attrs("A value matching none of the variants, kept as sent.");
    quote! {
        #doc
        #[derive(Debug, Clone, ::serde::Serialize)]
        #[cfg_attr(feature = "model-eq", derive(PartialEq))]
        #[serde(untagged)]
        pub enum #name {
            #(#decls,)*
            #array_decl
            #other_doc
            #other(::serde_json::Value),
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                #array_arm
                #body
            }
        }
    }
}

/// The discriminator values that select `model`: the values of its enum-typed field `disc`.
fn discriminator_values(api: &Api, model: &str, disc: &str) -> Vec<String> {
    let find = |name: &str| api.models.iter().find(|m| m.name == name);
    let Some(ModelKind::Object { fields }) = find(model).map(|m| &m.kind) else {
        return Vec::new();
    };
    let Some(field) = fields.iter().find(|f| f.wire_name == disc) else {
        return Vec::new();
    };
    match &field.schema {
        Schema::Ref { name, .. } => match find(name).map(|m| &m.kind) {
            Some(ModelKind::Enum { values }) => values.clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Api;
    use crate::schema::{ArrayVariant, Field, Model, ModelKind, Schema};

    fn model(name: &str, kind: ModelKind) -> Model {
        Model {
            name: name.into(),
            doc: String::new(),
            kind,
            source: "specs/models/x.yaml".into(),
            line: 1,
        }
    }

    fn api(array: Option<ArrayVariant>) -> Api {
        let kind = Field {
            wire_name: "type".into(),
            rust_name: "r#type".into(),
            schema: Schema::Ref {
                name: "FileType".into(),
                boxed: false,
            },
            required: true,
            nullable: false,
            doc: String::new(),
            line: 1,
        };
        Api {
            endpoints: vec![],
            models: vec![
                model(
                    "Content",
                    ModelKind::OneOf {
                        variants: vec!["File".into()],
                        discriminator: Some("type".into()),
                        array,
                    },
                ),
                model("File", ModelKind::Object { fields: vec![kind] }),
                model(
                    "FileType",
                    ModelKind::Enum {
                        values: vec!["file".into()],
                    },
                ),
                model("Entry", ModelKind::Object { fields: vec![] }),
            ],
        }
    }

    fn source(api: &Api) -> String {
        let src = crate::codegen::model_source(api, "Content").unwrap();
        src.split_whitespace().collect()
    }

    #[test]
    fn an_array_variant_takes_json_arrays_before_the_discriminator() {
        let src = source(&api(Some(ArrayVariant {
            name: "Directory".into(),
            items: "Entry".into(),
        })));
        for needle in [
            "Directory(Vec<Entry>),",
            "ifvalue.is_array(){return<Vec<Entry>asDeserialize>::deserialize(&value).map(Self::Directory)",
            "Some(\"file\")=>{<FileasDeserialize>::deserialize(&value)",
            "File(Box<File>),",
            "Other(Value),",
            "useserde_json::Value;",
        ] {
            assert!(src.contains(needle), "{needle} missing in\n{src}");
        }
        let array = src.find("value.is_array()").unwrap();
        assert!(array < src.find("value.get(\"type\")").unwrap(), "{src}");
    }

    #[test]
    fn without_an_array_variant_nothing_checks_for_arrays() {
        let src = source(&api(None));
        assert!(!src.contains("is_array"), "{src}");
        assert!(!src.contains("Vec<"), "{src}");
    }
}
