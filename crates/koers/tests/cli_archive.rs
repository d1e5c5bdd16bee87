//! `koers export --format json` and `koers import-session` as an
//! administrator runs them: a session moves from one installation to
//! another through a file, and a wrong file or workspace is refused with a
//! message that says so.

#![allow(clippy::unwrap_used)]

use koers_core::lang::Lang;
use koers_store::{Store, StoreOptions};
use std::path::Path;
use std::process::{Command, Output};

fn koers(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_koers"))
        .args(args)
        .env_remove("KOERS_DATA")
        .env_remove("KOERS_DATABASE")
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn url(dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", dir.join("koers.db").display())
}

#[tokio::test]
async fn a_session_moves_to_another_installation_through_an_archive_file() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a_dir, b_dir) = (a.path().to_str().unwrap(), b.path().to_str().unwrap());
    let store = Store::open(&url(a.path()), StoreOptions::default())
        .await
        .unwrap();
    let ws = store
        .create_workspace("noord", "Gemeente Noord")
        .await
        .unwrap();
    let s = store
        .create_session(koers_web::session_templates::new_session(
            "ketenavond",
            Lang::Nl,
            ws.id,
            None,
            "Ketenavond Noord".into(),
        ))
        .await
        .unwrap();
    let activities = store.agenda(s.id).await.unwrap().activities.len();
    store.close().await;

    let file = a.path().join("ketenavond.json");
    let file = file.to_str().unwrap();
    let out = koers(&[
        "export",
        "--data",
        a_dir,
        "--session",
        s.join_code.as_str(),
        "--format",
        "json",
        "--out",
        file,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json = std::fs::read_to_string(file).unwrap();
    assert!(json.contains("\"format\": \"koers-session-archive\""));

    let out = koers(&[
        "workspace",
        "create",
        "--slug",
        "zuid",
        "--name",
        "Gemeente Zuid",
        "--data",
        b_dir,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = koers(&[
        "import-session",
        file,
        "--workspace",
        "zuid",
        "--data",
        b_dir,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let field = |name: &str| {
        stdout
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .unwrap_or_else(|| panic!("no {name:?} in {stdout:?}"))
            .trim()
            .to_string()
    };
    let id = field("Session:");
    let code = field("Join code:");

    let store = Store::open(&url(b.path()), StoreOptions::default())
        .await
        .unwrap();
    let zuid = store.workspace_by_slug("zuid").await.unwrap().unwrap();
    let copy = store
        .session_in(zuid.id, id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(copy.title, "Ketenavond Noord");
    assert_eq!(copy.join_code.as_str(), code);
    assert_eq!(
        store.agenda(copy.id).await.unwrap().activities.len(),
        activities
    );
    store.close().await;

    // A workspace that is not there, a file that is not an archive, no file.
    let out = koers(&[
        "import-session",
        file,
        "--workspace",
        "nergens",
        "--data",
        b_dir,
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no workspace \"nergens\""),
        "{}",
        text(&out.stderr)
    );
    let bad = b.path().join("verslag.md");
    std::fs::write(&bad, "# Verslag\n").unwrap();
    let out = koers(&[
        "import-session",
        bad.to_str().unwrap(),
        "--workspace",
        "zuid",
        "--data",
        b_dir,
    ]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("cannot import") && err.contains("not valid JSON"),
        "{err}"
    );
    let newer = json.replacen(
        &format!("\"version\": {}", koers_store::archive::VERSION),
        "\"version\": 99",
        1,
    );
    std::fs::write(&bad, newer).unwrap();
    let out = koers(&[
        "import-session",
        bad.to_str().unwrap(),
        "--workspace",
        "zuid",
        "--data",
        b_dir,
    ]);
    assert!(
        text(&out.stderr).contains("version 99"),
        "{}",
        text(&out.stderr)
    );
    let out = koers(&[
        "import-session",
        "/nonexistent/x.json",
        "--workspace",
        "zuid",
        "--data",
        b_dir,
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("cannot read"),
        "{}",
        text(&out.stderr)
    );
    // Nothing of the refused attempts was stored.
    let store = Store::open(&url(b.path()), StoreOptions::default())
        .await
        .unwrap();
    assert_eq!(store.sessions(zuid.id).await.unwrap().len(), 1);
    store.close().await;
}
