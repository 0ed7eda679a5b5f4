/// Result of a request.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong making a request.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be sent or the response not read.
    Transport(reqwest::Error),
    /// GitHub answered with a non-success status.
    Api { status: u16, body: String },
    /// The response body did not decode into the requested type.
    Decode(serde_json::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Transport(e) => write!(f, "transport error: {e}"),
            Error::Api { status, body } => write!(f, "GitHub API error {status}: {body}"),
            Error::Decode(e) => write!(f, "could not decode response: {e}"),
        }
    }
}

impl std::error::Error for Error {}
