//! Administration from the command line: workspaces and staff accounts.

use crate::cli::{StorageOpts, UserCmd, WorkspaceCmd};
use anyhow::{Context, bail};
use koers_core::auth::Role;
use koers_store::{NewUser, SessionArchive, Store, StoreOptions};
use koers_web::security::password::hash_password;
use koers_web::security::tokens::random_password;

/// Opens the store of `storage`, creating the data directory if needed.
pub async fn open_store(storage: &StorageOpts, max_connections: u32) -> anyhow::Result<Store> {
    std::fs::create_dir_all(&storage.data)
        .with_context(|| format!("cannot create data directory {}", storage.data.display()))?;
    let url = storage.database_url();
    Store::open(
        &url,
        StoreOptions {
            max_connections,
            ..StoreOptions::default()
        },
    )
    .await
    .with_context(|| format!("cannot open database {}", koers_store::redact(&url)))
}

/// Checks a workspace slug: lower-case letters, digits and dashes.
pub fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 40
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
}

pub async fn workspace(cmd: WorkspaceCmd) -> anyhow::Result<()> {
    match cmd {
        WorkspaceCmd::Create {
            slug,
            name,
            storage,
        } => {
            if !valid_slug(&slug) {
                bail!("a slug has lower-case letters, digits and dashes only (e.g. landsmeer)");
            }
            let store = open_store(&storage, 2).await?;
            let ws = store
                .create_workspace(&slug, name.trim())
                .await
                .context("cannot create workspace")?;
            println!("Workspace: {} ({})", ws.slug, ws.name);
            store.close().await;
        }
        WorkspaceCmd::Logo {
            slug,
            file,
            clear: _,
            storage,
        } => {
            let bytes = match &file {
                Some(path) => Some(
                    std::fs::read(path)
                        .with_context(|| format!("cannot read {}", path.display()))?,
                ),
                None => None,
            };
            let store = open_store(&storage, 2).await?;
            let ws = store
                .workspace_by_slug(&slug)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no workspace {slug}"))?;
            match store.set_workspace_logo(ws.id, bytes.as_deref()).await {
                Ok(true) => println!(
                    "{} {}",
                    ws.slug,
                    if bytes.is_some() {
                        "logo set"
                    } else {
                        "logo removed"
                    }
                ),
                Ok(false) => bail!("no workspace {slug}"),
                Err(koers_store::ExecError::Refused(e)) => bail!("{e}"),
                Err(e) => return Err(e.into()),
            }
            store.close().await;
        }
        WorkspaceCmd::List { storage } => {
            let store = open_store(&storage, 2).await?;
            for ws in store.workspaces().await? {
                println!("{}\t{}", ws.slug, ws.name);
            }
            store.close().await;
        }
    }
    Ok(())
}

pub async fn user(cmd: UserCmd) -> anyhow::Result<()> {
    match cmd {
        UserCmd::Create {
            workspace,
            email,
            name,
            role,
            storage,
        } => {
            let role = Role::parse(&role)
                .filter(|r| *r != Role::Partner)
                .context("role is facilitator or admin (partners' accounts come from an invitation in the inventory)")?;
            if !email.contains('@') {
                bail!("{email:?} is not an e-mail address");
            }
            let store = open_store(&storage, 2).await?;
            let ws = store
                .workspace_by_slug(&workspace)
                .await?
                .with_context(|| format!("no workspace {workspace:?}"))?;
            let password = random_password();
            let user = store
                .create_user(NewUser {
                    workspace_id: ws.id,
                    email,
                    name,
                    role,
                    password_hash: hash_password(&password)?,
                    partner: None,
                })
                .await
                .context("cannot create account")?;
            println!("Login: {} {}", user.email, password);
            store.close().await;
        }
        UserCmd::ResetPassword { email, storage } => {
            let store = open_store(&storage, 2).await?;
            let creds = store
                .credentials(&email)
                .await?
                .with_context(|| format!("no account {email:?}"))?;
            let password = random_password();
            store
                .set_password_hash(creds.user.id, &hash_password(&password)?)
                .await?;
            println!("Login: {} {}", creds.user.email, password);
            store.close().await;
        }
    }
    Ok(())
}

/// Writes a session's report (`koers export`).
pub async fn export(o: crate::cli::ExportOpts) -> anyhow::Result<()> {
    let store = open_store(&o.storage, 2).await?;
    let id = match koers_core::code::JoinCode::parse(&o.session) {
        Some(code) => store
            .session_by_code(&code)
            .await?
            .map(|s| s.id)
            .ok_or_else(|| anyhow::anyhow!("no active session has code {}", o.session))?,
        None => o
            .session
            .parse()
            .map_err(|_| anyhow::anyhow!("not a join code or session id: {}", o.session))?,
    };
    use koers_web::report;
    let missing = || anyhow::anyhow!("no such session");
    let write = |path: &std::path::Path, bytes: &[u8]| {
        std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
    };
    match o.format.as_str() {
        "json" => {
            let archive = store.export_archive(id).await?.ok_or_else(missing)?;
            write(&o.out, archive.to_json_pretty()?.as_bytes())?;
        }
        "md" => {
            let md = report::export_markdown(&store, id)
                .await?
                .ok_or_else(missing)?;
            write(&o.out, md.as_bytes())?;
        }
        "xlsx" => write(
            &o.out,
            &report::export_xlsx(&store, id).await?.ok_or_else(missing)?,
        )?,
        "pdf" => write(
            &o.out,
            &report::export_pdf(&store, id).await?.ok_or_else(missing)?,
        )?,
        "docx" => write(
            &o.out,
            &report::export_docx(&store, id).await?.ok_or_else(missing)?,
        )?,
        _ if o.out.extension().is_some_and(|e| e == "zip") => {
            write(
                &o.out,
                &report::export_csv_zip(&store, id)
                    .await?
                    .ok_or_else(missing)?,
            )?;
        }
        _ => {
            let files = report::export_csv(&store, id).await?.ok_or_else(missing)?;
            std::fs::create_dir_all(&o.out)
                .with_context(|| format!("cannot create {}", o.out.display()))?;
            for (name, body) in files {
                write(&o.out.join(name), body.as_bytes())?;
            }
        }
    }
    println!("{}", o.out.display());
    Ok(())
}

/// Loads a session archive as a new session (`koers import-session`).
pub async fn import_session(o: crate::cli::ImportOpts) -> anyhow::Result<()> {
    // The file first: a wrong file should not even open the database.
    let bytes =
        std::fs::read(&o.path).with_context(|| format!("cannot read {}", o.path.display()))?;
    let archive = SessionArchive::from_json(&bytes)
        .with_context(|| format!("cannot import {}", o.path.display()))?;
    let store = open_store(&o.storage, 2).await?;
    let ws = store
        .workspace_by_slug(&o.workspace)
        .await?
        .with_context(|| format!("no workspace {:?} (see koers workspace list)", o.workspace))?;
    let (id, code) = store
        .import_archive(ws.id, None, &archive)
        .await
        .with_context(|| format!("cannot import {}", o.path.display()))?;
    println!("Session: {id}");
    println!("Join code: {code}");
    store.close().await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::valid_slug;

    #[test]
    fn slugs_are_url_safe() {
        assert!(valid_slug("landsmeer") && valid_slug("neo-2026"));
        assert!(
            !valid_slug("Landsmeer") && !valid_slug("") && !valid_slug("-x") && !valid_slug("a b")
        );
    }
}
