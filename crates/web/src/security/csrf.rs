//! CSRF protection for every state-changing request made with cookies.
//!
//! Signed double submit: a random nonce lives in a `SameSite=Strict`,
//! `HttpOnly` cookie; forms carry `HMAC(secret, nonce)` in a hidden field
//! (`_csrf`; the first field of a `multipart/form-data` form) and scripts
//! send it in the `X-CSRF-Token` header. Another site can neither read the
//! cookie nor compute the signature.
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
/// How much of a multipart body the check reads to find the token.
const MAX_MULTIPART_PREFIX: usize = 8 * 1024;

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
        let boundary = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(multipart_boundary);
        let body = if is_form && provided.is_none() {
            let bytes = match axum::body::to_bytes(body, MAX_FORM).await {
                Ok(b) => b,
                Err(_) => return AppError::PayloadTooLarge.into_response(),
            };
            provided = form_urlencoded::parse(&bytes)
                .find(|(k, _)| k == FIELD)
                .map(|(_, v)| v.into_owned());
            Body::from(bytes)
        } else if let Some(boundary) = boundary.filter(|_| provided.is_none()) {
            let (token, body) = match multipart_token(body, &boundary).await {
                Ok(found) => found,
                Err(e) => return e.into_response(),
            };
            provided = token;
            body
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

/// The boundary of a `multipart/form-data` content type.
fn multipart_boundary(content_type: &str) -> Option<String> {
    let (mime, params) = content_type.split_once(';')?;
    if !mime.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("boundary"))
        .map(|(_, v)| v.trim().trim_matches('"').to_string())
        .filter(|b| !b.is_empty() && b.len() <= 70)
}

/// Reads the start of a multipart body, just far enough to find the token
/// in its first field, and gives back the whole body. A file upload can be
/// megabytes; the token is in the first few hundred bytes, because a
/// browser sends fields in the form's order and Koers' forms start with it.
async fn multipart_token(body: Body, boundary: &str) -> Result<(Option<String>, Body), AppError> {
    use futures::StreamExt;
    let mut stream = body.into_data_stream();
    let mut prefix: Vec<u8> = Vec::new();
    let mut token = None;
    while prefix.len() < MAX_MULTIPART_PREFIX {
        match stream.next().await {
            Some(Ok(chunk)) => prefix.extend_from_slice(&chunk),
            Some(Err(_)) => return Err(AppError::BadRequest),
            None => break,
        }
        token = first_field_token(&prefix, boundary);
        if token.is_some() {
            break;
        }
    }
    let head =
        futures::stream::once(async move { Ok::<_, axum::Error>(axum::body::Bytes::from(prefix)) });
    Ok((token, Body::from_stream(head.chain(stream))))
}

/// The value of a multipart body's first field, if that field is `_csrf`
/// and complete in `prefix`.
fn first_field_token(prefix: &[u8], boundary: &str) -> Option<String> {
    fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }
    let rest = prefix.strip_prefix(format!("--{boundary}\r\n").as_bytes())?;
    let head_end = find(rest, b"\r\n\r\n")?;
    let head = std::str::from_utf8(&rest[..head_end]).ok()?;
    let is_token_field = head.split("\r\n").any(|line| {
        line.split_once(':').is_some_and(|(name, value)| {
            name.trim().eq_ignore_ascii_case("content-disposition")
                && value
                    .split(';')
                    .any(|p| matches!(p.trim(), "name=\"_csrf\"" | "name=_csrf"))
        })
    });
    if !is_token_field {
        return None;
    }
    let value = &rest[head_end + 4..];
    let end = find(value, format!("\r\n--{boundary}").as_bytes())?;
    std::str::from_utf8(&value[..end]).ok().map(str::to_string)
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
    fn a_multipart_token_is_read_only_from_the_first_field() {
        let b = "----geckoformboundary1a2b";
        assert_eq!(
            multipart_boundary(&format!("multipart/form-data; boundary={b}")).as_deref(),
            Some(b)
        );
        assert_eq!(
            multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"x y\"").as_deref(),
            Some("x y")
        );
        assert_eq!(multipart_boundary("text/plain; boundary=x"), None);
        assert_eq!(multipart_boundary("multipart/form-data"), None);
        let body = |first: &str| {
            format!(
                "--{b}\r\nContent-Disposition: form-data; name=\"{first}\"\r\n\r\nTOKEN\r\n\
                 --{b}\r\nContent-Disposition: form-data; name=\"archive\"; filename=\"a.json\"\r\n\
                 Content-Type: application/json\r\n\r\n{{}}\r\n--{b}--\r\n"
            )
        };
        assert_eq!(
            first_field_token(body("_csrf").as_bytes(), b).as_deref(),
            Some("TOKEN")
        );
        assert_eq!(first_field_token(body("archive").as_bytes(), b), None);
        assert_eq!(first_field_token(body("_csrf_x").as_bytes(), b), None);
        // Not yet complete: read on.
        assert_eq!(first_field_token(&body("_csrf").as_bytes()[..80], b), None);
        // Another boundary than announced.
        assert_eq!(first_field_token(body("_csrf").as_bytes(), "other"), None);
    }

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
