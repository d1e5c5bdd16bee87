//! Test support: a real Koers server on a free loopback port with a fresh
//! SQLite database, HTTP clients for staff and participants, an SSE reader,
//! and a TCP proxy that can cut the network like a venue's Wi-Fi does.

#![allow(dead_code, clippy::unwrap_used)]

pub mod axe;
pub mod browser;
pub mod documents;
pub mod forms;
pub mod proxy;
pub mod sse;

use koers_core::auth::Role;
use koers_core::lang::Lang;
use koers_store::{NewUser, SessionRecord, Store, StoreOptions, User, Workspace};
use koers_web::security::password::hash_password;
use koers_web::{AppState, WebConfig, app};
use serde_json::{Value, json};
use std::net::SocketAddr;

/// The password of every test account.
pub const PASSWORD: &str = "test-password-correct-horse";

/// A running server.
pub struct TestApp {
    pub addr: SocketAddr,
    pub url: String,
    pub state: AppState,
    pub store: Store,
    _dir: tempfile::TempDir,
}

/// Starts a server; `public_url` defaults to its own address.
pub async fn spawn_app_with(configure: impl FnOnce(&mut WebConfig)) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("koers.db").display()
    );
    spawn_app_on(&url, dir, configure).await
}

/// Starts a server on the database at `url` (several servers may share one
/// PostgreSQL database, as app nodes do).
pub async fn spawn_app_on(
    url: &str,
    dir: tempfile::TempDir,
    configure: impl FnOnce(&mut WebConfig),
) -> TestApp {
    let store = Store::open(url, StoreOptions::default()).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let base = format!("http://{addr}");
    let mut config = WebConfig::new(&base, [9u8; 32]);
    configure(&mut config);
    let state = AppState::new(store.clone(), config);
    state.start_change_feed().await.unwrap();
    let router = app(state.clone());
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .unwrap();
    });
    TestApp {
        addr,
        url: base,
        state,
        store,
        _dir: dir,
    }
}

/// Starts a server with the default configuration.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// A fresh HTTP client with its own cookie jar (one browser, one person).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

impl TestApp {
    /// A workspace with a facilitator whose password is [`PASSWORD`].
    pub async fn workspace(&self, slug: &str) -> (Workspace, User) {
        let ws = self
            .store
            .create_workspace(slug, &format!("Gemeente {slug}"))
            .await
            .unwrap();
        let user = self
            .store
            .create_user(NewUser {
                workspace_id: ws.id,
                email: format!("facilitator@{slug}.example"),
                name: format!("Facilitator {slug}"),
                role: Role::Facilitator,
                partner: None,
                password_hash: hash_password(PASSWORD).unwrap(),
            })
            .await
            .unwrap();
        (ws, user)
    }

    /// A session from the partner-evening template (four tables, nine polls).
    pub async fn session(&self, ws: &Workspace, user: &User, title: &str) -> SessionRecord {
        let new = koers_web::session_templates::new_session(
            "ketenavond",
            Lang::Nl,
            ws.id,
            Some(user.id),
            title.into(),
        );
        self.store.create_session(new).await.unwrap()
    }

    /// A client logged in to the console through the login form.
    pub async fn console_client(&self, email: &str) -> reqwest::Client {
        let c = client();
        let page = c
            .get(format!("{}/login", self.url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let r = c
            .post(format!("{}/login", self.url))
            .form(&[
                ("_csrf", csrf_of(&page).as_str()),
                ("email", email),
                ("password", PASSWORD),
                ("next", "/console"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "console login");
        c
    }

    /// Posts a `multipart/form-data` body made by [`multipart`].
    pub async fn post_multipart(
        &self,
        c: &reqwest::Client,
        path: &str,
        body: Vec<u8>,
    ) -> reqwest::Response {
        c.post(format!("{}{path}", self.url))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// Logs in through the API; returns the bearer token.
    pub async fn bearer(&self, user: &User) -> String {
        let r = client()
            .post(format!("{}/api/v1/auth/login", self.url))
            .json(&json!({ "email": user.email, "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "login");
        r.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Joins through the API; returns the participant token.
    pub async fn join(&self, code: &str) -> String {
        let r = client()
            .post(format!("{}/api/v1/join", self.url))
            .json(&json!({ "code": code }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201, "join");
        r.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// A steering action through the API.
    pub async fn control(
        &self,
        bearer: &str,
        session: &SessionRecord,
        action: &str,
        activity: Option<&str>,
    ) -> Value {
        let r = client()
            .post(format!(
                "{}/api/v1/sessions/{}/control",
                self.url, session.id
            ))
            .bearer_auth(bearer)
            .json(&json!({ "action": action, "activity_id": activity }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "control {action}");
        r.json().await.unwrap()
    }

    /// Sends an answer as a participant; returns (status, body).
    pub async fn answer(
        &self,
        token: &str,
        session: &SessionRecord,
        activity: &str,
        client_id: &str,
        answer: Value,
    ) -> (u16, Value) {
        let r = client()
            .put(format!(
                "{}/api/v1/sessions/{}/activities/{activity}/answer",
                self.url, session.id
            ))
            .header("authorization", format!("Participant {token}"))
            .json(&json!({ "client_id": client_id, "answer": answer }))
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }

    /// The ids of the session's activities in agenda order.
    pub async fn activity_ids(&self, session: &SessionRecord) -> Vec<String> {
        self.store
            .agenda(session.id)
            .await
            .unwrap()
            .activities
            .iter()
            .map(|a| a.id.to_string())
            .collect()
    }

    /// The tally counts of a choice activity.
    pub async fn counts(&self, bearer: &str, session: &SessionRecord, activity: &str) -> Vec<u64> {
        let r: Value = client()
            .get(format!(
                "{}/api/v1/sessions/{}/activities/{activity}/results",
                self.url, session.id
            ))
            .bearer_auth(bearer)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        r["tally"]["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect()
    }
}

/// The value of the hidden `_csrf` field in a page.
pub fn csrf_of(html: &str) -> String {
    let marker = "name=\"_csrf\" value=\"";
    let start = html.find(marker).expect("a CSRF field") + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}

/// A new client id.
pub fn cid() -> String {
    uuid::Uuid::new_v4().to_string()
}

pub const BOUNDARY: &str = "----koers-test-boundary-7MA4YWxkTrZu0gW";

/// A `multipart/form-data` body with these fields in this order; a field
/// with a file name is a file.
pub fn multipart(fields: &[(&str, Option<&str>, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, filename, value) in fields {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match filename {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(value);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    body
}
