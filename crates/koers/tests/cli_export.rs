//! `koers export` in every format for the session the demo seeds (the
//! "ketenavond" template, as a newcomer finds it), each file read back by a
//! real reader: poppler for the PDF, the zip and XML inside the .docx,
//! calamine for the XLSX. A wrong session or output place is refused with a
//! message that says so.

#![allow(clippy::unwrap_used)]

use calamine::{Reader, Xlsx, open_workbook_from_rs};
use koers_core::lang::Lang;
use koers_store::{SessionArchive, Store, StoreOptions};
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::{Command, Output};

const TITLE: &str = "Ketenavond preventief jeugdbeleid";

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

fn zip_entries(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut body = Vec::new();
            f.read_to_end(&mut body).unwrap();
            (f.name().unwrap().to_string(), text(&body))
        })
        .collect()
}

fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[tokio::test]
async fn the_demo_session_exports_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("koers.db").display()
    );
    let store = Store::open(&url, StoreOptions::default()).await.unwrap();
    let ws = store
        .create_workspace("demo", "Gemeente Voorbeeld")
        .await
        .unwrap();
    let s = store
        .create_session(koers_web::session_templates::new_session(
            "ketenavond",
            Lang::Nl,
            ws.id,
            None,
            TITLE.into(),
        ))
        .await
        .unwrap();
    let agenda = store.agenda(s.id).await.unwrap();
    let first_question = agenda.activities[0].def.title.clone();
    store.close().await;

    let export = |format: &str, out: &Path, session: &str| {
        koers(&[
            "export",
            "--data",
            data,
            "--session",
            session,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ])
    };
    let code = s.join_code.to_string();
    let id = s.id.to_string();
    let out = |name: &str| dir.path().join(name);

    // By join code and by id, as the console shows both.
    let pdf = out("verslag.pdf");
    let done = export("pdf", &pdf, &code);
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert_eq!(text(&done.stdout).trim(), pdf.to_str().unwrap());
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let words = pdftotext(&pdf);
    for expected in ["Gemeente Voorbeeld", TITLE, first_question.as_str()] {
        assert!(words.contains(expected), "PDF lacks {expected:?}");
    }

    let docx = out("verslag.docx");
    assert!(export("docx", &docx, &id).status.success());
    let entries = zip_entries(&std::fs::read(&docx).unwrap());
    let body = &entries
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .expect("a Word document body")
        .1;
    let doc = roxml_text(body);
    for expected in ["Gemeente Voorbeeld", TITLE, first_question.as_str()] {
        assert!(doc.contains(expected), "DOCX lacks {expected:?}");
    }

    let xlsx = out("verslag.xlsx");
    assert!(export("xlsx", &xlsx, &code).status.success());
    let mut wb: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&xlsx).unwrap())).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names.len(), agenda.activities.len() + 1, "{names:?}");
    let cells: Vec<String> = names
        .iter()
        .flat_map(|n| {
            wb.worksheet_range(n)
                .unwrap()
                .cells()
                .map(|(_, _, c)| c.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(cells.iter().any(|c| c == TITLE), "the title is in a cell");
    assert!(cells.iter().any(|c| c == &first_question));

    let md = out("verslag.md");
    assert!(export("md", &md, &code).status.success());
    let md = std::fs::read_to_string(md).unwrap();
    assert!(md.contains(&format!("# {TITLE}")), "{md}");
    assert!(md.contains(&first_question));

    // CSV: a zip, or a folder, of one file per activity.
    let zipped = out("verslag.zip");
    assert!(export("csv", &zipped, &code).status.success());
    let csv = zip_entries(&std::fs::read(&zipped).unwrap());
    assert_eq!(csv.len(), agenda.activities.len(), "one file per activity");
    assert!(csv.iter().all(|(n, _)| n.ends_with(".csv")));
    let folder = out("csv");
    assert!(export("csv", &folder, &code).status.success());
    let mut files: Vec<(String, String)> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    files.sort();
    let mut zipped_files = csv.clone();
    zipped_files.sort();
    assert_eq!(files, zipped_files, "the folder holds what the zip holds");

    let json = out("sessie.json");
    assert!(export("json", &json, &id).status.success());
    let archive = SessionArchive::from_json(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(archive.session.title, TITLE);
    assert_eq!(archive.activities.len(), agenda.activities.len());

    // Refusals say what is wrong and write nothing.
    let nowhere = out("niets.pdf");
    let r = export("pdf", &nowhere, "000000");
    assert!(!r.status.success());
    assert!(
        text(&r.stderr).contains("no active session has code 000000"),
        "{}",
        text(&r.stderr)
    );
    let r = export("pdf", &nowhere, "geen-sessie");
    assert!(
        text(&r.stderr).contains("not a join code or session id"),
        "{}",
        text(&r.stderr)
    );
    let r = export("pdf", &nowhere, &uuid_like());
    assert!(
        text(&r.stderr).contains("no such session"),
        "{}",
        text(&r.stderr)
    );
    let r = export("pdf", &out("geen-map/verslag.pdf"), &code);
    assert!(!r.status.success());
    assert!(
        text(&r.stderr).contains("cannot write"),
        "{}",
        text(&r.stderr)
    );
    let r = export("doc", &nowhere, &code);
    assert!(!r.status.success());
    assert!(
        text(&r.stderr).contains("invalid value 'doc'"),
        "{}",
        text(&r.stderr)
    );
    assert!(!nowhere.exists());
}

/// A well-formed session id that names no session.
fn uuid_like() -> String {
    "0190f5d2-7c1a-7000-8000-000000000001".into()
}

/// The text of a Word body: each paragraph's `<w:t>` runs joined, one
/// paragraph per line.
fn roxml_text(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|n| n.text())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
