//! The stage's driver: model files + each endpoint's `responses:` → sorted [`Model`]s and
//! [`ResponseDecl`]s, `extends` flattened, every problem reported at once.

use std::collections::HashMap;
use std::path::Path;

use super::check::{self, Placed};
use super::decl::DeclKind;
use super::file::ModelFile;
use super::resolve::Resolver;
use super::{cycles, Field, Model, ModelKind, ResponseDecl};
use crate::diag::{Diagnostic, Diagnostics};
use crate::parse::ResponseSpec;

/// The `responses:` of one endpoint, with what names its inline types.
#[derive(Debug, Clone, Copy)]
pub struct EndpointResponses<'a> {
    /// The spec file (for diagnostics).
    pub file: &'a Path,
    pub scope: &'a str,
    pub id: &'a str,
    pub responses: &'a [ResponseSpec],
}

/// The stage's output.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// Named and hoisted models, sorted by name.
    pub models: Vec<Model>,
    /// The declared responses of each endpoint, in the order the endpoints were given.
    pub responses: Vec<Vec<ResponseDecl>>,
}

/// Resolves model files and endpoint responses together: names checked, `extends` flattened,
/// inline types hoisted, cycles boxed.
pub fn resolve(
    files: &[ModelFile],
    endpoints: &[EndpointResponses],
) -> Result<Resolved, Diagnostics> {
    let mut r = Resolver::default();
    for f in files {
        r.register(&f.name, &f.path, 1, false);
    }
    // Own fields (inline types hoisted under the model) or the kind of every model file.
    let mut own: Vec<Option<Vec<Field>>> = Vec::with_capacity(files.len());
    let mut kinds: Vec<Option<ModelKind>> = Vec::with_capacity(files.len());
    for f in files {
        match &f.decl.kind {
            DeclKind::Object(decls) => {
                own.push(Some(r.fields(decls, &f.name, &f.path)));
                kinds.push(None);
            }
            _ => {
                own.push(None);
                kinds.push(r.kind_of(&f.name, &f.decl, &f.path));
            }
        }
    }
    let hoisted = std::mem::take(&mut r.models);
    let mut flat = Flattener {
        files,
        own: &own,
        index: files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name.as_str(), i))
            .collect(),
        done: vec![None; files.len()],
        busy: vec![false; files.len()],
        diags: &mut r.diags,
    };
    let mut models = Vec::with_capacity(files.len() + hoisted.len());
    for (i, f) in files.iter().enumerate() {
        let kind = match kinds[i].take() {
            Some(kind) => kind,
            None if own[i].is_some() => {
                let placed = flat.flatten(i);
                let listed: Vec<Placed> = placed
                    .iter()
                    .map(|(field, owner)| Placed {
                        field,
                        file: &files[*owner].path,
                        own: *owner == i,
                    })
                    .collect();
                check::rust_names(&listed, flat.diags);
                ModelKind::Object {
                    fields: placed.into_iter().map(|(field, _)| field).collect(),
                }
            }
            None => continue,
        };
        models.push(Model {
            name: f.name.clone(),
            doc: f.decl.doc.clone(),
            kind,
            source: f.path.clone(),
            line: 1,
        });
    }
    let named = models.len();
    models.extend(hoisted);
    let responses: Vec<Vec<ResponseDecl>> = endpoints
        .iter()
        .map(|e| r.responses(e.file, e.scope, e.id, e.responses))
        .collect();
    models.append(&mut r.models);
    // Hoisted models (all fields their own); named object models were checked when flattened.
    for m in &models[named..] {
        check::own_rust_names(m, &mut r.diags);
    }
    check::references(&mut r);
    check::discriminators(&mut r, &models);
    models.sort_by(|a, b| a.name.cmp(&b.name));
    cycles::box_cycles(&mut models, &mut r.diags);
    if r.diags.is_empty() {
        Ok(Resolved { models, responses })
    } else {
        let mut diags = r.diags;
        diags.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        diags.dedup();
        Err(Diagnostics(diags))
    }
}

/// Longest `extends` chain accepted (flattening recurses once per level).
const MAX_EXTENDS: usize = 64;

/// Flattens `extends` chains: the base's fields first, a redeclared field in the base's place.
struct Flattener<'a> {
    files: &'a [ModelFile],
    own: &'a [Option<Vec<Field>>],
    index: HashMap<&'a str, usize>,
    /// Flattened fields with the index of the file declaring each.
    done: Vec<Option<Vec<(Field, usize)>>>,
    busy: Vec<bool>,
    diags: &'a mut Vec<Diagnostic>,
}

impl Flattener<'_> {
    fn flatten(&mut self, i: usize) -> Vec<(Field, usize)> {
        self.flatten_at(i, 0)
    }

    fn flatten_at(&mut self, i: usize, depth: usize) -> Vec<(Field, usize)> {
        if let Some(fields) = &self.done[i] {
            return fields.clone();
        }
        let file = &self.files[i];
        let own = self.own[i].as_deref().unwrap_or_default();
        let mut fields = match &file.extends {
            Some((base, line)) => self.base_fields(i, base, *line, depth),
            None => Vec::new(),
        };
        let mut at: HashMap<String, usize> = fields
            .iter()
            .enumerate()
            .map(|(n, (f, _))| (f.wire_name.clone(), n))
            .collect();
        for field in own {
            match at.get(&field.wire_name) {
                Some(&n) => fields[n] = (field.clone(), i),
                None => {
                    at.insert(field.wire_name.clone(), fields.len());
                    fields.push((field.clone(), i));
                }
            }
        }
        self.done[i] = Some(fields.clone());
        fields
    }

    fn base_fields(
        &mut self,
        i: usize,
        base: &str,
        line: usize,
        depth: usize,
    ) -> Vec<(Field, usize)> {
        let file = &self.files[i];
        let error = |message: String, hint: &str| {
            Diagnostic::new(&file.path, line, message).with_hint(hint)
        };
        let Some(&b) = self.index.get(base) else {
            self.diags.push(error(
                format!("unknown model `{base}` in `extends`"),
                "name a model that has a file in `models/`",
            ));
            return Vec::new();
        };
        if self.own[b].is_none() {
            self.diags.push(error(
                format!("`extends` names `{base}`, which is not an object model"),
                "a model can only extend a model with `fields:`",
            ));
            return Vec::new();
        }
        if self.busy[b] || b == i {
            let mut chain = vec![file.name.as_str(), base];
            let mut at = b;
            while let Some((next, _)) = self.files[at].extends.as_ref().filter(|_| at != i) {
                chain.push(next);
                match self.index.get(next.as_str()) {
                    Some(&n) if !chain[..chain.len() - 1].contains(&next.as_str()) => at = n,
                    _ => break,
                }
            }
            self.diags.push(error(
                format!("`extends` cycle: {}", chain.join(" -> ")),
                "a model cannot extend itself, directly or through other models",
            ));
            return Vec::new();
        }
        if depth >= MAX_EXTENDS {
            self.diags.push(error(
                format!("`extends` chain longer than {MAX_EXTENDS} models"),
                "flatten the hierarchy: let models extend a common base instead of each other",
            ));
            return Vec::new();
        }
        self.busy[i] = true;
        let fields = self.flatten_at(b, depth + 1);
        self.busy[i] = false;
        fields
    }
}
