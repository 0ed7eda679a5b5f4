use super::changelog::with_section;
use super::version::check;
use super::*;

fn v(s: &str) -> Version {
    Version::parse(s).unwrap()
}

#[test]
fn cargo_rules_for_zero_versions() {
    assert_eq!(allowed_level(v("0.1.0"), v("0.1.1")), Some(Level::Minor));
    assert_eq!(allowed_level(v("0.1.0"), v("0.2.0")), Some(Level::Major));
    assert_eq!(allowed_level(v("0.1.0"), v("1.0.0")), Some(Level::Major));
    assert_eq!(allowed_level(v("0.0.1"), v("0.0.2")), Some(Level::Major));
    assert_eq!(allowed_level(v("1.2.3"), v("1.2.4")), Some(Level::Patch));
    assert_eq!(allowed_level(v("1.2.3"), v("1.3.0")), Some(Level::Minor));
    assert_eq!(allowed_level(v("1.2.3"), v("2.0.0")), Some(Level::Major));
    assert_eq!(allowed_level(v("1.2.3"), v("1.2.3")), Some(Level::Patch));
    assert_eq!(allowed_level(v("1.2.3"), v("1.2.2")), None);
    assert_eq!(Version::parse("1.2"), None);
    assert_eq!(Version::parse("1.2.3-alpha.1"), Some(v("1.2.3")));
}

#[test]
fn a_major_change_needs_the_breaking_number() {
    let c = check("0.1.0", "0.1.1", Some(Level::Major));
    assert!(!c.ok);
    assert_eq!(c.suggested.as_deref(), Some("0.2.0"));
    assert!(c.sentence().contains("needs 0.2.0"), "{}", c.sentence());
    assert!(check("0.1.0", "0.2.0", Some(Level::Major)).ok);
    assert!(check("0.1.0", "0.1.1", Some(Level::Minor)).ok);
    assert!(!check("0.1.0", "0.1.0", Some(Level::Minor)).ok);
    assert!(check("0.1.0", "0.1.0", Some(Level::Patch)).ok);
    assert!(check("0.1.0", "0.1.0", None).ok);
    assert!(!check("1.0.0", "1.0.1", Some(Level::Minor)).ok);
    assert_eq!(
        check("1.0.0", "1.0.1", Some(Level::Minor))
            .suggested
            .as_deref(),
        Some("1.1.0")
    );
    assert!(!check("0.2.0", "0.1.0", None).ok);
}

#[test]
fn every_kind_has_a_unique_kebab_name() {
    let mut names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    assert!(names
        .iter()
        .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Kind::ALL.len());
}

#[test]
fn changelog_sections_are_inserted_first_and_replaced_in_place() {
    let text = "# Changelog\n\nIntro.\n\n## 0.1.0\n\n- old\n";
    let added = with_section(text, "0.2.0", "## 0.2.0\n\n- new\n");
    assert_eq!(
        added,
        "# Changelog\n\nIntro.\n\n## 0.2.0\n\n- new\n\n## 0.1.0\n\n- old\n"
    );
    let replaced = with_section(&added, "0.2.0", "## 0.2.0\n\n- newer\n");
    assert_eq!(
        replaced,
        "# Changelog\n\nIntro.\n\n## 0.2.0\n\n- newer\n\n## 0.1.0\n\n- old\n"
    );
    let last = with_section(&added, "0.1.0", "## 0.1.0\n\n### Fixed\n\n- x\n");
    assert_eq!(
        last,
        "# Changelog\n\nIntro.\n\n## 0.2.0\n\n- new\n\n## 0.1.0\n\n### Fixed\n\n- x\n"
    );
    assert_eq!(
        with_section("# C\n", "1.0.0", "## 1.0.0\n"),
        "# C\n\n## 1.0.0\n"
    );
}
