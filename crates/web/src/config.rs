//! Configuration of the web layer, loaded once at start.

use std::fmt;

/// Settings the web layer needs.
#[derive(Clone)]
pub struct WebConfig {
    /// The URL people use to reach Koers, without a trailing slash
    /// (`https://koers.landsmeer.nl`). Used in printed links and QR codes.
    pub public_url: String,
    /// Set the `Secure` flag on cookies (on when the public URL is https).
    pub secure_cookies: bool,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy you run).
    pub trust_forwarded_for: bool,
    /// Contact for `/.well-known/security.txt` (`mailto:…` or `https://…`).
    pub security_contact: Option<String>,
    /// Extra CSS loaded after Koers' own (a municipality's NL Design System theme tokens).
    pub theme_css: Option<String>,
    /// Secret key for signing CSRF tokens. Must be the same on every app node.
    pub secret: [u8; 32],
}

impl WebConfig {
    /// A configuration for `public_url` with a secret key; cookies are
    /// `Secure` when the URL is https.
    pub fn new(public_url: &str, secret: [u8; 32]) -> WebConfig {
        let public_url = public_url.trim_end_matches('/').to_string();
        WebConfig {
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            trust_forwarded_for: false,
            security_contact: None,
            theme_css: None,
            secret,
        }
    }

    /// The host (and port) part of the public URL, as shown to participants.
    pub fn public_host(&self) -> &str {
        let rest = self
            .public_url
            .split_once("://")
            .map(|(_, r)| r)
            .unwrap_or(&self.public_url);
        rest.split('/').next().unwrap_or(rest)
    }
}

impl fmt::Debug for WebConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebConfig")
            .field("public_url", &self.public_url)
            .field("secure_cookies", &self.secure_cookies)
            .field("trust_forwarded_for", &self.trust_forwarded_for)
            .field("security_contact", &self.security_contact)
            .field("theme_css", &self.theme_css.as_ref().map(|c| c.len()))
            .field("secret", &"<redacted>")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_never_shows_in_debug_output() {
        let c = WebConfig::new("https://koers.example.nl/", [7; 32]);
        let dbg = format!("{c:?}");
        assert!(dbg.contains("<redacted>") && !dbg.contains("[7, 7"));
        assert!(c.secure_cookies);
        assert_eq!(c.public_host(), "koers.example.nl");
    }
}
