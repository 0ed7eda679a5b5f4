//! Where a top-level parameter goes on the wire, following Octokit's request semantics.

use crate::ir::Location;
use crate::parse::HttpMethod;
use crate::parse::{PathPart, Route};

/// Route `{x}` → path; `{?x}` → query; otherwise GET sends the rest as query parameters and
/// every other method as JSON body fields (Octokit's rule: non-GET routes list their query
/// parameters explicitly in a `{?…}` template, so DELETE parameters without one are body fields).
pub fn infer_location(route: &Route, name: &str) -> Location {
    let in_path = route
        .path
        .iter()
        .any(|p| matches!(p, PathPart::Param(n) if n == name));
    if in_path {
        Location::Path
    } else if route.query.iter().any(|q| q == name) || route.method == HttpMethod::Get {
        Location::Query
    } else {
        Location::Body
    }
}

/// A plain `data` parameter that is the only body parameter is the whole request body (raw
/// markdown, an uploaded file), not a JSON field: Octokit sends its `data` option as the body.
pub fn is_raw_body(name: &str, body_params: usize, nested: bool) -> bool {
    name == "data" && body_params == 1 && !nested
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(method: HttpMethod, params: &[&str], query: &[&str]) -> Route {
        let mut path = vec![PathPart::Literal("/x/".into())];
        path.extend(params.iter().map(|p| PathPart::Param(p.to_string())));
        Route {
            method,
            origin: false,
            path,
            query: query.iter().map(|q| q.to_string()).collect(),
        }
    }

    #[test]
    fn path_query_body() {
        let r = route(HttpMethod::Post, &["owner"], &["per_page"]);
        assert_eq!(infer_location(&r, "owner"), Location::Path);
        assert_eq!(infer_location(&r, "per_page"), Location::Query);
        assert_eq!(infer_location(&r, "title"), Location::Body);
        let g = route(HttpMethod::Get, &["owner"], &[]);
        assert_eq!(infer_location(&g, "state"), Location::Query);
        let d = route(HttpMethod::Delete, &[], &["key"]);
        assert_eq!(infer_location(&d, "key"), Location::Query);
        assert_eq!(infer_location(&d, "assignees"), Location::Body);
    }

    #[test]
    fn raw_bodies() {
        assert!(is_raw_body("data", 1, false));
        assert!(!is_raw_body("text", 1, false));
        assert!(!is_raw_body("data", 2, false));
        assert!(!is_raw_body("data", 1, true));
    }
}
