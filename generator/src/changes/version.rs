//! `--check-version`: whether the bump between the two `crate.yaml` versions covers the
//! changes' level, by Cargo's rules (in `0.y.z` the minor is the breaking number).

use serde::Serialize;

use super::Level;

/// `MAJOR.MINOR.PATCH` of a semantic version (pre-release and build parts are ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
}

impl Version {
    pub fn parse(text: &str) -> Option<Version> {
        let core = text.trim().split(['-', '+']).next()?;
        let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
        let v = Version {
            major: parts.next()??,
            minor: parts.next()??,
            patch: parts.next()??,
        };
        parts.next().is_none().then_some(v)
    }

    /// The smallest version after this one that may hold changes of `level`.
    pub fn bumped(self, level: Level) -> Version {
        let Version {
            major,
            minor,
            patch,
        } = self;
        match (level, major, minor) {
            (Level::Major, 0, 0) | (Level::Minor, 0, 0) | (Level::Patch, 0, 0) => Version {
                patch: patch + 1,
                ..self
            },
            (Level::Major, 0, _) => Version {
                minor: minor + 1,
                patch: 0,
                ..self
            },
            (Level::Major, _, _) => Version {
                major: major + 1,
                minor: 0,
                patch: 0,
            },
            (Level::Minor, 0, _) | (Level::Patch, _, _) => Version {
                patch: patch + 1,
                ..self
            },
            (Level::Minor, _, _) => Version {
                minor: minor + 1,
                patch: 0,
                ..self
            },
        }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// The highest level of change the step `base → new` may carry; `None` when the version
/// went down. The same version allows only patch-level changes (docs need no release); in
/// `0.0.z` every release is breaking.
pub fn allowed_level(base: Version, new: Version) -> Option<Level> {
    if new < base {
        return None;
    }
    if new == base {
        return Some(Level::Patch);
    }
    // The first non-zero number is the breaking one (Cargo's compatibility rule).
    let breaking = if base.major > 0 || new.major > 0 {
        new.major != base.major
    } else if base.minor > 0 || new.minor > 0 {
        new.minor != base.minor
    } else {
        true
    };
    if breaking {
        Some(Level::Major)
    } else if base.major > 0 && new.minor != base.minor {
        Some(Level::Minor)
    } else if base.major == 0 {
        // `0.y.z → 0.y.(z+1)`: compatible, so additions go there (Cargo's 0.x rule).
        Some(Level::Minor)
    } else {
        Some(Level::Patch)
    }
}

/// The outcome of `--check-version`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionCheck {
    pub base: String,
    pub new: String,
    /// The level the changes need (`None`: nothing changed).
    pub required: Option<Level>,
    /// The level the version step allows (`None`: the version went down or is not semver).
    pub allowed: Option<Level>,
    pub ok: bool,
    /// The smallest version that would pass, when this one does not.
    pub suggested: Option<String>,
}

pub(super) fn check(base: &str, new: &str, required: Option<Level>) -> VersionCheck {
    let (b, n) = (Version::parse(base), Version::parse(new));
    let allowed = b.zip(n).and_then(|(b, n)| allowed_level(b, n));
    let ok = match (required, allowed) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(r), Some(a)) => r <= a,
    };
    let suggested = match (ok, b, required) {
        (false, Some(b), Some(r)) if r > Level::Patch => Some(b.bumped(r).to_string()),
        (false, Some(b), _) => Some(b.to_string()),
        _ => None,
    };
    VersionCheck {
        base: base.to_owned(),
        new: new.to_owned(),
        required,
        allowed,
        ok,
        suggested,
    }
}

impl VersionCheck {
    /// One line: `version 0.1.0 → 0.1.1 is too small for a major change (needs 0.2.0)`.
    pub fn sentence(&self) -> String {
        let step = format!("{} → {}", self.base, self.new);
        let need = self.required.map_or("no", |l| l.name());
        match (self.ok, self.allowed) {
            (true, _) => format!("version {step} covers {need} changes"),
            (false, None) => format!(
                "version {step} goes down or is not semver{}",
                self.suggested
                    .as_ref()
                    .map(|s| format!(" (use at least {s})"))
                    .unwrap_or_default()
            ),
            (false, Some(a)) => format!(
                "version {step} allows {} changes, too small for a {need} change (needs {})",
                a.name(),
                self.suggested.as_deref().unwrap_or("a bigger bump")
            ),
        }
    }
}
