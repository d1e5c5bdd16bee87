//! `koers serve` and `koers demo`.

use crate::admin::open_store;
use crate::cli::ServeOpts;
use anyhow::Context;
use koers_core::auth::Role;
use koers_core::lang::Lang;
use koers_store::{NewUser, Store};
use koers_web::security::password::hash_password;
use koers_web::security::tokens::random_password;
use koers_web::{AppState, WebConfig, app};
use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use tokio::net::TcpListener;

/// Logs to stderr; `RUST_LOG` overrides the default level.
pub fn init_tracing() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// The secret key: `KOERS_SECRET` (64 hex digits; the same on every app
/// node), else `secret.key` in the data directory, created on first start.
fn load_secret(data: &Path) -> anyhow::Result<[u8; 32]> {
    if let Ok(hex) = std::env::var("KOERS_SECRET") {
        return parse_hex_key(hex.trim()).context("KOERS_SECRET must be 64 hexadecimal digits");
    }
    let path = data.join("secret.key");
    if let Ok(existing) = std::fs::read_to_string(&path) {
        return parse_hex_key(existing.trim())
            .with_context(|| format!("{} is damaged", path.display()));
    }
    let mut key = [0u8; 32];
    rand::fill(&mut key);
    let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    f.write_all(hex.as_bytes())?;
    Ok(key)
}

fn parse_hex_key(hex: &str) -> Option<[u8; 32]> {
    if hex.len() != 64 {
        return None;
    }
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = u8::from_str_radix(hex.get(i * 2..i * 2 + 2)?, 16).ok()?;
    }
    Some(key)
}

fn default_public_url(listen: SocketAddr) -> String {
    let host = if listen.ip().is_unspecified() {
        "127.0.0.1".to_string()
    } else if listen.is_ipv6() {
        format!("[{}]", listen.ip())
    } else {
        listen.ip().to_string()
    };
    format!("http://{host}:{}", listen.port())
}

/// What the demo prints.
struct DemoInfo {
    workspace: String,
    session: String,
    email: String,
    password: String,
    code: String,
    screen_token: String,
    questionnaire_token: String,
}

const DEMO_SLUG: &str = "demo";
const DEMO_EMAIL: &str = "facilitator@voorbeeld.example";
/// The logo of the fictional "Gemeente Voorbeeld".
const DEMO_LOGO: &[u8] = include_bytes!("../../../docs/img/example-logo.png");

/// Seeds (or reuses) the demo workspace, account and session. The password
/// is new on every start: it is printed, never stored in plain text.
async fn seed_demo(store: &Store) -> anyhow::Result<DemoInfo> {
    let ws = match store.workspace_by_slug(DEMO_SLUG).await? {
        Some(ws) => ws,
        None => {
            store
                .create_workspace(DEMO_SLUG, "Gemeente Voorbeeld")
                .await?
        }
    };
    // A fictional logo, so the demo's reports show what a cover looks like;
    // one the municipality set in the console stays.
    if store.workspace_logo(ws.id).await?.is_none() {
        store
            .set_workspace_logo(ws.id, Some(DEMO_LOGO))
            .await
            .map_err(|e| anyhow::anyhow!("demo logo: {e}"))?;
    }
    let password = random_password();
    let hash = hash_password(&password)?;
    let user = match store.credentials(DEMO_EMAIL).await? {
        Some(c) => {
            store.set_password_hash(c.user.id, &hash).await?;
            c.user
        }
        None => {
            store
                .create_user(NewUser {
                    workspace_id: ws.id,
                    email: DEMO_EMAIL.into(),
                    name: "Demo gespreksleider".into(),
                    role: Role::Admin,
                    partner: None,
                    password_hash: hash,
                })
                .await?
        }
    };
    seed_demo_inventory(store, &ws, &user).await?;
    seed_demo_register(store, &ws, &user).await?;
    let questionnaire_token = seed_demo_questionnaire(store, &ws).await?;
    let existing = store
        .sessions(ws.id)
        .await?
        .into_iter()
        .map(|s| s.session)
        .find(|s| !s.locked && !s.archived);
    let session = match existing {
        Some(s) => s,
        None => {
            let new = koers_web::session_templates::new_session(
                "ketenavond",
                Lang::Nl,
                ws.id,
                Some(user.id),
                "Ketenavond preventief jeugdbeleid".into(),
            );
            let s = store
                .create_session(new)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            add_demo_matrix(store, &s).await?;
            s
        }
    };
    Ok(DemoInfo {
        workspace: ws.slug,
        session: session.id.to_string(),
        email: user.email,
        password,
        code: session.join_code.to_string(),
        screen_token: session.screen_token,
        questionnaire_token,
    })
}

/// The demo evening shows the inventory's matrix after the key figures and
/// the goal: the offer the evening builds on.
async fn add_demo_matrix(store: &Store, s: &koers_store::SessionRecord) -> anyhow::Result<()> {
    use koers_core::activity::{ActivityDef, ActivityKind, Audience};
    use koers_core::inventory::matrix::Axis;
    let agenda = store.agenda(s.id).await?;
    let Some(step) = agenda.steps.get(1) else {
        return Ok(());
    };
    let def = ActivityDef::new(
        "Wat er nu al is: de Preventiematrix",
        ActivityKind::Matrix {
            rows: Axis::Level,
            cols: Axis::AgeGroup,
        },
        Audience::Individuals,
    )
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    store
        .execute(
            s.id,
            koers_core::event::Actor::System,
            koers_store::Command::AddActivity {
                step: step.id,
                def,
                id: None,
            },
        )
        .await
        .map_err(|e| anyhow::anyhow!("demo matrix: {e}"))?;
    Ok(())
}

/// The demo's prevention inventory, once: a workspace that has one keeps it.
async fn seed_demo_inventory(
    store: &Store,
    ws: &koers_store::Workspace,
    user: &koers_store::User,
) -> anyhow::Result<()> {
    if !store.inventory(ws.id).await?.partners.is_empty() {
        return Ok(());
    }
    let inv = crate::demo_inventory::demo_inventory();
    let mut writes: Vec<koers_store::Write> = Vec::new();
    writes.extend(inv.partners.into_iter().map(koers_store::Write::Partner));
    writes.extend(inv.results.into_iter().map(koers_store::Write::Result));
    writes.extend(inv.offers.into_iter().map(koers_store::Write::Offer));
    let by = koers_store::Editor {
        user: user.id,
        name: "Demo".into(),
        partner: None,
    };
    store
        .write_inventory(ws.id, &writes, &by)
        .await
        .map_err(|e| anyhow::anyhow!("demo inventory: {e}"))?;
    Ok(())
}

/// The demo's questionnaire with its responses, once; returns its public
/// link's token. Responses go in through the store as respondents' would,
/// so consent details end up kept apart and every one counts once.
async fn seed_demo_questionnaire(
    store: &Store,
    ws: &koers_store::Workspace,
) -> anyhow::Result<String> {
    use koers_core::questionnaire::ResponseStatus;
    use koers_store::Link;
    const SLUG: &str = "jeugdbeleid-2027";
    if let Some(rec) = store.questionnaire(ws.id, SLUG).await? {
        return Ok(rec.public_token.unwrap_or_default());
    }
    let token = koers_web::security::tokens::random_token();
    let q = crate::demo_questionnaire::demo_questionnaire();
    let rec = koers_store::QuestionnaireRecord {
        workspace_id: ws.id,
        questionnaire: q.clone(),
        slug: SLUG.into(),
        public_token: Some(token.clone()),
        opens_at: None,
        closes_at: None,
        retain_until: None,
    };
    store
        .save_questionnaire(&rec)
        .await
        .map_err(|e| anyhow::anyhow!("demo questionnaire: {e}"))?;
    for (i, (status, answers)) in crate::demo_questionnaire::demo_responses(&q, 240, 2027)
        .into_iter()
        .enumerate()
    {
        let hash = koers_web::security::tokens::hash_token(&format!("demo-respondent-{i}"));
        let changes = answers
            .into_inner()
            .into_iter()
            .map(|(k, v)| (k, Some(v)))
            .collect();
        let done = match status {
            ResponseStatus::Submitted => store
                .submit_response(ws.id, q.id, Link::Public(&hash), changes)
                .await?
                .map(|_| ()),
            ResponseStatus::InProgress => store
                .save_response(ws.id, q.id, Link::Public(&hash), changes)
                .await?
                .map(|_| ()),
        };
        done.map_err(|r| anyhow::anyhow!("demo response {i}: {r:?}"))?;
    }
    Ok(token)
}

/// The demo's stakeholder register, once: a workspace with contact persons
/// keeps its own.
async fn seed_demo_register(
    store: &Store,
    ws: &koers_store::Workspace,
    user: &koers_store::User,
) -> anyhow::Result<()> {
    if !store.register(ws.id).await?.contacts.is_empty() {
        return Ok(());
    }
    let inv = store.inventory(ws.id).await?;
    let reg = crate::demo_register::demo_register(&inv);
    let fail = |e: koers_store::ExecError| anyhow::anyhow!("demo register: {e}");
    for c in &reg.contacts {
        store.save_contact(ws.id, c).await.map_err(fail)?;
    }
    for (g, members) in &reg.groups {
        store.save_group(ws.id, g).await.map_err(fail)?;
        store
            .set_members(ws.id, g.id, members, true)
            .await
            .map_err(fail)?;
    }
    for c in &reg.conversations {
        store
            .save_conversation(ws.id, c, user.id)
            .await
            .map_err(fail)?;
    }
    Ok(())
}

/// Removes the responses of questionnaires whose retention date passed: at
/// start and every hour after. Every node may run it; the deletes are
/// idempotent, so two nodes sweeping at once remove nothing twice.
fn spawn_retention(store: Store) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            tick.tick().await;
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as i64)
                .unwrap_or(0);
            match store.sweep_questionnaire_retention(now).await {
                Ok(0) => {}
                Ok(n) => {
                    tracing::info!(responses = n, "retention: questionnaire responses removed")
                }
                Err(e) => tracing::warn!(error = %e, "retention sweep failed; retried in an hour"),
            }
        }
    });
}

async fn shutdown_signal(state: AppState) {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
    // Live streams never end by themselves; end them so the server can stop.
    state.hub().shutdown();
}

/// Runs the server (after seeding the demo, for `demo`).
pub async fn serve(o: ServeOpts, demo: bool) -> anyhow::Result<()> {
    let store = open_store(&o.storage, o.db_connections).await?;
    let secret = load_secret(&o.storage.data)?;
    let public_url = o
        .public_url
        .clone()
        .unwrap_or_else(|| default_public_url(o.listen))
        .trim_end_matches('/')
        .to_string();
    let mut config = WebConfig::new(&public_url, secret);
    config.trust_forwarded_for = o.trust_forwarded_for;
    config.security_contact = o.security_contact.clone();
    if let Some(path) = &o.theme_css {
        config.theme_css = Some(
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read theme {}", path.display()))?,
        );
    }
    let state = AppState::new(store.clone(), config);
    spawn_retention(store.clone());
    state
        .start_change_feed()
        .await
        .context("cannot listen for changes from other nodes")?;
    let listener = TcpListener::bind(o.listen)
        .await
        .with_context(|| format!("cannot listen on {}", o.listen))?;
    if demo {
        let d = seed_demo(&store).await?;
        let mut out = std::io::stdout().lock();
        writeln!(out, "Workspace: {}", d.workspace)?;
        writeln!(
            out,
            "Facilitator: {public_url}/login?next=/console/sessions/{}",
            d.session
        )?;
        writeln!(out, "Login: {} {}", d.email, d.password)?;
        writeln!(out, "Join code: {}", d.code)?;
        writeln!(out, "Participant: {public_url}/j/{}", d.code)?;
        writeln!(out, "Screen: {public_url}/screen/{}", d.screen_token)?;
        writeln!(
            out,
            "Prevention inventory: {public_url}/login?next=/inventory/matrix"
        )?;
        writeln!(
            out,
            "Stakeholder register: {public_url}/login?next=/register/contacts"
        )?;
        writeln!(
            out,
            "Questionnaire: {public_url}/q/{} (results: {public_url}/login?next=/questionnaires/jeugdbeleid-2027)",
            d.questionnaire_token
        )?;
        out.flush()?;
    } else {
        println!("Koers listens on {} — {public_url}", listener.local_addr()?);
    }
    tracing::info!(listen = %o.listen, database = %koers_store::redact(&o.storage.database_url()), "koers started");
    axum::serve(
        listener,
        app(state.clone()).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal(state.clone()))
    .await
    .context("server failed")?;
    store.close().await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_keys_are_64_hex_digits() {
        assert!(parse_hex_key(&"ab".repeat(32)).is_some());
        assert!(parse_hex_key("abc").is_none());
        assert!(parse_hex_key(&"zz".repeat(32)).is_none());
    }

    #[test]
    fn the_default_public_url_is_reachable_locally() {
        assert_eq!(
            default_public_url("0.0.0.0:8080".parse().unwrap()),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            default_public_url("127.0.0.1:9000".parse().unwrap()),
            "http://127.0.0.1:9000"
        );
    }
}
