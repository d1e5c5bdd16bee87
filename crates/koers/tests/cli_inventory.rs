//! `koers inventory import` and `koers inventory export` as an administrator
//! runs them: a spreadsheet comes in with its report; one with a problem
//! imports nothing and exits non-zero unless told to skip the listed rows;
//! an export imported into another installation gives the same inventory.

#![allow(clippy::unwrap_used)]

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

async fn workspace(dir: &Path, slug: &str) {
    let store = Store::open(&url(dir), StoreOptions::default())
        .await
        .unwrap();
    store
        .create_workspace(slug, "Gemeente Noord")
        .await
        .unwrap();
    store.close().await;
}

async fn offers(dir: &Path, slug: &str) -> Vec<(String, Option<u64>, Vec<String>)> {
    let store = Store::open(&url(dir), StoreOptions::default())
        .await
        .unwrap();
    let ws = store.workspace_by_slug(slug).await.unwrap().unwrap();
    let inv = store.inventory(ws.id).await.unwrap();
    store.close().await;
    let mut out: Vec<_> = inv
        .offers
        .iter()
        .map(|o| (o.name.clone(), o.reach, o.age_groups.clone()))
        .collect();
    out.sort();
    out
}

const GOOD: &str = "Naam activiteit;Aanbieders;Preventieniveau;Leeftijdsgroepen;Soort uitvoerder;Vorm;Bereik per jaar\n\
Huiswerkklas;Bibliotheek Noord;Universeel;4-12;Maatschappelijke partners;Groep;40\n\
Opvoedspreekuur;CJG Noord;Selectief;Ouders;Aanpak;Individueel;120\n";

const BAD: &str = "Naam activiteit;Aanbieders;Preventieniveau;Leeftijdsgroepen;Soort uitvoerder;Vorm;Bereik per jaar\n\
Taalcafé;Bibliotheek Noord;Universeel;4-12;Maatschappelijke partners;Groep;30\n\
Straatwerk;Jongerenwerk Noord;Soms;12-18;Aanpak;Groep;veel\n";

#[tokio::test]
async fn a_spreadsheet_comes_in_whole_or_not_at_all_and_an_export_moves_the_inventory() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a_dir, b_dir) = (a.path().to_str().unwrap(), b.path().to_str().unwrap());
    workspace(a.path(), "noord").await;
    workspace(b.path(), "noord").await;
    let good = a.path().join("aanbod.csv");
    std::fs::write(&good, GOOD).unwrap();
    let bad = a.path().join("fouten.csv");
    std::fs::write(&bad, BAD).unwrap();
    let (good, bad) = (good.to_str().unwrap(), bad.to_str().unwrap());

    let out = koers(&[
        "inventory",
        "import",
        good,
        "--workspace",
        "noord",
        "--data",
        a_dir,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(offers(a.path(), "noord").await.len(), 2);

    // A problem: listed with its row, nothing imported, non-zero exit.
    let out = koers(&[
        "inventory",
        "import",
        bad,
        "--workspace",
        "noord",
        "--data",
        a_dir,
    ]);
    assert!(!out.status.success());
    let report = text(&out.stdout);
    assert!(report.contains("regel 3"), "{report}");
    assert!(
        report.contains("Soms") && report.contains("veel"),
        "{report}"
    );
    assert!(
        text(&out.stderr).contains("nothing imported"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(offers(a.path(), "noord").await.len(), 2, "unchanged");
    // Explicitly skipping the listed rows brings in the good one.
    let out = koers(&[
        "inventory",
        "import",
        bad,
        "--workspace",
        "noord",
        "--skip-invalid",
        "--data",
        a_dir,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let names: Vec<String> = offers(a.path(), "noord")
        .await
        .into_iter()
        .map(|o| o.0)
        .collect();
    assert_eq!(names, ["Huiswerkklas", "Opvoedspreekuur", "Taalcafé"]);

    // Export, and import into the other installation: the same inventory.
    for format in ["xlsx", "csv"] {
        let file = a.path().join(format!("export.{format}"));
        let file = file.to_str().unwrap();
        let out = koers(&[
            "inventory",
            "export",
            "--workspace",
            "noord",
            "--format",
            format,
            "--out",
            file,
            "--data",
            a_dir,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(std::fs::metadata(file).unwrap().len() > 0);
    }
    let xlsx = a.path().join("export.xlsx");
    let out = koers(&[
        "inventory",
        "import",
        xlsx.to_str().unwrap(),
        "--workspace",
        "noord",
        "--data",
        b_dir,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        offers(a.path(), "noord").await,
        offers(b.path(), "noord").await
    );

    // A file that is no spreadsheet, or a workspace that does not exist.
    let junk = a.path().join("kapot.xlsx");
    std::fs::write(&junk, b"PK\x03\x04 not really a zip").unwrap();
    let out = koers(&[
        "inventory",
        "import",
        junk.to_str().unwrap(),
        "--workspace",
        "noord",
        "--data",
        b_dir,
    ]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("xlsx"), "{}", text(&out.stderr));
    let out = koers(&[
        "inventory",
        "import",
        good,
        "--workspace",
        "zuid",
        "--data",
        b_dir,
    ]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("zuid"), "{}", text(&out.stderr));
}
