#!/usr/bin/env python3
"""Writes the models of the decode benchmark (generator/benches/decode/main.rs) from the field
names and types of GitHub's `full-repository` and `simple-user` schemas (facts only), in the
four shapes compared: (a) plain derive, (b) derive + flatten, (c) the generator's map
visitor + Extra; plus a synthetic JSON document. With `--crate DIR --variant b|c`, writes a
scratch crate of N copies of the model to time the compile cost of (b) against (c).

  python3 scripts/decode-bench-models.py                  # bench models + JSON
  python3 scripts/decode-bench-models.py --crate /tmp/b --variant b --copies 100 --fields 30
"""
import argparse, json, os

OPENAPI = "tests/fidelity/node_modules/@octokit/openapi/generated/api.github.com.json"
SKIP = {"parent", "source", "template_repository"}  # whole repositories inside a repository


def load():
    d = json.load(open(OPENAPI))["components"]["schemas"]
    return d["full-repository"], d["simple-user"]


def rust_name(wire):
    return "r#type" if wire == "type" else wire


def fields_of(schema, user_model):
    out = []
    for wire, p in schema["properties"].items():
        if wire in SKIP:
            continue
        required = wire in schema.get("required", [])
        nullable = bool(p.get("nullable"))
        ref = p.get("$ref", "")
        t = p.get("type")
        if ref.endswith("simple-user"):
            ty = user_model
            nullable = nullable or "nullable" in ref
        elif ref:
            ty, nullable = "::serde_json::Value", nullable or "nullable" in ref
        elif t == "string":
            ty = "String"
        elif t == "integer":
            ty = "i64"
        elif t == "number":
            ty = "f64"
        elif t == "boolean":
            ty = "bool"
        elif t == "array":
            ty = "Vec<String>" if p.get("items", {}).get("type") == "string" else "Vec<::serde_json::Value>"
        else:
            ty = "::serde_json::Value"
        out.append((wire, ty, required, nullable))
    return out


def sample(fields, user):
    doc = {}
    for i, (wire, ty, required, nullable) in enumerate(fields):
        if nullable and i % 3 == 0:
            doc[wire] = None
        elif ty == "SimpleUser":
            doc[wire] = user
        elif ty == "String":
            doc[wire] = f"https://api.github.com/repos/octocat/Hello-World/{wire}" if wire.endswith("url") else f"{wire} value"
        elif ty == "i64":
            doc[wire] = 1296269 + i
        elif ty == "f64":
            doc[wire] = 1.5
        elif ty == "bool":
            doc[wire] = i % 2 == 0
        elif ty.startswith("Vec<String>"):
            doc[wire] = ["octocat", "atom", "electron", "api"]
        elif ty.startswith("Vec"):
            doc[wire] = [{"a": 1}]
        else:
            doc[wire] = {"key": "mit", "name": "MIT License", "url": "https://api.github.com/licenses/mit", "node_id": "MDc6TGljZW5zZW1pdA=="}
    return doc


def field_type(ty, required, nullable):
    return ty if required and not nullable else f"Option<{ty}>"


def derive_struct(name, fields, flatten):
    lines = ["#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]", f"pub struct {name} {{"]
    for wire, ty, required, nullable in fields:
        rn = rust_name(wire)
        if rn != wire:
            lines.append(f'    #[serde(rename = "{wire}")]')
        if not required:
            lines.append("    #[serde(default)]")
        lines.append(f"    pub {rn}: {field_type(ty, required, nullable)},")
    if flatten:
        lines.append("    #[serde(flatten)]")
        lines.append("    pub extra: ::serde_json::Map<String, ::serde_json::Value>,")
    lines.append("}")
    return "\n".join(lines)


def visitor_struct(name, fields):
    """The shape codegen/models.rs generates (map visitor, Extra)."""
    lines = ["#[derive(Debug, Clone, PartialEq, ::serde::Serialize)]", f"pub struct {name} {{"]
    for wire, ty, required, nullable in fields:
        rn = rust_name(wire)
        if rn != wire:
            lines.append(f'    #[serde(rename = "{wire}")]')
        if not required:
            lines.append('    #[serde(skip_serializing_if = "Option::is_none")]')
        lines.append(f"    pub {rn}: {field_type(ty, required, nullable)},")
    lines += ["    #[serde(flatten)]", "    pub extra: crate::runtime::Extra,", "}"]
    lets, arms, inits = [], [], []
    for i, (wire, ty, required, nullable) in enumerate(fields):
        lets.append(f"                let mut f{i}: Option<{ty}> = None;")
        if required and not nullable:
            arms.append(f'                        "{wire}" => f{i} = Some(::serde::de::MapAccess::next_value(&mut map)?),')
            inits.append(f'                    {rust_name(wire)}: f{i}.ok_or_else(|| <A::Error as ::serde::de::Error>::missing_field("{wire}"))?,')
        else:
            arms.append(f'                        "{wire}" => f{i} = ::serde::de::MapAccess::next_value(&mut map)?,')
            inits.append(f"                    {rust_name(wire)}: f{i},")
    lines.append(f"""impl<'de> ::serde::Deserialize<'de> for {name} {{
    fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {{
        struct ModelVisitor;
        impl<'de> ::serde::de::Visitor<'de> for ModelVisitor {{
            type Value = {name};
            fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {{
                f.write_str("a {name} object")
            }}
            fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<{name}, A::Error> {{
{chr(10).join(lets)}
                let mut extra = crate::runtime::Extra::new();
                while let Some(key) = ::serde::de::MapAccess::next_key::<crate::runtime::Key<'de>>(&mut map)? {{
                    match key.as_str() {{
{chr(10).join(arms)}
                        _ => extra.insert(key.into_owned(), ::serde::de::MapAccess::next_value(&mut map)?),
                    }}
                }}
                Ok({name} {{
{chr(10).join(inits)}
                    extra,
                }})
            }}
        }}
        deserializer.deserialize_map(ModelVisitor)
    }}
}}""")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--crate")
    ap.add_argument("--variant", choices=["b", "c"])
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--fields", type=int, default=30)
    args = ap.parse_args()
    repo, user = load()
    user_fields = fields_of(user, "SimpleUser")
    repo_fields = fields_of(repo, "SimpleUser")
    if args.crate:
        os.makedirs(os.path.join(args.crate, "src"), exist_ok=True)
        open(os.path.join(args.crate, "Cargo.toml"), "w").write(
            '[package]\nname = "model-build-cost"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n'
            'serde = { version = "1", features = ["derive"] }\nserde_json = "1"\n')
        make = (lambda n, f: derive_struct(n, f, True)) if args.variant == "b" else visitor_struct
        parts = ["#![allow(dead_code)]"]
        if args.variant == "c":
            parts.append('pub mod runtime {\n    #[path = "%s"]\n    mod extra;\n    pub use extra::{Extra, Key};\n}'
                         % os.path.abspath("generator/runtime/extra.rs"))
        parts.append(make("SimpleUser", user_fields))
        for i in range(args.copies):
            parts.append(make(f"Model{i}", repo_fields[: args.fields]))
        open(os.path.join(args.crate, "src/lib.rs"), "w").write("\n\n".join(parts) + "\n")
        return
    header = ("// Written by scripts/decode-bench-models.py (field names and types of GitHub's\n"
              "// full-repository and simple-user schemas); the models of generator/benches/decode/main.rs.\n")
    out = [header]
    out.append("pub mod plain {\n" + derive_struct("SimpleUser", user_fields, False) + "\n" + derive_struct("Repository", repo_fields, False) + "\n}")
    out.append("pub mod flatten {\n" + derive_struct("SimpleUser", user_fields, True) + "\n" + derive_struct("Repository", repo_fields, True) + "\n}")
    out.append("pub mod visitor {\n" + visitor_struct("SimpleUser", user_fields) + "\n" + visitor_struct("Repository", repo_fields) + "\n}")
    open("generator/benches/decode/models.rs", "w").write("\n\n".join(out) + "\n")
    user_doc = sample(user_fields, None)
    doc = sample(repo_fields, user_doc)
    doc["brand_new_field"] = {"added": "later"}  # one field the models do not know
    json.dump(doc, open("generator/benches/decode/repository.json", "w"), indent=1)
    print(f"repository: {len(repo_fields)} fields, owner: {len(user_fields)} fields")


main()
