//! The conformance calls of hand-built endpoints: sample values and the names they use.

use super::*;
use crate::codegen::tests::{api, choices_endpoint, endpoint, has, issues_create, lacks, param};
use crate::model::{Location, Type};

fn source(endpoints: Vec<Endpoint>) -> String {
    calls_source(&api(endpoints), "github_rest_client")
}

#[test]
fn required_call_passes_arguments_and_full_call_sets_every_setter() {
    let src = source(vec![issues_create()]);
    assert!(src.starts_with(CALLS_MARKER), "{src}");
    has(
        &src,
        &[
            "pub mod issues { #[allow(unused_imports)] use crate::harness::{Fut, Run};",
            "pub fn create_required(h: &Run) -> Fut<'_> { Box::pin(async move { h.untyped(",
            r#".issues().create(String::from("octocat"), String::from("octocat"), String::from("octocat"))"#,
            "pub fn create_full(h: &Run) -> Fut<'_>",
            // A nullable optional parameter takes `Option<T>`; an enum its first variant.
            ".milestone(Some(::github_rest_client::runtime::IntOrString::Int(1)))",
            ".state(::github_rest_client::issues::create::State::Open)",
            r#".labels(vec![String::from("octocat")])"#,
        ],
    );
    // Without declared responses the call is untyped.
    has(&src, &["h.untyped(", ".send().await"]);
    has(
        &src,
        &[
            r#"crate::harness::Call { scope: "issues", id: "create", method: "POST", route: "/repos/{owner}/{repo}/issues", statuses: &[], typed: false, alias_of: None, required: issues::create_required, full: Some(issues::create_full), pages: None, }"#,
        ],
    );
}

#[test]
fn alternatives_unions_and_nested_structs_use_the_generated_names() {
    let src = source(vec![choices_endpoint()]);
    has(
        &src,
        &[
            // The first alternative, with its fields; the union's first member.
            ".create(1_i64, ::github_rest_client::things::create::Target::RepositoryId { repository_id: 1_i64, })",
            r#".value(::github_rest_client::things::create::Value::String(String::from("octocat")))"#,
            r#".location(String::from("octocat"))"#,
        ],
    );
}

#[test]
fn nested_optional_fields_are_set_only_in_the_full_call() {
    let mut committer = param("committer", Location::Body, Type::String, false);
    let name = param("committer.name", Location::Body, Type::String, true);
    let mut date = param("committer.date", Location::Body, Type::String, false);
    date.wire_name = "date".into();
    date.rust_name = "date".into();
    let mut name = name;
    name.wire_name = "name".into();
    name.rust_name = "name".into();
    committer.ty = Type::Object {
        fields: vec![name, date],
    };
    let e = endpoint(
        "repos",
        "createCommit",
        HttpMethod::Post,
        "/repos/{owner}/{repo}/commits",
        vec![
            param("owner", Location::Path, Type::String, true),
            committer,
        ],
    );
    let src = source(vec![e]);
    has(
        &src,
        &[
            r#".committer(::github_rest_client::repos::create_commit::Committer { name: String::from("octocat"), date: Some(String::from("2024-01-01T00:00:00Z")), })"#,
        ],
    );
    // The required-only call has no setters.
    let required = src.split("pub fn create_commit_full").next().unwrap();
    lacks(required, &[".committer("]);
}

#[test]
fn strings_follow_github_formats_and_lists() {
    let body = Location::Body;
    assert_eq!(
        sample_string("GET /x", "since", Location::Query),
        "2024-01-01T00:00:00Z"
    );
    assert_eq!(
        sample_string("GET /x", "closed_at", body),
        "2024-01-01T00:00:00Z"
    );
    assert_eq!(
        sample_string("GET /x", "html_url", body),
        "https://example.com/octocat"
    );
    assert_eq!(sample_string("GET /x", "ref", body), "refs/heads/main");
    assert_eq!(sample_string("GET /x", "ref", Location::Path), "main");
    assert_eq!(sample_string("GET /x", "owner", Location::Path), "octocat");
    // A value of GitHub's list where its description has one for this route and name …
    let route = route_key("GET", "/orgs/{org}/packages/{package_type}/{package_name}");
    assert_eq!(route, "GET /orgs/{}/packages/{}/{}");
    assert_eq!(sample_string(&route, "package_type", Location::Path), "npm");
    // … and not elsewhere (`path` is an enum of Pages' source, a file path in contents).
    let contents = route_key("GET", "/repos/{owner}/{repo}/contents/{path}");
    assert_eq!(sample_string(&contents, "path", Location::Path), "octocat");
    // A URL where the description gives the string `format: uri` though the name does not
    // say so (an artifact's storage `path`).
    let record = route_key("POST", "/orgs/{org}/artifacts/metadata/storage-record");
    assert_eq!(
        sample_string(&record, "path", body),
        "https://example.com/octocat"
    );
}

#[test]
fn the_sample_table_is_sorted_for_binary_search() {
    let routes: Vec<&str> = samples::BY_ROUTE.iter().map(|(r, _)| *r).collect();
    let mut sorted = routes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(routes, sorted);
}
