//! CSRF protection for every state-changing request made with cookies.
//!
//! Signed double submit: a random nonce lives in a `SameSite=Strict`,
//! `HttpOnly` cookie; forms carry `HMAC(secret, nonce)` in a hidden field
//! (`_csrf`) and scripts send it in the `X-CSRF-Token` header. Another site
//! can neither read the cookie nor compute the signature.
//!
//! Two kinds of request need no token: those that authenticate with an
//! `Authorization` header (no ambient credentials), and JSON requests. A page
//! on another site cannot send `Content-Type: application/json` without a
//! CORS preflight, which Koers never grants, and the JSON extractor refuses
//! any other content type. Both must still come from our own origin when the
//! browser says where they come from.

use crate::error::AppError;
use crate::security::tokens::{is_token_shaped, random_token};
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Name of the cookie holding the nonce.
pub const COOKIE: &str = "koers_csrf";
/// Name of the hidden form field.
pub const FIELD: &str = "_csrf";
/// Name of the header scripts use.
pub const HEADER: &str = "x-csrf-token";
/// Largest form body the check will read.
const MAX_FORM: usize = 256 * 1024;

/// The token to embed in this response's forms (a request extension).
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

fn mac(secret: &[u8; 32], nonce: &str) -> Hmac<Sha256> {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes any key length");
    m.update(b"koers-csrf:");
    m.update(nonce.as_bytes());
    m
}

/// The form token for a nonce.
pub fn sign(secret: &[u8; 32], nonce: &str) -> String {
    URL_SAFE_NO_PAD.encode(mac(secret, nonce).finalize().into_bytes())
}

/// Checks a submitted token against the nonce, in constant time.
pub fn verify(secret: &[u8; 32], nonce: &str, token: &str) -> bool {
    match URL_SAFE_NO_PAD.decode(token.trim()) {
        Ok(bytes) => mac(secret, nonce).verify_slice(&bytes).is_ok(),
        Err(_) => false,
    }
}

fn cookie_value<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn is_unsafe(m: &Method) -> bool {
    !matches!(*m, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The middleware: issues the nonce cookie, exposes the form token to
/// handlers, and refuses unsafe cookie-authenticated requests without a
/// valid token.
pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let secret = state.config().secret;
    let existing = cookie_value(&req, COOKIE)
        .filter(|n| is_token_shaped(n))
        .map(str::to_string);
    let is_new = existing.is_none();
    let nonce = existing.unwrap_or_else(random_token);
    let mut req = req;
    let is_json = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            ct.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/json")
        });
    let exempt = req.headers().contains_key(header::AUTHORIZATION) || is_json;
    if is_unsafe(req.method()) && exempt && !same_origin(req.headers()) {
        tracing::info!("CSRF check refused a cross-origin request");
        return AppError::Csrf.into_response();
    }
    if is_unsafe(req.method()) && !exempt {
        let (parts, body) = req.into_parts();
        let mut provided = parts
            .headers
            .get(HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let is_form = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("application/x-www-form-urlencoded"));
        let body = if is_form && provided.is_none() {
            let bytes = match axum::body::to_bytes(body, MAX_FORM).await {
                Ok(b) => b,
                Err(_) => return AppError::PayloadTooLarge.into_response(),
            };
            provided = form_urlencoded::parse(&bytes)
                .find(|(k, _)| k == FIELD)
                .map(|(_, v)| v.into_owned());
            Body::from(bytes)
        } else {
            body
        };
        let reason = if is_new {
            Some("no CSRF cookie")
        } else if !provided.is_some_and(|t| verify(&secret, &nonce, &t)) {
            Some("missing or wrong token")
        } else if !same_origin(&parts.headers) {
            Some("cross-origin")
        } else {
            None
        };
        if let Some(reason) = reason {
            tracing::info!(reason, "CSRF check refused a request");
            return AppError::Csrf.into_response();
        }
        req = Request::from_parts(parts, body);
    }
    req.extensions_mut()
        .insert(CsrfToken(sign(&secret, &nonce)));
    let mut resp = next.run(req).await;
    if is_new {
        let secure = if state.config().secure_cookies {
            "; Secure"
        } else {
            ""
        };
        let cookie = format!("{COOKIE}={nonce}; Path=/; HttpOnly; SameSite=Strict{secure}");
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

/// A browser always sends `Origin` on cross-site POSTs; when it is there it
/// must name the host the request went to.
fn same_origin(headers: &axum::http::HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let Some(host) = headers.get(header::HOST).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
    origin_host.eq_ignore_ascii_case(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_verifies_only_for_its_nonce_and_secret() {
        let secret = [3u8; 32];
        let t = sign(&secret, "nonce-a");
        assert!(verify(&secret, "nonce-a", &t));
        assert!(!verify(&secret, "nonce-b", &t));
        assert!(!verify(&[4u8; 32], "nonce-a", &t));
        assert!(!verify(&secret, "nonce-a", "garbage!"));
    }
}
