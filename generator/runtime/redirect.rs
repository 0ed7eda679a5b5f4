//! Following redirects ourselves: target resolution and method/body rewriting.

use reqwest::Url;

use super::error::{Error, Result};

/// What to do with a 3xx response.
pub(crate) enum Redirect {
    /// Not a redirect we follow: hand the response to the caller.
    No,
    /// Go to `url`; `to_get` is set when the method becomes GET and the body is dropped.
    To { url: Url, to_get: bool },
}

/// Decide on a response with `status` and `location` to a request `method` at `current`.
pub(crate) fn decide(
    status: u16,
    method: &reqwest::Method,
    current: &Url,
    location: Option<&[u8]>,
) -> Result<Redirect> {
    let to_get = match status {
        // Like fetch (and so Octokit): 301/302 turn POST into GET, 303 turns all but HEAD.
        301 | 302 => *method == reqwest::Method::POST,
        303 => *method != reqwest::Method::GET && *method != reqwest::Method::HEAD,
        // 307/308 keep method and body.
        307 | 308 => false,
        _ => return Ok(Redirect::No),
    };
    let Some(location) = location else {
        return Ok(Redirect::No);
    };
    let location = std::str::from_utf8(location)
        .map_err(|_| Error::Redirect("Location header is not valid UTF-8".into()))?;
    let url = current
        .join(location.trim())
        .map_err(|_| Error::Redirect("Location header is not a valid URL".into()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::Redirect("redirect to a non-http(s) URL".into()));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Error::Redirect(
            "redirect to a URL with credentials (user:password@) refused".into(),
        ));
    }
    Ok(Redirect::To { url, to_get })
}
