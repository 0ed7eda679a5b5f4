//! Which responses of an OpenAPI operation a spec declares: every 2xx (its body, or `~`),
//! `404: ~` for GET checks answered by 204/404, and `200: binary` for redirect-only
//! downloads (the client follows the redirect).

use serde_json::{Map, Value};

use super::convert::{Converter, Ty, Typed};
use super::examples;
use super::openapi::Doc;
use super::shape::discriminator;

/// The declared responses of one operation, in status order.
pub(crate) fn declare(
    conv: &mut Converter,
    docs: &[Doc],
    d: usize,
    op: &Value,
    method: &str,
    body_name: &str,
) -> Vec<(u16, Option<Typed>)> {
    let doc = &docs[d];
    let mut statuses: Vec<(u16, &Value)> = op["responses"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.parse::<u16>().ok()?, v)))
        .collect();
    statuses.sort_by_key(|(s, _)| *s);
    let origin = format!(
        "the 2xx response of {}",
        op["operationId"].as_str().unwrap_or("an operation")
    );
    // A method returns one type: the first 2xx body wins, a different one is declared `~`
    // and not drafted (so no model is written that no spec reaches).
    let mut out: Vec<(u16, Option<Typed>)> = Vec::new();
    let mut inline_names = 0;
    let mut first: Option<(&Value, Typed)> = None;
    for (status, resp) in statuses.iter().filter(|(s, _)| (200..300).contains(s)) {
        let (resp, _) = doc.deref(resp);
        let Some((ct, media)) = resp["content"].as_object().and_then(pick_media) else {
            out.push((*status, None));
            continue;
        };
        let typed = match &first {
            None => {
                let typed = body(conv, d, ct, media, body_name, &mut inline_names, &origin);
                first = Some((media, typed.clone()));
                Some(typed)
            }
            Some((first_media, typed)) if first_media["schema"] == media["schema"] => {
                Some(typed.clone())
            }
            Some(_) => {
                conv.note(format!(
                    "{}: {status} has another body than the first 2xx; declared `~` (a method returns one type)",
                    op["operationId"].as_str().unwrap_or("an operation")
                ));
                None
            }
        };
        if let Some(t) = &typed {
            let platform = doc.platform();
            for example in examples::of_media(doc, media) {
                conv.observe(t, example, &platform);
            }
        }
        out.push((*status, typed));
    }
    let only_204 = out.len() == 1 && out[0] == (204, None);
    let has = |code: u16| statuses.iter().any(|(s, _)| *s == code);
    if only_204 && method.eq_ignore_ascii_case("get") && has(404) {
        out.push((404, None));
    }
    if out.is_empty() && has(302) {
        out.push((
            200,
            Some(Typed {
                ty: Ty::Scalar("binary"),
                nullable: false,
            }),
        ));
    }
    out
}

/// `application/json` first, then any JSON type, then the first listed.
fn pick_media(content: &Map<String, Value>) -> Option<(&str, &Value)> {
    content
        .get_key_value("application/json")
        .or_else(|| content.iter().find(|(ct, _)| ct.contains("json")))
        .or_else(|| content.iter().next())
        .map(|(k, v)| (k.as_str(), v))
}

fn body(
    conv: &mut Converter,
    d: usize,
    ct: &str,
    media: &Value,
    base: &str,
    inline_names: &mut usize,
    origin: &str,
) -> Typed {
    let scalar = |s| Typed {
        ty: Ty::Scalar(s),
        nullable: false,
    };
    let schema = &media["schema"];
    if !ct.contains("json") {
        let binary = ["octet-stream", "zip", "tar", "gzip"]
            .iter()
            .any(|b| ct.contains(b))
            || schema["format"] == "binary";
        return if binary {
            scalar("binary")
        } else {
            scalar("text")
        };
    }
    if schema.is_null() {
        return scalar("any");
    }
    *inline_names += 1;
    let name = match *inline_names {
        1 => base.to_string(),
        n => format!("{base}{n}"),
    };
    let mut t = conv.body(d, schema, &name, origin);
    if schema.get("$ref").is_some() {
        // A component nullable for its uses as a field (`integration`, `issue-type`) is
        // still the whole body here, not `null`.
        t.nullable = false;
    }
    if schema.get("$ref").is_none() {
        if let Ty::Named(n) = &t.ty {
            if n == &name {
                conv.set_discriminator(n, discriminator(schema));
            }
        }
    }
    t
}
