//! `koers bench-export`: fills a fresh SQLite database with one big evening
//! (by default 500 participants and 2,000 ideas, categorised, voted on and
//! turned into actions) and times every report format on it. The figures
//! are printed, not judged: the README and issue notes quote them.

use crate::cli::BenchExportOpts;
use anyhow::{Context, anyhow};
use koers_core::activity::ActivityKind;
use koers_core::answer::Answer;
use koers_core::board::BoardOp;
use koers_core::event::Actor;
use koers_core::ids::{ActivityId, CategoryId, ClientId, ParticipantId};
use koers_core::items::{ItemDetail, ItemDraft};
use koers_core::lang::Lang;
use koers_core::session::Control;
use koers_store::{Command, Outcome, SessionRecord, Store, StoreOptions};
use std::time::{Duration, Instant};

/// Words ideas are made of, so the clustering and the layout see varied,
/// realistic Dutch text.
const WORDS: [&str; 24] = [
    "jongerenwerk",
    "sportveld",
    "ouders",
    "school",
    "spreekuur",
    "wijkteam",
    "buurthuis",
    "weerbaarheid",
    "mentale",
    "gezondheid",
    "vrijwilligers",
    "huiswerkbegeleiding",
    "alcohol",
    "roken",
    "pesten",
    "eenzaamheid",
    "stage",
    "bibliotheek",
    "speeltuin",
    "voorlichting",
    "jeugdarts",
    "opvoeding",
    "schulden",
    "beweging",
];

pub async fn run(o: BenchExportOpts) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("koers-bench-export-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir)?;
    let result = bench(&o, &dir).await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

async fn bench(o: &BenchExportOpts, dir: &std::path::Path) -> anyhow::Result<()> {
    let url = format!("sqlite://{}?mode=rwc", dir.join("koers.db").display());
    let store = Store::open(&url, StoreOptions::default())
        .await
        .context("cannot open the benchmark database")?;
    let started = Instant::now();
    let s = fill(&store, o.participants, o.ideas).await?;
    println!(
        "filled: {} participants, {} ideas, categorised, voted, actions — {:.1} s",
        o.participants,
        o.ideas,
        started.elapsed().as_secs_f64()
    );
    println!(
        "format   size        min       median    (of {} runs)",
        o.runs
    );
    for format in ["md", "csv", "xlsx", "pdf", "docx", "json"] {
        let mut times = Vec::new();
        let mut file = Vec::new();
        for _ in 0..o.runs.max(1) {
            let t = Instant::now();
            file = export(&store, s.id, format).await?;
            times.push(t.elapsed());
        }
        let size = file.len();
        if let Some(keep) = &o.keep {
            let ext = if format == "csv" { "zip" } else { format };
            let path = keep.join(format!("bench.{ext}"));
            std::fs::create_dir_all(keep)?;
            std::fs::write(&path, &file)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        times.sort();
        println!(
            "{format:<8} {:>8} KiB {:>8.0} ms {:>8.0} ms",
            size / 1024,
            ms(times[0]),
            ms(times[times.len() / 2])
        );
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

async fn export(
    store: &Store,
    id: koers_core::ids::SessionId,
    format: &str,
) -> anyhow::Result<Vec<u8>> {
    use koers_web::report;
    let missing = || anyhow!("the session vanished");
    Ok(match format {
        "md" => report::export_markdown(store, id)
            .await?
            .ok_or_else(missing)?
            .into_bytes(),
        "csv" => report::export_csv_zip(store, id)
            .await?
            .ok_or_else(missing)?,
        "xlsx" => report::export_xlsx(store, id).await?.ok_or_else(missing)?,
        "pdf" => report::export_pdf(store, id).await?.ok_or_else(missing)?,
        "json" => store
            .export_archive(id)
            .await?
            .ok_or_else(missing)?
            .to_json_pretty()?
            .into_bytes(),
        "docx" => report::export_docx(store, id).await?.ok_or_else(missing)?,
        other => anyhow::bail!("unknown format {other}"),
    })
}

async fn cmd(
    store: &Store,
    s: &SessionRecord,
    actor: Actor,
    c: Command,
) -> anyhow::Result<Outcome> {
    Ok(store.execute(s.id, actor, c).await?.outcome)
}

/// One evening from the partner-evening template, with every list full.
async fn fill(store: &Store, participants: usize, ideas: usize) -> anyhow::Result<SessionRecord> {
    let ws = store
        .create_workspace("bench", "Gemeente Voorbeeld")
        .await?;
    let s = store
        .create_session(koers_web::session_templates::new_session(
            "ketenavond",
            Lang::Nl,
            ws.id,
            None,
            "Ketenavond preventief jeugdbeleid".into(),
        ))
        .await?;
    let agenda = store.agenda(s.id).await?;
    let find = |f: &dyn Fn(&ActivityKind) -> bool| -> anyhow::Result<ActivityId> {
        agenda
            .activities
            .iter()
            .find(|a| f(&a.def.kind))
            .map(|a| a.id)
            .ok_or_else(|| anyhow!("the template lacks an activity"))
    };
    let wall = find(&|k| matches!(k, ActivityKind::IdeaWall { .. }))?;
    let board = find(&|k| matches!(k, ActivityKind::Categorise { .. }))?;
    let dots = find(&|k| {
        matches!(
            k,
            ActivityKind::Prioritise {
                method: koers_core::vote::VoteMethod::Dots { .. },
                ..
            }
        )
    })?;
    let actions = find(&|k| matches!(k, ActivityKind::Actions { .. }))?;
    let orgs: Vec<String> = s.org_types.iter().map(|o| o.key.clone()).collect();
    let control = |c: Control| cmd(store, &s, Actor::System, Command::Control(c));

    // Participants join concurrently, as in a hall; the writer groups them.
    let mut devices: Vec<ParticipantId> = Vec::with_capacity(participants);
    for chunk in (0..participants).collect::<Vec<_>>().chunks(64) {
        let joins = chunk.iter().map(|n| {
            cmd(
                store,
                &s,
                Actor::System,
                Command::Join {
                    token_hash: format!("bench-{}", uuid::Uuid::new_v4()),
                    table: None,
                    display_name: None,
                    org_type: orgs.get(n % orgs.len().max(1)).cloned(),
                },
            )
        });
        for r in futures::future::join_all(joins).await {
            if let Outcome::Joined(p) = r? {
                devices.push(p);
            }
        }
    }
    anyhow::ensure!(!devices.is_empty(), "no participants");

    control(Control::Open(wall)).await?;
    let mut item_ids = Vec::with_capacity(ideas);
    for chunk in (0..ideas).collect::<Vec<_>>().chunks(64) {
        let adds = chunk.iter().map(|n| {
            let device = devices[n % devices.len()];
            let text = format!(
                "{} {} en {} voor jongeren in de wijk ({n})",
                capital(WORDS[n % WORDS.len()]),
                WORDS[(n * 7 + 3) % WORDS.len()],
                WORDS[(n * 13 + 5) % WORDS.len()]
            );
            cmd(
                store,
                &s,
                Actor::Device(device),
                Command::Contribute {
                    device,
                    client_id: ClientId::new(),
                    activity: wall,
                    draft: ItemDraft {
                        text,
                        detail: ItemDetail::Plain,
                    },
                },
            )
        });
        for r in futures::future::join_all(adds).await {
            if let Outcome::Item { item, .. } = r? {
                item_ids.push(item);
            }
        }
    }

    // Twelve categories; every idea but a few placed.
    control(Control::Open(board)).await?;
    let cats: Vec<CategoryId> = (0..12).map(|_| CategoryId::new()).collect();
    for (n, id) in cats.iter().enumerate() {
        let name = format!("{} en {}", capital(WORDS[n]), WORDS[n + 12]);
        cmd(
            store,
            &s,
            Actor::System,
            Command::Board {
                activity: board,
                op: BoardOp::Create { id: *id, name },
            },
        )
        .await?;
    }
    for (n, item) in item_ids.iter().enumerate().skip(5) {
        let op = BoardOp::Move {
            item: *item,
            to: Some(cats[n % cats.len()]),
        };
        cmd(
            store,
            &s,
            Actor::System,
            Command::Board {
                activity: board,
                op,
            },
        )
        .await?;
    }

    // Everyone spends five dots, at most two per category.
    control(Control::Open(dots)).await?;
    for chunk in devices.chunks(64) {
        let votes = chunk.iter().enumerate().map(|(n, device)| {
            let mut points = vec![0u32; cats.len()];
            points[n % cats.len()] = 2;
            points[(n * 5 + 1) % cats.len()] += 2;
            points[(n * 7 + 2) % cats.len()] += 1;
            // Keep the per-item maximum when positions coincide.
            for p in points.iter_mut() {
                *p = (*p).min(2);
            }
            cmd(
                store,
                &s,
                Actor::Device(*device),
                Command::Submit {
                    device: *device,
                    client_id: ClientId::new(),
                    activity: dots,
                    answer: Answer::Allocation { points },
                },
            )
        });
        for r in futures::future::join_all(votes).await {
            r?;
        }
    }

    // Twenty actions on the two priorities.
    control(Control::Open(actions)).await?;
    for n in 0..20u32 {
        let draft = ItemDraft {
            text: format!(
                "We starten een {} met {}",
                WORDS[n as usize],
                WORDS[(n as usize + 9) % 24]
            ),
            detail: ItemDetail::Action {
                topic: n % 2,
                so_that: format!("meer jongeren {} ervaren", WORDS[(n as usize + 4) % 24]),
                who: "Gemeente en partners".into(),
                by_when: "2027".into(),
                needs: "budget en een zaal".into(),
            },
        };
        cmd(
            store,
            &s,
            Actor::System,
            Command::AddItem {
                activity: actions,
                draft,
            },
        )
        .await?;
    }
    control(Control::Close(actions)).await?;
    Ok(s)
}

fn capital(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
