//! `koers bench-inventory`: fills a fresh SQLite database with a generated
//! prevention inventory (by default 5,000 activities from 150 partners),
//! serves it on loopback, and times the matrix and analysis pages, the
//! matrix picture and the analysis report (PDF) over HTTP
//! as a browser gets them, plus their parts in process (loading the
//! inventory, the analysis, the matrix). The figures are printed, not
//! judged: the README and issue notes quote them.

use crate::bench::stats::ms;
use crate::bench_pages::report;
use crate::cli::BenchInventoryOpts;
use anyhow::{Context, anyhow};
use koers_core::ids::{OfferId, PartnerId, ResultId};
use koers_core::inventory::matrix::{Axis, Filter, matrix};
use koers_core::inventory::model::parse_date;
use koers_core::inventory::{
    Actor, Evidence, Form, Inventory, Lists, Measure, MunicipalityRole, Offer, Partner,
    PreventionLevel, ResultLink, SocietalResult,
};
use koers_store::{Editor, NewUser, Store, StoreOptions, Write};
use std::time::Instant;

/// Words descriptions are made of, so the duplicate detection sees varied,
/// realistic Dutch text.
const WORDS: [&str; 30] = [
    "voorlichting",
    "ouders",
    "jongeren",
    "school",
    "weerbaarheid",
    "alcohol",
    "bewegen",
    "opvoeding",
    "spreekuur",
    "wijk",
    "sport",
    "pesten",
    "eenzaamheid",
    "huiswerk",
    "taal",
    "gezondheid",
    "mentale",
    "training",
    "groep",
    "gezin",
    "begeleiding",
    "vrijwilligers",
    "armoede",
    "schulden",
    "stress",
    "veiligheid",
    "vriendschap",
    "media",
    "slaap",
    "voeding",
];

pub async fn run(o: BenchInventoryOpts) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("koers-bench-inventory-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir)?;
    let result = bench(&o, &dir).await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// A deterministic generated inventory of `partners` and `offers`.
pub fn generate(partners: usize, offers: usize) -> Inventory {
    let lists = Lists::default();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| -> usize {
        // xorshift: the same inventory on every run.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let partners: Vec<Partner> = (0..partners)
        .map(|i| Partner {
            id: PartnerId(uuid::Uuid::from_u128(0x1000_0000 + i as u128)),
            name: format!("Partner {i:03}"),
            kind: lists.partner_types[i % lists.partner_types.len()]
                .key
                .clone(),
            contact_name: None,
            contact_email: None,
            role: MunicipalityRole::ALL[i % 3],
        })
        .collect();
    let results: Vec<SocietalResult> = (0..8)
        .map(|i| SocietalResult {
            id: ResultId(uuid::Uuid::from_u128(0x2000_0000 + i as u128)),
            title: format!("Maatschappelijk resultaat {}", i + 1),
            indicator: Some("% jongeren".into()),
            baseline: Some(Measure {
                year: 2024,
                value: 70.0,
            }),
            target: Some(Measure {
                year: 2028,
                value: 80.0,
            }),
        })
        .collect();
    let pick = |next: &mut dyn FnMut(usize) -> usize,
                items: &[koers_core::inventory::ListItem],
                most: usize| {
        let mut keys: Vec<String> = Vec::new();
        for _ in 0..1 + next(most) {
            let k = items[next(items.len())].key.clone();
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    };
    let levels = [
        PreventionLevel::Universal,
        PreventionLevel::Universal,
        PreventionLevel::Universal,
        PreventionLevel::Selective,
        PreventionLevel::Selective,
        PreventionLevel::Indicated,
        PreventionLevel::CareRelated,
    ];
    let offers: Vec<Offer> = (0..offers)
        .map(|i| {
            let words: Vec<&str> = (0..8).map(|_| WORDS[next(WORDS.len())]).collect();
            let start = 2019 + next(7) as i16;
            Offer {
                id: OfferId(uuid::Uuid::from_u128(0x3000_0000 + i as u128)),
                name: format!("{} {} {i}", words[0], words[1]),
                description: format!(
                    "Activiteit over {} en {} voor {} in de {}.",
                    words[2], words[3], words[4], words[5]
                ),
                providers: (0..1 + next(2))
                    .map(|_| partners[next(partners.len())].id)
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                actor: Actor::ALL[next(3)],
                level: levels[next(levels.len())],
                age_groups: pick(&mut next, &lists.age_groups, 3),
                settings: pick(&mut next, &lists.settings, 2),
                form: Form::ALL[next(3)],
                themes: pick(&mut next, &lists.themes, 2),
                factors: pick(&mut next, &lists.factors, 3),
                results: (0..next(3))
                    .map(|_| results[next(results.len())].id)
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .map(|result| ResultLink {
                        result,
                        statement: Some(format!("We doen {}, zodat {}", words[6], words[7])),
                    })
                    .collect(),
                evidence: Evidence::ALL[next(Evidence::ALL.len())],
                reach: (next(5) > 0).then(|| 20 + next(2000) as u64),
                cost: (next(4) > 0).then(|| 1000 + next(100_000) as u64),
                funding: Some("Subsidie gemeente".into()),
                start: parse_date(&format!("{start}-{:02}-01", 1 + next(12))),
                end: (next(3) == 0)
                    .then(|| parse_date(&format!("{}-12-31", start + 1 + next(4) as i16)))
                    .flatten(),
            }
        })
        .collect();
    Inventory {
        lists,
        partners,
        results,
        offers,
    }
}

async fn bench(o: &BenchInventoryOpts, dir: &std::path::Path) -> anyhow::Result<()> {
    let url = format!("sqlite://{}?mode=rwc", dir.join("koers.db").display());
    let store = Store::open(&url, StoreOptions::default())
        .await
        .context("cannot open the benchmark database")?;
    let ws = store.create_workspace("bench", "Gemeente Bench").await?;
    let user = store
        .create_user(NewUser {
            workspace_id: ws.id,
            email: "bench@bench.example".into(),
            name: "Bench".into(),
            role: koers_core::auth::Role::Admin,
            password_hash: "not-a-real-hash".into(),
            partner: None,
        })
        .await?;
    let inv = generate(o.partners, o.activities);
    let filled = Instant::now();
    let mut writes: Vec<Write> = Vec::new();
    writes.extend(inv.partners.iter().cloned().map(Write::Partner));
    writes.extend(inv.results.iter().cloned().map(Write::Result));
    writes.extend(inv.offers.iter().cloned().map(Write::Offer));
    let by = Editor {
        user: user.id,
        name: "Bench".into(),
        partner: None,
    };
    store
        .write_inventory(ws.id, &writes, &by)
        .await
        .map_err(|e| anyhow!("{e}"))?;
    println!(
        "inventory: {} activities, {} partners, {} results; written in {}",
        inv.offers.len(),
        inv.partners.len(),
        inv.results.len(),
        ms(filled.elapsed())
    );

    let runs = o.runs.max(1);
    let mut load = Vec::new();
    let mut analysis = Vec::new();
    let mut grid = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let loaded = store.inventory(ws.id).await?;
        load.push(t.elapsed());
        let t = Instant::now();
        let a = koers_core::inventory::analysis::analyse(&loaded, 2026);
        analysis.push(t.elapsed());
        std::hint::black_box(&a);
        let t = Instant::now();
        let m = matrix(&loaded, Axis::Level, Axis::AgeGroup, &Filter::default());
        grid.push(t.elapsed());
        std::hint::black_box(&m);
    }
    report("load inventory (store)", &mut load, "");
    let mut shared = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(store.inventory_shared(ws.id).await?);
        shared.push(t.elapsed());
    }
    report("load inventory (cached)", &mut shared, "");
    report("analysis (six questions)", &mut analysis, "");
    report("matrix level × age", &mut grid, "");

    // The pages as a browser gets them, over loopback.
    let served = crate::bench_pages::serve_signed_in(&store, &user).await?;
    let (addr, token) = (served.addr, served.token.clone());
    let client = reqwest::Client::new();
    let get = |path: &'static str| {
        let (client, token) = (client.clone(), token.clone());
        async move {
            let t = Instant::now();
            let resp = client
                .get(format!("http://{addr}{path}"))
                .bearer_auth(&token)
                .send()
                .await?;
            let status = resp.status();
            let body = resp.bytes().await?;
            if !status.is_success() {
                return Err(anyhow!("{path}: HTTP {status}"));
            }
            Ok::<_, anyhow::Error>((t.elapsed(), body.len()))
        }
    };
    for path in [
        "/inventory/analysis",
        "/inventory/matrix",
        "/inventory/activities",
        "/inventory/matrix.png",
        "/inventory/report.pdf",
    ] {
        let mut times = Vec::new();
        let mut size = 0;
        // One warm-up request, then the timed ones.
        for i in 0..=runs {
            let (took, len) = get(path).await?;
            if i > 0 {
                times.push(took);
            }
            size = len;
        }
        report(
            &format!("GET {path}"),
            &mut times,
            &format!("  {} KiB", size / 1024),
        );
        // Right after an edit the inventory is read anew: the first view
        // after every change pays for it.
        let mut after = Vec::new();
        for n in 0..runs {
            let mut o = inv.offers[n % inv.offers.len()].clone();
            o.reach = Some(o.reach.unwrap_or(0) + 1 + n as u64);
            store
                .save_offer(ws.id, &o, &by)
                .await
                .map_err(|e| anyhow!("{e}"))?;
            after.push(get(path).await?.0);
        }
        report(&format!("GET {path} after an edit"), &mut after, "");
    }
    served.stop();
    store.close().await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_inventory_is_valid_and_the_same_every_time() {
        let a = generate(20, 300);
        assert_eq!(a, generate(20, 300));
        assert_eq!(a.offers.len(), 300);
        for o in &a.offers {
            assert!(!o.providers.is_empty() && !o.age_groups.is_empty());
            assert!(o.providers.iter().all(|p| a.partner(*p).is_some()));
            assert!(o.results.iter().all(|l| a.result(l.result).is_some()));
            assert!(o.end.is_none_or(|e| o.start.is_none_or(|s| s <= e)));
        }
    }
}
