//! Using the pages' forms as a browser does: GET a page, POST a form with
//! the CSRF token of the page it is on, follow where a redirect points.

#![allow(dead_code, clippy::unwrap_used)]

use super::{TestApp, csrf_of};

/// A redirect's target.
pub fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_string()
}

/// GETs a page: status and body.
pub async fn get(app: &TestApp, c: &reqwest::Client, path: &str) -> (u16, String) {
    let r = c.get(format!("{}{path}", app.url)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// Posts a form whose token comes from `form_page`.
pub async fn post(
    app: &TestApp,
    c: &reqwest::Client,
    form_page: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let (_, html) = get(app, c, form_page).await;
    let csrf = csrf_of(&html);
    let mut all: Vec<(&str, &str)> = vec![("_csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    c.post(format!("{}{path}", app.url))
        .form(&all)
        .send()
        .await
        .unwrap()
}

/// The id at the end of a `…/{id}?done=…` redirect.
pub fn id_in(location: &str) -> String {
    location
        .split('?')
        .next()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}
