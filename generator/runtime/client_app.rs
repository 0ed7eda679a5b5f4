//! The GitHub App side of the `Client` front: app credentials on the builder, installation
//! clients and their tokens (the credentials themselves are `app_auth.rs`).

use std::sync::Arc;

use super::app_auth::AppAuth;
use super::app_jwt::Issuer;
use super::client::{Client, ClientBuilder};
use super::error::{Error, Result};
use super::method::Method;
use super::request::Request;
use super::secret::Secret;

impl ClientBuilder {
    /// Authenticate as the GitHub App `app_id` with its private key (the PEM file GitHub
    /// generates; PKCS#1 or PKCS#8). The client sends a short-lived RS256 JWT;
    /// [`Client::installation`] gives clients acting as one of its installations.
    /// Fails if the key is not a usable RSA key; the error never quotes it.
    pub fn app(self, app_id: u64, private_key_pem: impl AsRef<[u8]>) -> Result<Self> {
        self.app_as(Issuer::AppId(app_id), private_key_pem.as_ref())
    }

    /// Like [`ClientBuilder::app`], naming the app by its client ID (`Iv1.…`) instead.
    pub fn app_client_id(
        self,
        client_id: impl Into<String>,
        private_key_pem: impl AsRef<[u8]>,
    ) -> Result<Self> {
        let issuer = Issuer::ClientId(client_id.into().into_boxed_str());
        self.app_as(issuer, private_key_pem.as_ref())
    }

    fn app_as(mut self, issuer: Issuer, pem: &[u8]) -> Result<Self> {
        self.app = Some(Arc::new(AppAuth::new(issuer, pem)?));
        Ok(self)
    }
}

impl Client {
    /// A client acting as installation `id` of this GitHub App client: a cheap handle
    /// sharing connections, configuration and the token cache with `self`. Its token is
    /// minted on first use, reused by every clone, and refreshed five minutes before it
    /// expires. Fails if the client was not built with [`ClientBuilder::app`].
    pub fn installation(&self, id: u64) -> Result<Client> {
        if self.inner.layers.app.is_none() {
            return Err(Error::invalid(
                "installation() needs a client built with ClientBuilder::app",
            ));
        }
        Ok(Client {
            inner: self.inner.clone(),
            installation: Some(id),
        })
    }

    /// The installation this client acts as, if it is an installation client.
    pub fn installation_id(&self) -> Option<u64> {
        self.installation
    }

    /// The current token of installation `id` (minted or refreshed if needed), e.g. to
    /// clone over HTTPS. The same token the installation client sends.
    pub async fn installation_token(&self, id: u64) -> Result<Secret> {
        let layers = &self.inner.layers;
        let app = layers.app.as_ref().ok_or_else(|| {
            Error::invalid("installation_token() needs a client built with ClientBuilder::app")
        })?;
        // The deadline of the mint request, as if it were sent on its own.
        let mint = Request::new(
            self,
            Method::Post,
            format!("/app/installations/{id}/access_tokens"),
        );
        let deadline = mint.deadline();
        let transport = &layers.transport;
        app.installation_token(transport, &mint.prepared, id, deadline).await
    }
}
