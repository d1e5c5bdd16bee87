//! The matrix and the analysis as files: the matrix picture (SVG and PNG)
//! with the counts of the page, its PDF page, and the analysis report as
//! PDF and Word read back with poppler and the document's XML. Only a
//! signed-in member of the workspace gets them, and only its own data;
//! a hostile activity name stays text.

#![allow(clippy::unwrap_used)]

mod common;

use common::documents::*;
use common::*;
use koers_core::ids::{OfferId, PartnerId, ResultId};
use koers_core::inventory::{Inventory, Lists, OfferInput, PartnerInput, ResultInput};
use koers_store::{Editor, Write};

const HOSTILE: &str = "<script>alert(1)</script> & Co";

/// A workspace's inventory: two partners, a result nobody serves, and three
/// activities (universal 4–12 twice, selective parents once).
async fn seed(app: &TestApp, ws: &koers_store::Workspace, user: &koers_store::User, tag: &str) {
    let lists = Lists::default();
    let partner = |name: &str| {
        PartnerInput {
            name: name.into(),
            kind: "school".into(),
            role: "partner".into(),
            ..PartnerInput::default()
        }
        .validate(PartnerId::new(), &lists)
        .unwrap()
    };
    let (school, club) = (
        partner(&format!("School {tag}")),
        partner(&format!("Club {tag}")),
    );
    let result = ResultInput {
        title: format!("Minder schoolverzuim {tag}"),
        ..ResultInput::default()
    }
    .validate(ResultId::new())
    .unwrap();
    let inv = Inventory {
        lists,
        partners: vec![school.clone(), club.clone()],
        results: vec![result.clone()],
        offers: Vec::new(),
    };
    let offer = |name: String, provider: &str, level: &str, age: &str| {
        OfferInput {
            name,
            description: "Omschrijving".into(),
            providers: vec![provider.to_string()],
            actor: "partners".into(),
            level: level.into(),
            age_groups: vec![age.into()],
            form: "group".into(),
            evidence: "none".into(),
            ..OfferInput::default()
        }
        .validate(OfferId::new(), &inv)
        .unwrap()
    };
    let writes = vec![
        Write::Partner(school.clone()),
        Write::Partner(club.clone()),
        Write::Result(result),
        Write::Offer(offer(
            format!("Schoolzwemmen {tag}"),
            &school.name,
            "universal",
            "4-12",
        )),
        Write::Offer(offer(
            format!("{HOSTILE} {tag}"),
            &club.name,
            "universal",
            "4-12",
        )),
        Write::Offer(offer(
            format!("Ouderavond {tag}"),
            &club.name,
            "selective",
            "ouders",
        )),
    ];
    let by = Editor {
        user: user.id,
        name: user.name.clone(),
        partner: None,
    };
    app.store
        .write_inventory(ws.id, &writes, &by)
        .await
        .unwrap();
}

async fn bytes(c: &reqwest::Client, url: String) -> (u16, String, Vec<u8>) {
    let r = c.get(url).send().await.unwrap();
    let status = r.status().as_u16();
    let kind = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, kind, r.bytes().await.unwrap().to_vec())
}

/// Width and height from a PNG's header, after checking its signature.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    assert_eq!(&png[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

#[tokio::test]
async fn the_matrix_and_the_analysis_download_as_pictures_pdf_and_word_of_the_own_workspace_only() {
    let app = spawn_app().await;
    let (noord, fac) = app.workspace("noord").await;
    let (zuid, fac_zuid) = app.workspace("zuid").await;
    seed(&app, &noord, &fac, "Noord").await;
    seed(&app, &zuid, &fac_zuid, "Zuid").await;
    let c = app.console_client(&fac.email).await;

    // The picture: the counts of the page's cells, names escaped.
    let (status, kind, svg) = bytes(&c, format!("{}/inventory/matrix.svg", app.url)).await;
    assert_eq!((status, kind.as_str()), (200, "image/svg+xml"));
    let svg = String::from_utf8(svg).unwrap();
    roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert!(svg.contains(">2</text>"), "universal × 4–12 holds two");
    assert!(svg.contains("Preventieniveau × Leeftijdsgroep"));
    // By partner the hostile name is not on an axis; by partner × level the
    // partners are, and the other workspace's are not.
    let (_, _, by_partner) = bytes(
        &c,
        format!("{}/inventory/matrix.svg?rows=partner&cols=level", app.url),
    )
    .await;
    let by_partner = String::from_utf8(by_partner).unwrap();
    assert!(
        by_partner.contains("Club Noord") && !by_partner.contains("Zuid"),
        "{by_partner}"
    );

    let (status, kind, png) = bytes(&c, format!("{}/inventory/matrix.png", app.url)).await;
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    let (w, h) = png_size(&png);
    assert_eq!(w, 1280, "twice the chart's 640 units");
    assert!(h > 200, "{h}");

    let (status, kind, pdf) = bytes(&c, format!("{}/inventory/matrix.pdf", app.url)).await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    let text = squash(&pdf_text(&pdf));
    assert!(text.contains(&squash("Preventiematrix")));
    assert!(text.contains(&squash("Gemeente noord")));

    // The analysis report: every question, the result nobody serves, the
    // hostile name as text, nothing of the other workspace.
    let (status, kind, pdf) =
        bytes(&c, format!("{}/inventory/report.pdf?year=2026", app.url)).await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    assert!(pdf_info(&pdf).contains("Tagged:          yes"));
    let text = squash(&pdf_text(&pdf));
    for heading in [
        "1. Sluit het aanbod aan bij wat nodig is?",
        "2. Is het aanbod divers genoeg?",
        "3. Is het aanbod samenhangend?",
        "4. Is het aanbod preventief genoeg?",
        "5. Zijn de randvoorwaarden op orde?",
        "6. Wat draagt iedere speler bij?",
        "Minder schoolverzuim Noord",
        "<script>alert(1)</script> & Co Noord",
    ] {
        assert!(text.contains(&squash(heading)), "{heading} in the PDF");
    }
    assert!(!text.contains("Zuid"), "only its own workspace");

    let (status, kind, docx) = bytes(&c, format!("{}/inventory/report.docx", app.url)).await;
    assert_eq!(status, 200);
    assert!(kind.contains("wordprocessingml"), "{kind}");
    let parts = docx_parts(&docx);
    let xml = parts
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .map(|(_, b)| String::from_utf8(b.clone()).unwrap())
        .unwrap();
    let word = squash(&docx_text(&xml));
    assert!(word.contains(&squash("6. Wat draagt iedere speler bij?")));
    assert!(word.contains(&squash("<script>alert(1)</script> & Co Noord")));
    assert!(
        parts.iter().any(|(n, _)| n.starts_with("word/media/")),
        "the matrix as a picture"
    );

    // Not signed in: nothing.
    for path in [
        "/inventory/matrix.svg",
        "/inventory/matrix.png",
        "/inventory/matrix.pdf",
        "/inventory/report.pdf",
        "/inventory/report.docx",
    ] {
        let (status, _, body) = bytes(&client(), format!("{}{path}", app.url)).await;
        assert!(
            status == 401 || status == 303,
            "{path} answered {status} without login"
        );
        assert!(!String::from_utf8_lossy(&body).contains("Noord"));
    }
}
