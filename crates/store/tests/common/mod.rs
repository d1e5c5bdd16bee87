//! Opening fresh stores for tests: a SQLite file in a temporary directory
//! always, and a fresh PostgreSQL database when KOERS_TEST_POSTGRES_URL is set.

#![allow(dead_code, clippy::unwrap_used)]

use koers_core::activity::{ActivityDef, ActivityKind, Audience};
use koers_core::auth::Role;
use koers_core::lang::Lang;
use koers_core::org::OrgType;
use koers_store::{
    NewActivity, NewSession, NewStep, NewUser, SessionRecord, Store, StoreOptions, User, Workspace,
};
use sqlx::Connection;

/// A store and what keeps it alive (the temporary directory or database).
#[derive(Debug)]
pub struct TestStore {
    pub store: Store,
    pub name: &'static str,
    /// The database URL (for tests that look at the tables themselves).
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    /// (admin URL, database) of a PostgreSQL test database, dropped with the store.
    pg_drop: Option<(String, String)>,
}

impl Drop for TestStore {
    fn drop(&mut self) {
        let Some((admin_url, db)) = self.pg_drop.take() else {
            return;
        };
        // Async work cannot run in Drop; a short-lived runtime on its own thread can.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                if let Ok(mut c) = sqlx::AnyConnection::connect(&admin_url).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {db} WITH (FORCE)"
                    )))
                    .execute(&mut c)
                    .await;
                }
            })
        })
        .join();
    }
}

/// The stores to run a test story on.
pub async fn stores() -> Vec<TestStore> {
    let mut out = vec![sqlite().await];
    if let Some(pg) = postgres().await {
        out.push(pg);
    }
    out
}

pub async fn sqlite() -> TestStore {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("koers.db").display()
    );
    let store = Store::open(&url, StoreOptions::default())
        .await
        .expect("open sqlite");
    TestStore {
        store,
        name: "sqlite",
        url,
        _dir: Some(dir),
        pg_drop: None,
    }
}

pub async fn postgres() -> Option<TestStore> {
    let base = std::env::var("KOERS_TEST_POSTGRES_URL").ok()?;
    sqlx::any::install_default_drivers();
    let db = format!("koers_test_{}", uuid::Uuid::new_v4().simple());
    let mut admin = sqlx::AnyConnection::connect(&base)
        .await
        .expect("connect to KOERS_TEST_POSTGRES_URL");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db}")))
        .execute(&mut admin)
        .await
        .expect("create test database");
    let (prefix, _) = base
        .rsplit_once('/')
        .expect("database URL with a database name");
    let url = format!("{prefix}/{db}");
    let store = Store::open(&url, StoreOptions::default())
        .await
        .expect("open postgres");
    Some(TestStore {
        store,
        name: "postgres",
        url,
        _dir: None,
        pg_drop: Some((base.clone(), db)),
    })
}

pub async fn workspace_and_user(store: &Store, slug: &str) -> (Workspace, User) {
    let ws = store
        .create_workspace(slug, &format!("Gemeente {slug}"))
        .await
        .unwrap();
    let user = store
        .create_user(NewUser {
            workspace_id: ws.id,
            email: format!("facilitator@{slug}.example"),
            name: "Facilitator".into(),
            role: Role::Facilitator,
            partner: None,
            password_hash: "not-a-real-hash".into(),
        })
        .await
        .unwrap();
    (ws, user)
}

pub fn single_choice(title: &str, options: &[&str]) -> ActivityDef {
    ActivityDef::new(
        title,
        ActivityKind::SingleChoice {
            options: options.iter().map(|s| s.to_string()).collect(),
        },
        Audience::Individuals,
    )
    .unwrap()
}

/// A session with one step holding a single-choice poll, a word cloud and a
/// poll for tables, and two tables.
pub async fn session(store: &Store, ws: &Workspace, user: &User) -> SessionRecord {
    let table_poll = ActivityDef::new(
        "Wat vindt jullie tafel?",
        ActivityKind::SingleChoice {
            options: vec!["Eens".into(), "Oneens".into()],
        },
        Audience::Tables,
    )
    .unwrap();
    let cloud = ActivityDef::new(
        "Eén woord",
        ActivityKind::WordCloud { max_words: 3 },
        Audience::Everyone,
    )
    .unwrap();
    store
        .create_session(NewSession {
            workspace_id: ws.id,
            created_by: Some(user.id),
            title: "Ketenavond".into(),
            lang: Lang::Nl,
            org_types: vec![
                OrgType::new("school", "Onderwijs").unwrap(),
                OrgType::new("ggd", "GGD").unwrap(),
            ],
            steps: vec![NewStep {
                title: "Kennismaken".into(),
                activities: vec![
                    NewActivity {
                        id: koers_core::ids::ActivityId::new(),
                        def: single_choice("Waar werkt u?", &["School", "GGD", "Gemeente"]),
                    },
                    NewActivity {
                        id: koers_core::ids::ActivityId::new(),
                        def: cloud,
                    },
                    NewActivity {
                        id: koers_core::ids::ActivityId::new(),
                        def: table_poll,
                    },
                ],
            }],
            tables: vec![
                ("Tafel 1".into(), format!("t1-{}", uuid::Uuid::new_v4())),
                ("Tafel 2".into(), format!("t2-{}", uuid::Uuid::new_v4())),
            ],
            screen_token: format!("screen-{}", uuid::Uuid::new_v4()),
        })
        .await
        .unwrap()
}
