//! The simulated hall: participants join, their live streams report what
//! they saw, and everyone answers the poll.

use super::api::{self, Api};
use super::live;
use super::{OPTIONS, STREAM_WAIT};
use anyhow::{Context, bail};
use futures::StreamExt;
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinSet;

/// Most answer submissions in flight at once: a hall's phones do not all
/// press at the same millisecond, and an unbounded burst would measure the
/// accept queue rather than Koers.
pub const SUBMIT_IN_FLIGHT: usize = 256;

/// Joins `n` participants with the session's code, `concurrency` at a time.
/// Returns each one's `Authorization` value and how long joining took; fails
/// if anyone could not join, since the rest of the run needs them all.
pub async fn join_all(
    api: &Api,
    code: &str,
    n: usize,
    concurrency: usize,
) -> anyhow::Result<(Vec<Arc<str>>, Duration)> {
    let started = Instant::now();
    let body = json!({"code": code});
    let mut joins = futures::stream::iter(0..n)
        .map(|i| {
            let body = &body;
            async move {
                let joined = api
                    .post::<api::Joined>("join", "/api/v1/join", None, body)
                    .await;
                (i, joined)
            }
        })
        .buffer_unordered(concurrency);
    let mut tokens: Vec<Option<Arc<str>>> = vec![None; n];
    let mut errors = Vec::new();
    while let Some((i, joined)) = joins.next().await {
        match joined {
            Ok(j) => {
                if let Some(slot) = tokens.get_mut(i) {
                    *slot = Some(format!("Participant {}", j.token).into());
                }
            }
            Err(e) => errors.push(e),
        }
    }
    let took = started.elapsed();
    if let Some(e) = errors.first() {
        bail!(
            "{} of {n} participants could not join; the first error: {e:#}",
            errors.len()
        );
    }
    Ok((tokens.into_iter().flatten().collect(), took))
}

/// The option participant `i` picks, so that the expected counts are known.
pub fn option_of(i: usize) -> usize {
    i % OPTIONS.len()
}

/// What the participants' live streams reported so far.
#[derive(Debug)]
pub struct Progress {
    /// When each participant's first frame arrived.
    pub ready: Vec<Option<Instant>>,
    /// When each participant saw the poll open.
    pub opened: Vec<Option<Instant>>,
    /// Why a participant's stream failed for good.
    pub failed: Vec<Option<String>>,
}

impl Progress {
    /// Nothing reported yet, for `n` participants.
    pub fn new(n: usize) -> Progress {
        Progress {
            ready: vec![None; n],
            opened: vec![None; n],
            failed: vec![None; n],
        }
    }

    /// Takes in one report.
    fn note(&mut self, note: live::Note) {
        let (slot, value) = match note {
            live::Note::Ready(i, at) => (self.ready.get_mut(i), at),
            live::Note::Opened(i, at) => (self.opened.get_mut(i), at),
            live::Note::Failed(i, why) => {
                if let Some(f) = self.failed.get_mut(i) {
                    *f = Some(why);
                }
                return;
            }
        };
        if let Some(slot) = slot {
            slot.get_or_insert(value);
        }
    }

    /// Participants whose stream delivered a frame or failed.
    pub fn ready_settled(&self) -> usize {
        settled(&self.ready, &self.failed)
    }

    /// Participants whose stream showed the open poll or failed.
    pub fn open_settled(&self) -> usize {
        settled(&self.opened, &self.failed)
    }

    /// Why the first failed stream failed.
    pub fn first_failure(&self) -> Option<String> {
        self.failed.iter().flatten().next().cloned()
    }

    /// Takes in notes until `done`, until every stream task ended, or for
    /// at most [`STREAM_WAIT`]; the report shows who is missing.
    pub async fn wait(
        &mut self,
        notes: &mut mpsc::UnboundedReceiver<live::Note>,
        done: impl Fn(&Progress) -> bool,
    ) {
        let deadline = tokio::time::Instant::now() + STREAM_WAIT;
        while !done(self) {
            match tokio::time::timeout_at(deadline, notes.recv()).await {
                Ok(Some(note)) => self.note(note),
                Ok(None) | Err(_) => return,
            }
        }
    }
}

/// Participants that reached a point or whose stream failed.
fn settled(reached: &[Option<Instant>], failed: &[Option<String>]) -> usize {
    reached
        .iter()
        .zip(failed)
        .filter(|(r, f)| r.is_some() || f.is_some())
        .count()
}

/// One participant's answer, as the benchmark saw it.
#[derive(Debug)]
pub struct Submitted {
    /// Which participant.
    pub idx: usize,
    /// When the request went out (after waiting for a slot).
    pub sent: Instant,
    /// When the acknowledgement came, and its log position.
    pub acked: Option<(Instant, i64)>,
    /// Why there was no acknowledgement.
    pub error: Option<String>,
    /// For a repeated request: `Ok` if it came back as the same duplicate.
    pub retry: Option<Result<(), String>>,
}

/// Every participant submits its answer at once, at most
/// [`SUBMIT_IN_FLIGHT`] in flight; a `share` of them, picked at random,
/// repeat their request after the acknowledgement.
pub async fn submit_all(
    api: &Api,
    sid: &str,
    aid: &str,
    auths: &[Arc<str>],
    share: f64,
) -> anyhow::Result<Vec<Submitted>> {
    let n = auths.len();
    let repeaters = ((n as f64 * share).round() as usize).min(n);
    let mut repeat = vec![false; n];
    for i in rand::seq::index::sample(&mut rand::rng(), n, repeaters) {
        repeat[i] = true;
    }
    let path: Arc<str> = format!("/api/v1/sessions/{sid}/activities/{aid}/answer").into();
    let slots = Arc::new(Semaphore::new(SUBMIT_IN_FLIGHT.min(n)));
    let mut tasks = JoinSet::new();
    for (i, auth) in auths.iter().enumerate() {
        tasks.spawn(submit(
            api.clone(),
            i,
            path.clone(),
            auth.clone(),
            repeat[i],
            slots.clone(),
        ));
    }
    let mut done: Vec<Option<Submitted>> = (0..n).map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        let s = joined.context("a submission task failed")??;
        let idx = s.idx;
        if let Some(slot) = done.get_mut(idx) {
            *slot = Some(s);
        }
    }
    Ok(done.into_iter().flatten().collect())
}

/// One participant answers (and maybe repeats the identical request).
async fn submit(
    api: Api,
    idx: usize,
    path: Arc<str>,
    auth: Arc<str>,
    repeat: bool,
    slots: Arc<Semaphore>,
) -> anyhow::Result<Submitted> {
    let _slot = slots.acquire_owned().await?;
    let body = json!({
        "client_id": uuid::Uuid::new_v4(),
        "answer": {"type": "choice", "option": option_of(idx)},
    });
    let sent = Instant::now();
    let first = api
        .put::<api::Ack>("submit an answer", &path, &auth, &body)
        .await;
    let done = Instant::now();
    let ack = match first {
        // `duplicate` here means a retry after a broken connection found the
        // first attempt already stored: that is its acknowledgement.
        Ok(ack) if ack.status == "accepted" || ack.status == "duplicate" => ack,
        Ok(ack) => {
            return Ok(Submitted {
                idx,
                sent,
                acked: None,
                error: Some(format!("unexpected status {:?}", ack.status)),
                retry: None,
            });
        }
        Err(e) => {
            return Ok(Submitted {
                idx,
                sent,
                acked: None,
                error: Some(format!("{e:#}")),
                retry: None,
            });
        }
    };
    let retry = if repeat {
        Some(
            match api
                .put::<api::Ack>("repeat an answer", &path, &auth, &body)
                .await
            {
                Ok(again) if again.status == "duplicate" && again.seq == ack.seq => Ok(()),
                Ok(again) => Err(format!(
                    "a repeated answer came back {:?} at {} instead of duplicate at {}",
                    again.status, again.seq, ack.seq
                )),
                Err(e) => Err(format!("{e:#}")),
            },
        )
    } else {
        None
    };
    Ok(Submitted {
        idx,
        sent,
        acked: Some((done, ack.seq)),
        error: None,
        retry,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_spread_evenly() {
        let mut counts = [0; OPTIONS.len()];
        for i in 0..10 {
            counts[option_of(i)] += 1;
        }
        assert_eq!(counts, [3, 3, 2, 2]);
    }

    #[test]
    fn progress_counts_failed_streams_as_settled() {
        let mut p = Progress::new(3);
        let now = Instant::now();
        p.note(live::Note::Ready(0, now));
        p.note(live::Note::Failed(2, "gone".into()));
        assert_eq!(p.ready_settled(), 2);
        // A second note for the same participant keeps the first time.
        p.note(live::Note::Ready(0, now + Duration::from_secs(1)));
        assert_eq!(p.ready[0], Some(now));
        assert_eq!(p.first_failure().as_deref(), Some("gone"));
        assert_eq!(p.open_settled(), 1);
    }
}
