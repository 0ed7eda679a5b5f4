//! Parses a `route:` value — `METHOD [{origin}]/path/{param}[{?a,b}]` — into a [`Route`]
//! (an RFC 6570 subset: simple `{name}` expressions and one trailing `{?a,b}` query part).

use std::collections::HashSet;

use super::{HttpMethod, PathPart, Route};

/// A problem in a route: `(message, hint)`.
pub(crate) type RouteError = (String, String);

impl HttpMethod {
    /// Parses an upper-case method name.
    pub fn from_name(s: &str) -> Option<HttpMethod> {
        Some(match s {
            "GET" => HttpMethod::Get,
            "POST" => HttpMethod::Post,
            "PUT" => HttpMethod::Put,
            "PATCH" => HttpMethod::Patch,
            "DELETE" => HttpMethod::Delete,
            _ => return None,
        })
    }

    /// The upper-case method name, as written in routes.
    pub fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        }
    }
}

impl Route {
    /// Wire names of the `{param}` parts of the path, in order (without `origin`).
    pub fn path_params(&self) -> impl Iterator<Item = &str> {
        self.path.iter().filter_map(|p| match p {
            PathPart::Param(name) => Some(name.as_str()),
            PathPart::Literal(_) => None,
        })
    }
}

const ORIGIN: &str = "{origin}";

/// Parses a whole route value, reporting every problem found.
pub(crate) fn parse_route(value: &str) -> Result<Route, Vec<RouteError>> {
    let mut errors = Vec::new();
    let value = value.trim();
    let (method_str, rest) = match value.split_once(char::is_whitespace) {
        Some((m, rest)) => (m, rest.trim_start()),
        None => (value, ""),
    };
    let method = HttpMethod::from_name(method_str);
    if method.is_none() {
        let upper = method_str.to_ascii_uppercase();
        let hint = match HttpMethod::from_name(&upper) {
            Some(m) => format!("HTTP methods are written in upper case: `{}`", m.as_str()),
            None => "write the route as `METHOD /path`, with METHOD one of GET, POST, PUT, PATCH, DELETE"
                .to_string(),
        };
        errors.push((format!("unknown HTTP method `{method_str}` in route"), hint));
    }
    let (origin, path_str) = match rest.strip_prefix(ORIGIN) {
        Some(p) => (true, p),
        None => (false, rest),
    };
    if rest.is_empty() {
        errors.push((
            "route has no path".to_string(),
            "write the route as `METHOD /path`, e.g. `GET /repos/{owner}/{repo}`".to_string(),
        ));
    } else if !path_str.starts_with('/') {
        errors.push((
            format!("route path `{path_str}` does not start with `/`"),
            "write the route as `METHOD /path` (upload endpoints: `METHOD {origin}/path`)"
                .to_string(),
        ));
    }
    let (path, query) = parse_template(path_str, &mut errors);
    match method {
        Some(method) if errors.is_empty() => Ok(Route {
            method,
            origin,
            path,
            query,
        }),
        _ => Err(errors),
    }
}

/// Splits a path template into parts and the `{?a,b}` query names.
fn parse_template(s: &str, errors: &mut Vec<RouteError>) -> (Vec<PathPart>, Vec<String>) {
    let mut parts = Vec::new();
    let mut query: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut literal = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        match c {
            '{' => {
                let body_and_more = &rest[1..];
                // The next brace must be the closing one (one scan: no quadratic work).
                let next = body_and_more.find(['{', '}']);
                let Some(close) = next.filter(|&i| body_and_more[i..].starts_with('}')) else {
                    errors.push((
                        format!("unbalanced braces in route path `{s}`: `{{` is never closed"),
                        "close every `{name}` with `}`".to_string(),
                    ));
                    return (parts, query);
                };
                let expr = &body_and_more[..close];
                rest = &body_and_more[close + 1..];
                if !query.is_empty() {
                    errors.push((
                        format!(
                            "`{{{expr}}}` follows the `{{?...}}` query part in route path `{s}`"
                        ),
                        "the `{?a,b}` query part must come last".to_string(),
                    ));
                }
                if let Some(names) = expr.strip_prefix('?') {
                    for name in names.split(',') {
                        if check_name(name, s, errors) {
                            note_name(name, &mut seen, s, errors);
                            query.push(name.to_string());
                        }
                    }
                } else if check_name(expr, s, errors) {
                    note_name(expr, &mut seen, s, errors);
                    if !literal.is_empty() {
                        parts.push(PathPart::Literal(std::mem::take(&mut literal)));
                    }
                    parts.push(PathPart::Param(expr.to_string()));
                }
            }
            '}' => {
                errors.push((
                    format!("unbalanced braces in route path `{s}`: `}}` without `{{`"),
                    "remove the stray `}` or add the missing `{`".to_string(),
                ));
                rest = &rest[1..];
            }
            c if c.is_whitespace() => {
                errors.push((
                    format!("whitespace in route path `{s}`"),
                    "a route is `METHOD /path` with no spaces in the path".to_string(),
                ));
                return (parts, query);
            }
            c => {
                if !query.is_empty() {
                    errors.push((
                        format!("text follows the `{{?...}}` query part in route path `{s}`"),
                        "the `{?a,b}` query part must come last".to_string(),
                    ));
                    return (parts, query);
                }
                literal.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !literal.is_empty() {
        parts.push(PathPart::Literal(literal));
    }
    (parts, query)
}

/// Checks one parameter name; `false` (with an error recorded) when unusable.
fn check_name(name: &str, route: &str, errors: &mut Vec<RouteError>) -> bool {
    if name.is_empty() {
        errors.push((
            format!("empty `{{}}` in route path `{route}`"),
            "put a parameter name between the braces, e.g. `{owner}`".to_string(),
        ));
        return false;
    }
    let valid = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if !valid {
        let hint = match name.chars().next() {
            Some(op @ ('+' | '#' | '.' | '/' | ';' | '&')) => format!(
                "the RFC 6570 operator `{op}` is not supported; use `{{name}}` or a trailing `{{?a,b}}`"
            ),
            _ => "parameter names use letters, digits, `_` and `-` only".to_string(),
        };
        errors.push((
            format!("invalid parameter `{{{name}}}` in route path `{route}`"),
            hint,
        ));
    }
    valid
}

fn note_name(name: &str, seen: &mut HashSet<String>, route: &str, errors: &mut Vec<RouteError>) {
    if !seen.insert(name.to_string()) {
        errors.push((
            format!("duplicate parameter `{{{name}}}` in route path `{route}`"),
            "each parameter may appear only once in a route".to_string(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> PathPart {
        PathPart::Literal(s.to_string())
    }
    fn param(s: &str) -> PathPart {
        PathPart::Param(s.to_string())
    }
    fn messages(route: &str) -> Vec<String> {
        parse_route(route)
            .unwrap_err()
            .into_iter()
            .map(|e| e.0)
            .collect()
    }

    #[test]
    fn plain_route() {
        let r = parse_route("GET /repos/{owner}/{repo}").unwrap();
        assert_eq!(r.method, HttpMethod::Get);
        assert!(!r.origin);
        assert_eq!(
            r.path,
            vec![lit("/repos/"), param("owner"), lit("/"), param("repo")]
        );
        assert!(r.query.is_empty());
        assert_eq!(r.path_params().collect::<Vec<_>>(), ["owner", "repo"]);
    }

    #[test]
    fn query_part() {
        let r = parse_route("DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}").unwrap();
        assert_eq!(r.method, HttpMethod::Delete);
        assert_eq!(r.query, ["key", "ref"]);
        assert_eq!(r.path.last(), Some(&lit("/actions/caches")));
    }

    #[test]
    fn origin_route() {
        let r = parse_route(
            "POST {origin}/repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
        )
        .unwrap();
        assert!(r.origin);
        assert_eq!(r.path[0], lit("/repos/"));
        assert_eq!(
            r.path_params().collect::<Vec<_>>(),
            ["owner", "repo", "release_id"]
        );
        assert_eq!(r.query, ["name", "label"]);
    }

    #[test]
    fn params_inside_one_segment() {
        let r = parse_route("GET /repos/{owner}/{repo}/compare/{base}...{head}").unwrap();
        assert_eq!(&r.path[5..], &[param("base"), lit("..."), param("head")]);
    }

    #[test]
    fn method_errors() {
        assert_eq!(
            messages("FETCH /x"),
            ["unknown HTTP method `FETCH` in route"]
        );
        let err = parse_route("get /x").unwrap_err();
        assert!(err[0].1.contains("`GET`"), "{err:?}");
    }

    #[test]
    fn brace_errors() {
        assert!(messages("GET /a/{b")[0].contains("`{` is never closed"));
        assert!(messages("GET /a/{b{c}}")[0].contains("`{` is never closed"));
        assert!(messages("GET /a/b}")[0].contains("`}` without `{`"));
        assert!(messages("GET /a/{}/c")[0].starts_with("empty `{}`"));
        assert!(messages("GET /a/{?x,}")[0].starts_with("empty `{}`"));
        assert!(messages("GET /a/{x}/{x}")[0].starts_with("duplicate parameter `{x}`"));
        assert!(messages("GET /a/{x}{?x}")[0].starts_with("duplicate parameter `{x}`"));
        assert!(messages("GET /a{?q}/b")[0].starts_with("text follows"));
        assert!(messages("GET /a/{+x}")[0].starts_with("invalid parameter"));
    }

    #[test]
    fn several_errors_at_once() {
        let errs = messages("FETCH /a/{}/{b}/{b}");
        assert_eq!(errs.len(), 3, "{errs:?}");
    }

    #[test]
    fn path_shape_errors() {
        assert_eq!(messages("GET"), ["route has no path"]);
        assert!(messages("GET repos")[0].contains("does not start with `/`"));
        assert!(messages("GET /a b")[0].starts_with("whitespace"));
    }

    #[test]
    fn non_ascii_is_safe() {
        let r = parse_route("GET /ä/{x}/ö").unwrap();
        assert_eq!(r.path, vec![lit("/ä/"), param("x"), lit("/ö")]);
        assert!(parse_route("GET /{ä}").is_err());
    }
}
