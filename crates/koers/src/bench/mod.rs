//! `koers bench`: measures a running server the way a full hall uses it.
//!
//! Logs in as a facilitator, creates a session with a four-option poll and
//! watches it as the projector screen does. Then N simulated participants
//! join, each opens its live stream (server-sent events) and keeps it open,
//! the poll opens, and every participant answers once while the screen
//! watches; a share of them sends the identical request again, as a phone
//! on a flaky network does. Afterwards the results and the event log are
//! checked: every acknowledged answer must be counted exactly once.
//!
//! Safety and bounds: traffic goes to loopback only (checked on the URL and
//! on what its host name resolves to), every request is retried at most
//! [`api::MAX_RETRIES`] times, every wait has a limit, and the whole run
//! has the deadline `--timeout`.
//!
//! Client side, everything is tasks on one runtime sharing one connection
//! pool, so that 10,000 participants cost 10,000 sockets and small tasks,
//! not threads.

mod api;
mod crowd;
mod live;
mod report;
pub(crate) mod stats;
mod verify;

use crate::cli::BenchOpts;
use anyhow::{Context, bail};
use api::Api;
use crowd::{Progress, SUBMIT_IN_FLIGHT};
use report::Report;
use serde_json::json;
use stats::Summary;
use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinSet;

/// The poll's options; participant `i` picks option `i % 4`.
const OPTIONS: [&str; 4] = ["A", "B", "C", "D"];
/// How long the live streams get to show something (their first frame, the
/// opened poll) before the benchmark goes on without them.
const STREAM_WAIT: Duration = Duration::from_secs(60);
/// How long the screen gets to catch up with the last acknowledged answer.
const SCREEN_CATCH_UP: Duration = Duration::from_secs(10);
/// Bound on closing the poll and locking the session afterwards.
const CLEANUP_TIMEOUT: Duration = Duration::from_secs(15);
/// Open files needed besides one per live stream: pooled connections for
/// joins and submissions, the screen, the runtime, standard streams.
const SPARE_FILES: u64 = 64;

/// Runs the benchmark and prints its figures; fails when the server lost or
/// duplicated answers, or when the run could not be completed.
pub async fn run(o: BenchOpts) -> anyhow::Result<()> {
    check_options(&o)?;
    let base = api::loopback_base(&o.url)?;
    api::check_resolves_to_loopback(&base).await?;
    check_open_files(&o)?;
    let api = Api::new(&base)?;

    let mut made = Made::default();
    let outcome =
        tokio::time::timeout(Duration::from_secs(o.timeout), bench(&api, &o, &mut made)).await;
    // Whatever happened, leave the session closed and locked, so that no
    // stray benchmark session stays open for answers.
    match tokio::time::timeout(CLEANUP_TIMEOUT, finish(&api, &made)).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => eprintln!("warning: could not close and lock the benchmark session: {e:#}"),
        Err(_) => eprintln!("warning: closing and locking the benchmark session timed out"),
    }
    let report = match outcome {
        Ok(report) => report?,
        Err(_) => bail!(
            "the benchmark did not finish within {} s (it was {}); allow more with --timeout, or use fewer --participants",
            o.timeout,
            if made.phase.is_empty() {
                "starting"
            } else {
                made.phase
            }
        ),
    };
    report.print();
    let failures = report.failures();
    if !failures.is_empty() {
        bail!("benchmark checks failed: {}", failures.join("; "));
    }
    Ok(())
}

/// Refuses options that cannot give a meaningful run.
fn check_options(o: &BenchOpts) -> anyhow::Result<()> {
    if o.participants == 0 {
        bail!("--participants must be at least 1");
    }
    if o.concurrency == 0 {
        bail!("--concurrency must be at least 1");
    }
    if !(0.0..=1.0).contains(&o.retry_share) {
        bail!("--retry-share must be between 0 and 1");
    }
    if o.timeout == 0 {
        bail!("--timeout must be at least 1 second");
    }
    Ok(())
}

/// Every participant holds a live stream open, plus the connections for
/// requests: fail early and clearly rather than halfway with `EMFILE`.
/// (`main` has already raised the soft limit to the hard limit.)
fn check_open_files(o: &BenchOpts) -> anyhow::Result<()> {
    let needed = o.participants as u64
        + o.concurrency.max(SUBMIT_IN_FLIGHT.min(o.participants)) as u64
        + SPARE_FILES;
    #[cfg(unix)]
    if let Ok((soft, _)) = rlimit::getrlimit(rlimit::Resource::NOFILE)
        && soft < needed
    {
        bail!(
            "{} participants need about {needed} open files, but this process may only \
             open {soft}; raise the limit (ulimit -n) or use fewer --participants \
             (the server needs as many)",
            o.participants
        );
    }
    Ok(())
}

/// What the run created, for cleaning up even after a failure or timeout.
#[derive(Debug, Default)]
struct Made {
    /// `Bearer …` of the facilitator.
    staff: Option<String>,
    /// The session's id.
    session: Option<String>,
    /// The poll's id, once it was opened.
    opened_poll: Option<String>,
    /// What the run was doing last, for the message when time runs out.
    phase: &'static str,
}

/// Closes the poll and locks the session.
async fn finish(api: &Api, made: &Made) -> anyhow::Result<()> {
    let (Some(staff), Some(sid)) = (&made.staff, &made.session) else {
        return Ok(());
    };
    let control = format!("/api/v1/sessions/{sid}/control");
    let closed = match &made.opened_poll {
        Some(aid) => api
            .post::<serde_json::Value>(
                "close the poll",
                &control,
                Some(staff),
                &json!({"action": "close", "activity_id": aid}),
            )
            .await
            .map(drop),
        None => Ok(()),
    };
    // Lock even when closing failed.
    api.post::<serde_json::Value>(
        "lock the session",
        &control,
        Some(staff),
        &json!({"action": "lock"}),
    )
    .await?;
    closed
}

/// The session the benchmark made.
#[derive(Debug)]
struct Prepared {
    /// `Bearer …` of the facilitator.
    staff: String,
    /// Session id.
    sid: String,
    /// Its join code.
    join_code: String,
    /// The poll's id.
    aid: String,
    /// The server's resident memory before the run (its peak figure is the
    /// high-water mark since it started, so an earlier run may have set it).
    rss_before: Option<u64>,
}

/// The facilitator logs in and prepares a session with one poll.
async fn prepare(api: &Api, o: &BenchOpts, made: &mut Made) -> anyhow::Result<Prepared> {
    made.phase = "logging in";
    let login: api::Login = api
        .post(
            "log in",
            "/api/v1/auth/login",
            None,
            &json!({"email": o.email, "password": o.password}),
        )
        .await?;
    let staff = format!("Bearer {}", login.token);
    made.staff = Some(staff.clone());
    let before: api::Stats = api
        .get("read the server's figures", "/api/v1/server/stats", &staff)
        .await?;
    let unix = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    made.phase = "creating the session";
    let session: api::SessionDetail = api
        .post(
            "create the session",
            "/api/v1/sessions",
            Some(&staff),
            &json!({
                "title": format!("Benchmark {}", stats::utc_stamp(unix)),
                "template": "blank",
                "lang": "nl",
            }),
        )
        .await?;
    let sid = session.id;
    made.session = Some(sid.clone());
    let step = &session
        .steps
        .first()
        .context("the new session has no step to put the poll in")?
        .id;
    let poll: api::Created = api
        .post(
            "add the poll",
            &format!("/api/v1/sessions/{sid}/activities"),
            Some(&staff),
            &json!({
                "step_id": step,
                "title": "Benchmark poll",
                "kind": {"type": "single_choice", "options": OPTIONS},
                "audience": "individuals",
            }),
        )
        .await?;
    Ok(Prepared {
        staff,
        sid,
        join_code: session.join_code,
        aid: poll.id,
        rss_before: before.rss_bytes,
    })
}

/// The whole measurement, up to the figures.
async fn bench(api: &Api, o: &BenchOpts, made: &mut Made) -> anyhow::Result<Report> {
    let n = o.participants;
    let p = prepare(api, o, made).await?;
    let (staff, sid, aid) = (&p.staff, &p.sid, &p.aid);

    // Every long-lived task (the screen, the participants' streams) lives
    // in this set: dropping it, on success or on error, closes all streams.
    let mut streams = JoinSet::new();

    // The projector screen watches from the start.
    made.phase = "waiting for the screen's first frame";
    let screen = Arc::new(live::ScreenLog::new());
    streams.spawn(live::watch_screen(
        api.clone(),
        format!("/api/v1/sessions/{sid}/screen/live"),
        staff.clone(),
        screen.clone(),
    ));
    screen
        .wait_for(0, STREAM_WAIT)
        .await
        .context("the screen's live stream never showed the session")?;

    made.phase = "joining participants";
    let (auths, join_time) = crowd::join_all(api, &p.join_code, n, o.concurrency).await?;

    // Each participant opens its live stream and keeps it open; `gate`
    // bounds how many are being opened at once, like the joins.
    made.phase = "opening the participants' live streams";
    let (note_tx, mut notes) = mpsc::unbounded_channel();
    let gate = Arc::new(Semaphore::new(o.concurrency));
    let live_path: Arc<str> = format!("/api/v1/sessions/{sid}/live").into();
    let poll_id: Arc<str> = aid.as_str().into();
    let streams_started = Instant::now();
    for (i, auth) in auths.iter().enumerate() {
        streams.spawn(live::watch_participant(
            api.clone(),
            i,
            live_path.clone(),
            auth.clone(),
            poll_id.clone(),
            gate.clone(),
            note_tx.clone(),
        ));
    }
    // Only the tasks hold senders now: the channel closes if all of them end.
    drop(note_tx);
    let mut progress = Progress::new(n);
    progress.wait(&mut notes, |p| p.ready_settled() >= n).await;
    let streams_ready_time = progress
        .ready
        .iter()
        .flatten()
        .max()
        .map(|t| t.saturating_duration_since(streams_started))
        .unwrap_or_default();

    // The facilitator opens the poll; how long until every phone shows it?
    made.phase = "opening the poll";
    let open_sent = Instant::now();
    api.post::<serde_json::Value>(
        "open the poll",
        &format!("/api/v1/sessions/{sid}/control"),
        Some(staff),
        &json!({"action": "open", "activity_id": aid}),
    )
    .await?;
    made.opened_poll = Some(aid.clone());
    progress.wait(&mut notes, |p| p.open_settled() >= n).await;
    let fan_out: Vec<Duration> = progress
        .opened
        .iter()
        .flatten()
        .map(|t| t.saturating_duration_since(open_sent))
        .collect();

    // Everyone answers once; some send the same request again.
    made.phase = "submitting answers";
    let submissions = crowd::submit_all(api, sid, aid, &auths, o.retry_share).await?;
    let acked: Vec<(Instant, Instant, i64)> = submissions
        .iter()
        .filter_map(|s| s.acked.map(|(at, seq)| (s.sent, at, seq)))
        .collect();
    let submit_time = match (
        submissions.iter().map(|s| s.sent).min(),
        acked.iter().map(|(_, at, _)| *at).max(),
    ) {
        (Some(first), Some(last)) => last.saturating_duration_since(first),
        _ => Duration::ZERO,
    };

    // The screen must catch up with the last acknowledged answer.
    made.phase = "waiting for the screen to catch up";
    let last_seq = acked.iter().map(|(_, _, seq)| *seq).max().unwrap_or(0);
    let screen_note = screen
        .wait_for(last_seq, SCREEN_CATCH_UP)
        .await
        .err()
        .map(|e| format!("{e:#}"));
    let frames = screen.frames();
    let sent_at: Vec<(Instant, i64)> = acked.iter().map(|(sent, _, seq)| (*sent, *seq)).collect();
    let (to_screen, not_on_screen) = stats::screen_latencies(&frames, &sent_at);

    // The tally must hold exactly what everyone answered.
    made.phase = "checking the results and the event log";
    let results: api::Results = api
        .get(
            "read the results",
            &format!("/api/v1/sessions/{sid}/activities/{aid}/results"),
            staff,
        )
        .await?;
    if results.tally.kind != "choice" {
        bail!(
            "the poll's tally is of type {:?}, not choice",
            results.tally.kind
        );
    }
    let mut expected = [0u64; OPTIONS.len()];
    for i in 0..n {
        expected[crowd::option_of(i)] += 1;
    }
    let (lost, duplicated) = verify::compare_counts(&expected, &results.tally.counts);

    // The log must hold exactly one answer event per participant, and each
    // acknowledgement must point at one of them.
    let answer_seqs = verify::answer_events(api, sid, aid, staff, n).await?;
    let in_log: HashSet<i64> = answer_seqs.iter().copied().collect();
    let acks_not_in_log = acked
        .iter()
        .filter(|(_, _, seq)| !in_log.contains(seq))
        .count();

    // Memory while every stream is still open.
    let server: api::Stats = api
        .get("read the server's figures", "/api/v1/server/stats", staff)
        .await?;

    Ok(Report {
        participants: n,
        concurrency: o.concurrency,
        join_time,
        streams_ready: progress.ready.iter().flatten().count(),
        streams_ready_time,
        stream_failure: progress.first_failure(),
        stream_failures: progress.failed.iter().flatten().count(),
        opened: fan_out.len(),
        fan_out: Summary::of(fan_out),
        ack: Summary::of(acked.iter().map(|(sent, at, _)| *at - *sent).collect()),
        in_flight: SUBMIT_IN_FLIGHT.min(n),
        acked: acked.len(),
        submit_time,
        failed_submissions: submissions.iter().filter(|s| s.acked.is_none()).count(),
        submit_error: submissions.iter().find_map(|s| s.error.clone()),
        to_screen: Summary::of(to_screen),
        not_on_screen,
        screen_note,
        screen_frames: frames.len(),
        retries_sent: submissions.iter().filter(|s| s.retry.is_some()).count(),
        retries_duplicate: submissions
            .iter()
            .filter(|s| matches!(s.retry, Some(Ok(()))))
            .count(),
        retry_error: submissions
            .iter()
            .find_map(|s| s.retry.clone().and_then(Result::err)),
        lost,
        duplicated,
        log_answers: answer_seqs.len(),
        acks_not_in_log,
        request_retries: api.retries(),
        stream_reconnects: api.reconnects(),
        peak_rss: server.peak_rss_bytes,
        rss: server.rss_bytes,
        rss_before: p.rss_before,
    })
}
