//! Parses the real-world Octokit corpus (test data only, read in place) and checks the
//! counts documented in its README.

use std::collections::BTreeMap;

use client_generator::parse::{parse_dir, HttpMethod, SpecFile};

mod corpus_dir;
use corpus_dir::corpus_dir;

fn corpus() -> Vec<SpecFile> {
    let dir = corpus_dir();
    assert!(
        dir.is_dir(),
        "corpus not found at {}: this test needs the Octokit docs corpus at \
         <workspace>/../shared/corpus/octokit-docs, or set OCTOKIT_CORPUS",
        dir.display()
    );
    let started = std::time::Instant::now();
    match parse_dir(&dir) {
        Ok(specs) => {
            eprintln!("parsed {} files in {:?}", specs.len(), started.elapsed());
            specs
        }
        Err(diags) => panic!("corpus must parse without errors:\n{diags}"),
    }
}

#[test]
fn whole_corpus_parses_with_readme_counts() {
    let specs = corpus();
    assert_eq!(specs.len(), 1044);

    let rows: usize = specs.iter().map(|s| s.params.len()).sum();
    assert_eq!(rows, 4582, "parameter rows");
    let no_params = specs.iter().filter(|s| s.params.is_empty()).count();
    assert_eq!(no_params, 19, "endpoints without parameters");

    let mut methods: BTreeMap<HttpMethod, usize> = BTreeMap::new();
    for s in &specs {
        *methods.entry(s.route.method).or_default() += 1;
    }
    let expected = [
        (HttpMethod::Get, 550),
        (HttpMethod::Post, 172),
        (HttpMethod::Put, 96),
        (HttpMethod::Patch, 62),
        (HttpMethod::Delete, 164),
    ];
    assert_eq!(methods, BTreeMap::from(expected));

    let renamed = specs.iter().filter(|s| s.renamed_to.is_some()).count();
    assert_eq!(renamed, 29, "renamed aliases");
    assert!(specs
        .iter()
        .filter(|s| s.renamed_to.is_some())
        .all(|s| s.deprecated));

    let scopes: std::collections::BTreeSet<_> = specs.iter().map(|s| s.scope.as_str()).collect();
    assert_eq!(scopes.len(), 42);
    assert_eq!(specs.iter().filter(|s| s.scope == "repos").count(), 206);
}

/// Every recorded line points at the text it claims to: `route:` lines and `<tr><td>name</td>` rows.
#[test]
fn recorded_lines_point_at_the_source() {
    for spec in corpus() {
        let text = std::fs::read_to_string(&spec.path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let at = |n: usize| lines.get(n.wrapping_sub(1)).copied().unwrap_or("");
        assert!(
            at(spec.route_line).starts_with("route: "),
            "{}",
            spec.path.display()
        );
        for row in &spec.params {
            let expect = format!("<tr><td>{}</td>", row.name);
            assert!(
                at(row.line).trim_start().starts_with(&expect),
                "{}:{} should hold the row of `{}`",
                spec.path.display(),
                row.line,
                row.name
            );
            assert!(
                text.contains(&row.description),
                "description of `{}` not verbatim",
                row.name
            );
        }
        if spec.renamed_to.is_some() {
            assert!(
                at(spec.renamed_line).starts_with("**Deprecated:** This method has been renamed")
            );
        }
    }
}

#[test]
fn values_of_well_known_files() {
    let specs = corpus();
    let get = |scope: &str, id: &str| {
        specs
            .iter()
            .find(|s| s.scope == scope && s.method_id == id)
            .unwrap_or_else(|| panic!("{scope}/{id}.md not parsed"))
    };

    let upload = get("repos", "uploadReleaseAsset");
    assert!(upload.route.origin);
    assert_eq!(upload.route.method, HttpMethod::Post);
    assert_eq!(upload.route.query, ["name", "label"]);
    assert_eq!(
        upload.route.path_params().collect::<Vec<_>>(),
        ["owner", "repo", "release_id"]
    );
    assert_eq!(upload.params.len(), 7);
    let label = upload.params.iter().find(|p| p.name == "label").unwrap();
    assert!(!label.required);
    assert_eq!(label.description, "");
    assert!(upload
        .description
        .ends_with("before you can re-upload the new asset."));

    let cache = get("actions", "deleteActionsCacheByKey");
    assert_eq!(cache.route.method, HttpMethod::Delete);
    assert_eq!(cache.route.query, ["key", "ref"]);
    let git_ref = cache.params.iter().find(|p| p.name == "ref").unwrap();
    assert!(
        git_ref.description.contains("`refs/heads/<branch name>`"),
        "Markdown in cells is kept as written: {}",
        git_ref.description
    );

    let compare = get("repos", "compareCommits");
    let parts: Vec<_> = compare.route.path_params().collect();
    assert_eq!(parts, ["owner", "repo", "base", "head"]);

    let dependabot = get("dependabot", "updateRepositoryAccessForOrg");
    assert!(dependabot.description.contains("```json"));
    assert!(dependabot.description.ends_with("```"));
    assert!(!dependabot.description.contains("octokit.rest"));

    let secret = get("actions", "createOrUpdateOrgSecret");
    assert!(secret
        .description
        .contains("#### Example encrypting a secret using Ruby"));

    let alias = get("packages", "getAllPackageVersionsForAPackageOwnedByAnOrg");
    assert!(alias.deprecated);
    assert_eq!(
        alias.renamed_to,
        Some((
            "packages".to_string(),
            "getAllPackageVersionsForPackageOwnedByOrg".to_string()
        ))
    );
    assert!(alias
        .description
        .starts_with("Lists package versions for a package owned by an organization."));

    let feeds = get("activity", "getFeeds");
    assert!(feeds.params.is_empty());
    assert_eq!(
        feeds.docs_url.as_deref(),
        Some("https://docs.github.com/rest/activity/feeds#get-feeds")
    );
}

#[test]
fn corpus_wide_invariants() {
    let specs = corpus();
    let ids: std::collections::BTreeSet<_> = specs
        .iter()
        .map(|s| (s.scope.as_str(), s.method_id.as_str()))
        .collect();
    for s in &specs {
        assert_eq!(s.title, s.name, "{}", s.path.display());
        assert_eq!(s.kind, "API method");
        assert!(s
            .docs_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://docs.github.com/")));
        assert!(s
            .example
            .starts_with(&format!("octokit.rest.{}.{}(", s.scope, s.method_id)));
        assert!(
            !s.description.contains("octokit.rest."),
            "{}",
            s.path.display()
        );
        if let Some((scope, id)) = &s.renamed_to {
            assert!(
                ids.contains(&(scope.as_str(), id.as_str())),
                "{scope}.{id} does not exist"
            );
        }
    }
    let upload_routes = specs.iter().filter(|s| s.route.origin).count();
    assert!(upload_routes >= 1);
}

/// Truncating real files anywhere yields diagnostics, never a panic.
#[test]
fn truncated_corpus_files_do_not_panic() {
    let dir = corpus_dir();
    for name in [
        "repos/updateRepoRuleset.md",
        "repos/uploadReleaseAsset.md",
        "activity/getFeeds.md",
    ] {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut failures = 0;
        for (i, _) in text.char_indices().step_by(11) {
            failures +=
                usize::from(client_generator::parse::parse_spec(&path, &text[..i]).is_err());
        }
        assert!(failures > 0);
    }
}
