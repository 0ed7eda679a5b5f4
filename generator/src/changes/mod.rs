//! `changes`: what a spec change does to the generated crate's users. Compares the API model
//! and models two spec trees build (not their text) and gives each change a kind and a semver level.

mod base;
mod changelog;
mod endpoints;
mod models;
mod params;
mod report;
mod tar;
mod version;

#[cfg(test)]
mod tests;

use std::path::Path;

use serde::Serialize;

use crate::diag::Diagnostics;
use crate::model::Api;
use crate::package::{Overrides, Package};

pub use changelog::update_changelog;
pub use version::{allowed_level, Version, VersionCheck};

/// The semver level a change needs. Ordered: `Patch < Minor < Major`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Nothing a user's code can observe at compile time changes (docs, wire details).
    Patch,
    /// Something is added or deprecated; every user's code still compiles.
    Minor,
    /// Some user's code may stop compiling (or decoding) with the new crate.
    Major,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Patch => "patch",
            Level::Minor => "minor",
            Level::Major => "major",
        }
    }
}

macro_rules! kinds {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $level:ident;)*) => {
        /// What kind of change a [`Change`] is: a stable kebab-case id with a fixed level.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub enum Kind {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)*
        }

        impl Kind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The stable id used in every format (`required-parameter-added`).
            pub fn name(self) -> &'static str {
                match self { $(Kind::$variant => $name,)* }
            }

            /// The semver level this kind needs.
            pub fn level(self) -> Level {
                match self { $(Kind::$variant => Level::$level,)* }
            }
        }
    };
}

kinds! {
    /// An endpoint (its method) is gone.
    EndpointRemoved = "endpoint-removed", Major;
    /// A method is gone and another with the same route appeared, without a deprecated forward.
    MethodRenamed = "method-renamed", Major;
    /// A method's request body changed between JSON, raw bytes and none, or the raw body's
    /// `content_type` argument appeared or went away.
    RequestBodyChanged = "request-body-changed", Major;
    /// `send()` returns another Rust type.
    ReturnTypeChanged = "return-type-changed", Major;
    /// A new required parameter: a new argument of the method.
    RequiredParameterAdded = "required-parameter-added", Major;
    /// A new field in a parameter's struct (`committer.date`): struct literals stop compiling.
    ParameterFieldAdded = "parameter-field-added", Major;
    /// A parameter (argument, setter or struct field) is gone.
    ParameterRemoved = "parameter-removed", Major;
    /// An optional parameter became required: a setter became an argument.
    ParameterBecameRequired = "parameter-became-required", Major;
    /// A required parameter became optional: an argument became a setter.
    ParameterBecameOptional = "parameter-became-optional", Major;
    /// A parameter's Rust type changed (`i64` to `String`, a string to an enum, ...).
    ParameterTypeChanged = "parameter-type-changed", Major;
    /// A parameter became a timestamp or stopped being one (`string` <-> `timestamp`): with the
    /// crate's `timestamps` feature its Rust type changes (without it both are `String`).
    ParameterTimestampChanged = "parameter-timestamp-changed", Major;
    /// A parameter's enum stopped being a shared type or became another one: code naming
    /// the old shared type may no longer compile.
    ParameterEnumTypeChanged = "parameter-enum-type-changed", Major;
    /// A parameter became nullable or stopped being: its setter takes `Option<T>` or `T`.
    ParameterNullabilityChanged = "parameter-nullability-changed", Major;
    /// A value is gone from a parameter's enum: its variant is gone.
    ParameterEnumValueRemoved = "parameter-enum-value-removed", Major;
    /// An endpoint became a forward to its new name: its request builder module and type
    /// (`things::get_old::GetOld`) are gone, the forward returns the new method's builder.
    RequestBuilderRemoved = "request-builder-removed", Major;
    /// A model (response type) is gone.
    ModelRemoved = "model-removed", Major;
    /// A model changed between object, enum and one-of.
    ModelKindChanged = "model-kind-changed", Major;
    /// A field is gone from a response model.
    ModelFieldRemoved = "model-field-removed", Major;
    /// A field was added to a response model. Generated structs are not `#[non_exhaustive]`
    /// and all their fields are public, so a struct literal stops compiling: major.
    ModelFieldAdded = "model-field-added", Major;
    /// A model field's type became `Option<T>` (it may now be absent or `null`).
    ModelFieldBecameOptional = "model-field-became-optional", Major;
    /// A model field's Rust type changed otherwise (including `Option<T>` to `T`).
    ModelFieldTypeChanged = "model-field-type-changed", Major;
    /// A model field became a timestamp or stopped being one (`String` <-> `Timestamp`): with
    /// the crate's `timestamps` feature its Rust type changes (without it both are `String`).
    ModelFieldTimestampChanged = "model-field-timestamp-changed", Major;
    /// A value is gone from a model enum.
    ModelEnumValueRemoved = "model-enum-value-removed", Major;
    /// A one-of model gained a variant: its enum is exhaustive, so `match`es break.
    ModelVariantAdded = "model-variant-added", Major;
    /// A one-of model lost a variant (or its array variant changed).
    ModelVariantRemoved = "model-variant-removed", Major;
    /// A new endpoint (method).
    EndpointAdded = "endpoint-added", Minor;
    /// A new optional top-level parameter: a new setter.
    OptionalParameterAdded = "optional-parameter-added", Minor;
    /// A parameter's enum became a shared type (`params::Direction`); its old path
    /// (`issues::list::Direction`) is re-exported, so code naming it still compiles.
    ParameterEnumShared = "parameter-enum-shared", Minor;
    /// A new value in a parameter's enum (the enums are `#[non_exhaustive]`).
    ParameterEnumValueAdded = "parameter-enum-value-added", Minor;
    /// An endpoint became deprecated: its method gets `#[deprecated]`.
    EndpointDeprecated = "endpoint-deprecated", Minor;
    /// A method was renamed and kept as a `#[deprecated]` forward to its new name.
    MethodRenamedWithForward = "method-renamed-with-forward", Minor;
    /// A parameter became deprecated: its setter gets `#[deprecated]`.
    ParameterDeprecated = "parameter-deprecated", Minor;
    /// A new model (response type).
    ModelAdded = "model-added", Minor;
    /// A new value in a model enum (the enums are `#[non_exhaustive]`).
    ModelEnumValueAdded = "model-enum-value-added", Minor;
    /// An endpoint or parameter is no longer deprecated (removing `#[deprecated]` breaks nothing).
    Undeprecated = "undeprecated", Patch;
    /// Same method and signature, another route (the request goes elsewhere).
    RouteChanged = "route-changed", Patch;
    /// A parameter moved between path, query, body and header (same Rust signature).
    ParameterLocationChanged = "parameter-location-changed", Patch;
    /// Declared statuses changed without changing the Rust return type.
    ResponseStatusesChanged = "response-statuses-changed", Patch;
    /// Whether the endpoint triggers notifications (the throttle spaces such calls).
    NotificationsChanged = "notifications-changed", Patch;
    /// A one-of model's discriminator changed (which variant an answer decodes into).
    ModelDiscriminatorChanged = "model-discriminator-changed", Patch;
    /// Only documentation changed (titles, descriptions, docs links, model docs).
    DocumentationChanged = "documentation-changed", Patch;
}

/// Which tree a change's `file` is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Base,
    New,
}

/// One change: listed once, with its kind and level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: Kind,
    pub level: Level,
    /// The endpoint's scope (`issues`), or `models` for model changes.
    pub scope: String,
    /// `issues.create` or a model name (`FullRepository`).
    pub subject: String,
    /// The parameter, field, value or variant concerned, when there is one.
    pub item: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
    /// One sentence saying what changed.
    pub message: String,
    /// The file and line showing it: in the new tree, or in the base tree for removals.
    pub file: String,
    pub line: usize,
    pub side: Side,
}

impl Change {
    fn new(
        kind: Kind,
        scope: &str,
        subject: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Change {
            kind,
            level: kind.level(),
            scope: scope.to_owned(),
            subject: subject.into(),
            item: None,
            before: None,
            after: None,
            message: message.into(),
            file: String::new(),
            line: 0,
            side: Side::New,
        }
    }

    fn item(mut self, item: impl Into<String>) -> Self {
        self.item = Some(item.into());
        self
    }

    fn values(mut self, before: Option<String>, after: Option<String>) -> Self {
        self.before = before;
        self.after = after;
        self
    }

    fn at(mut self, side: Side, file: &Path, line: usize) -> Self {
        self.side = side;
        self.file = file.display().to_string();
        self.line = line;
        self
    }
}

/// The comparison of two trees: every change, and both crate versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// What `--base` named (a folder or a git revision).
    pub base_label: String,
    pub changes: Vec<Change>,
    /// `version` of `crate.yaml` in the base and the new tree.
    pub base_version: String,
    pub new_version: String,
}

impl Report {
    /// The highest level of any change; `None` when nothing changed.
    pub fn level(&self) -> Option<Level> {
        self.changes.iter().map(|c| c.level).max()
    }

    /// How many changes of each level.
    pub fn count(&self, level: Level) -> usize {
        self.changes.iter().filter(|c| c.level == level).count()
    }

    /// Whether the version bump covers the changes (Cargo's rules for `0.x`).
    pub fn version_check(&self) -> VersionCheck {
        version::check(&self.base_version, &self.new_version, self.level())
    }

    /// rustc-style entries like `diff-upstream`'s, then a summary line.
    pub fn text(&self) -> String {
        report::text(self)
    }

    /// A pull-request comment: a summary line, then sections by level, then by scope.
    pub fn markdown(&self) -> String {
        report::markdown(self)
    }

    /// The stable JSON shape (`"format": 1`, see the README).
    pub fn json(&self) -> String {
        report::json(self)
    }
}

/// Compare two built APIs (the base first). Changes come sorted: by level (major first),
/// scope, subject, kind and item.
pub fn compare(base: &Api, new: &Api) -> Vec<Change> {
    let mut changes = endpoints::compare(base, new);
    changes.extend(models::compare(base, new));
    changes.sort_by(|a, b| {
        (b.level, &a.scope, &a.subject, a.kind, &a.item)
            .cmp(&(a.level, &b.scope, &b.subject, b.kind, &b.item))
    });
    changes
}

/// Load one tree: its API and its package, problems of both together.
fn load(specs: &Path) -> Result<(Api, Package), Diagnostics> {
    let config = crate::Config::new().specs(specs);
    match (config.load(), Package::load(specs, &Overrides::default())) {
        (Ok(api), Ok(package)) => Ok((api, package)),
        (api, package) => {
            let mut diags = api.err().unwrap_or_default();
            diags.extend(package.err().unwrap_or_default());
            Err(diags)
        }
    }
}

/// Compare the tree `base` (a specs folder, or a git revision whose copy of `specs` is
/// read from `git archive` in memory) with `specs`. Both trees load in parallel.
pub fn run(base: &str, specs: &Path) -> Result<Report, Diagnostics> {
    // The base (with `git archive` for a revision) is read while the new tree loads.
    let (old, new) = std::thread::scope(|s| {
        let old = s.spawn(|| base::resolve(base, specs)?.load());
        let new = load(specs);
        (old.join(), new)
    });
    let old = old.unwrap_or_else(|_| {
        Err(
            crate::diag::Diagnostic::new(base, 0, "internal error: loading the base panicked")
                .into(),
        )
    });
    let (old, new) = match (old, new) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let mut diags = old.err().unwrap_or_default();
            diags.extend(new.err().unwrap_or_default());
            return Err(diags);
        }
    };
    let changes = compare(&old.0, &new.0);
    Ok(Report {
        base_label: base.to_owned(),
        changes,
        base_version: old.1.version,
        new_version: new.1.version,
    })
}
