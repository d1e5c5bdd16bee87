//! `koers bench-questionnaire`: in a fresh SQLite database, submits complete
//! responses to the demo questionnaire through the store (each one its own
//! durable transaction, as respondents' are) from concurrent tasks and
//! prints the rate; then tops the questionnaire up to `--responses`
//! responses with one bulk insert (the results page is what is measured
//! there, not the filling) and times the results page over HTTP, plus its
//! parts in process (reading the responses, counting them). The figures are
//! printed, not judged.

use crate::bench::stats::ms;
use crate::bench_pages::report;
use crate::cli::BenchQuestionnaireOpts;
use anyhow::{Context, anyhow};
use koers_core::questionnaire::{Aggregator, ResponseStatus};
use koers_store::{Link, NewUser, QuestionnaireRecord, Store, StoreOptions};
use sqlx::Connection;
use std::time::Instant;

pub async fn run(o: BenchQuestionnaireOpts) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!(
        "koers-bench-questionnaire-{}",
        uuid::Uuid::new_v4()
    ));
    std::fs::create_dir_all(&dir)?;
    let result = bench(&o, &dir).await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

async fn bench(o: &BenchQuestionnaireOpts, dir: &std::path::Path) -> anyhow::Result<()> {
    let db = dir.join("koers.db");
    let url = format!("sqlite://{}?mode=rwc", db.display());
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
    let q = crate::demo_questionnaire::demo_questionnaire();
    store
        .save_questionnaire(&QuestionnaireRecord {
            workspace_id: ws.id,
            questionnaire: q.clone(),
            slug: "bench".into(),
            public_token: None,
            opens_at: None,
            closes_at: None,
            retain_until: None,
        })
        .await
        .map_err(|e| anyhow!("{e}"))?;
    // Complete responses only: the throughput asked for is of submissions.
    let answers: Vec<_> = crate::demo_questionnaire::demo_responses(&q, o.submits * 10 / 9 + 10, 7)
        .into_iter()
        .filter(|(s, _)| *s == ResponseStatus::Submitted)
        .map(|(_, a)| a)
        .take(o.submits)
        .collect();
    let tasks = o.concurrency.max(1);
    let started = Instant::now();
    let mut handles = Vec::new();
    for t in 0..tasks {
        let store = store.clone();
        let mine: Vec<_> = answers.iter().skip(t).step_by(tasks).cloned().collect();
        let (wsid, qid) = (ws.id, q.id);
        handles.push(tokio::spawn(async move {
            for (i, a) in mine.into_iter().enumerate() {
                let hash = format!("bench-{t}-{i}");
                let changes = a
                    .into_inner()
                    .into_iter()
                    .map(|(k, v)| (k, Some(v)))
                    .collect();
                store
                    .submit_response(wsid, qid, Link::Public(&hash), changes)
                    .await?
                    .map_err(|r| anyhow!("refused: {r:?}"))?;
            }
            Ok::<_, anyhow::Error>(())
        }));
    }
    for h in handles {
        h.await??;
    }
    let took = started.elapsed();
    println!(
        "submitted {} complete responses from {tasks} tasks in {} : {:.0} responses/s (each its own transaction, synchronous=FULL)",
        answers.len(),
        ms(took),
        answers.len() as f64 / took.as_secs_f64()
    );

    // Top up to --responses with one bulk insert of copies.
    let have = store.questionnaire_responses(ws.id, q.id).await?;
    let missing = o.responses.saturating_sub(have.len());
    if missing > 0 {
        let mut c = sqlx::AnyConnection::connect(&url).await?;
        let mut tx = c.begin().await?;
        for i in 0..missing {
            let src = &have[i % have.len()];
            sqlx::query(
                "INSERT INTO questionnaire_responses (id, workspace_id, questionnaire_id, status, \
                 answers, hour) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(uuid::Uuid::new_v4().to_string())
            .bind(ws.id.to_string())
            .bind(q.id.to_string())
            .bind("submitted")
            .bind(serde_json::to_string(&src.answers)?)
            .bind(src.hour)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
    }
    let runs = o.runs.max(1);
    let (mut read, mut count) = (Vec::new(), Vec::new());
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let all = store.questionnaire_responses(ws.id, q.id).await?;
        read.push(t.elapsed());
        n = all.len();
        let t = Instant::now();
        let mut agg = Aggregator::new(&q)
            .with_crosstab(
                crate::demo_questionnaire::THEMES,
                crate::demo_questionnaire::ROLE,
            )
            .map_err(|e| anyhow!("{e:?}"))?;
        for r in &all {
            agg.add(r.status, &r.answers);
        }
        std::hint::black_box(agg.finish());
        count.push(t.elapsed());
    }
    println!("responses: {n}");
    report("read responses (store)", &mut read, "");
    report("count (all questions + cross-tab)", &mut count, "");

    let served = crate::bench_pages::serve_signed_in(&store, &user).await?;
    let (addr, token) = (served.addr, served.token.clone());
    let client = reqwest::Client::new();
    let cross = format!(
        "/questionnaires/bench?rows={}&cols={}",
        crate::demo_questionnaire::THEMES,
        crate::demo_questionnaire::ROLE
    );
    for path in ["/questionnaires/bench", cross.as_str()] {
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let resp = client
                .get(format!("http://{addr}{path}"))
                .bearer_auth(&token)
                .send()
                .await?;
            let status = resp.status();
            size = resp.bytes().await?.len();
            if !status.is_success() {
                return Err(anyhow!("{path}: HTTP {status}"));
            }
            times.push(t.elapsed());
        }
        let label = if path.contains('?') {
            "GET results with a cross-tab"
        } else {
            "GET results page"
        };
        report(label, &mut times, &format!("  {} KiB", size / 1024));
    }
    served.stop();
    store.close().await;
    Ok(())
}
