//! The live channel as the benchmark sees it: server-sent event streams read
//! with `eventsource-stream` over `reqwest`, resumed with `Last-Event-ID`
//! like a browser's `EventSource`, at most [`MAX_RETRIES`] times.

use super::api::{Api, MAX_RETRIES, backoff};
use anyhow::{Context, anyhow};
use eventsource_stream::Eventsource;
use futures::StreamExt;
use serde::Deserialize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{Semaphore, mpsc, watch};

/// Follows a live stream and calls `on_frame(seq, data, arrival)` for every
/// `frame` event (pings are skipped). When the stream breaks off or ends,
/// reconnects with the last id seen; gives up after [`MAX_RETRIES`]
/// reconnects. `gate` bounds how many streams are being opened at once: a
/// few thousand simultaneous connects would overflow the server's accept
/// queue and measure SYN retransmits instead of Koers.
pub async fn follow<F>(
    api: &Api,
    path: &str,
    auth: &str,
    gate: Option<&Semaphore>,
    mut on_frame: F,
) -> anyhow::Result<()>
where
    F: FnMut(i64, &str, Instant),
{
    let mut last_id: Option<String> = None;
    let mut attempt = 0;
    loop {
        let error = match read(api, path, auth, gate, &mut last_id, &mut on_frame).await {
            Ok(()) => anyhow!("the server ended the live stream"),
            Err(e) => e,
        };
        if attempt >= MAX_RETRIES {
            return Err(error.context(format!(
                "live stream gave up after {MAX_RETRIES} reconnects"
            )));
        }
        attempt += 1;
        api.count_reconnect();
        tokio::time::sleep(backoff(attempt)).await;
    }
}

/// One connection of [`follow`]: until the stream ends or fails.
async fn read<F>(
    api: &Api,
    path: &str,
    auth: &str,
    gate: Option<&Semaphore>,
    last_id: &mut Option<String>,
    on_frame: &mut F,
) -> anyhow::Result<()>
where
    F: FnMut(i64, &str, Instant),
{
    let resp = {
        let _permit = match gate {
            Some(g) => Some(g.acquire().await?),
            None => None,
        };
        api.open_stream(path, auth, last_id.as_deref()).await?
    };
    let mut events = resp.bytes_stream().eventsource();
    while let Some(event) = events.next().await {
        let event = event.map_err(|e| anyhow!("reading the live stream: {e}"))?;
        if event.event != "frame" {
            continue;
        }
        let arrived = Instant::now();
        let seq = event
            .id
            .trim()
            .parse::<i64>()
            .with_context(|| format!("frame id {:?} is not a log position", event.id))?;
        on_frame(seq, &event.data, arrived);
        *last_id = Some(event.id);
    }
    Ok(())
}

/// What a participant's stream reports to the benchmark.
#[derive(Debug)]
pub enum Note {
    /// Participant `.0` received its first frame at `.1`.
    Ready(usize, Instant),
    /// Participant `.0` saw the poll open at `.1`.
    Opened(usize, Instant),
    /// Participant `.0`'s stream failed for good.
    Failed(usize, String),
}

/// The live stream of one participant: reports its first frame and the
/// frame that shows `poll` open, then keeps the connection open (as a phone
/// in the hall does) until the benchmark drops the task.
pub async fn watch_participant(
    api: Api,
    idx: usize,
    path: Arc<str>,
    auth: Arc<str>,
    poll: Arc<str>,
    gate: Arc<Semaphore>,
    notes: mpsc::UnboundedSender<Note>,
) {
    let (mut ready, mut opened) = (false, false);
    let result = follow(&api, &path, &auth, Some(&gate), |_, data, arrived| {
        // A closed channel only means the benchmark stopped listening.
        if !ready {
            ready = true;
            let _ = notes.send(Note::Ready(idx, arrived));
        }
        if !opened && shows_open_poll(data, &poll) {
            opened = true;
            let _ = notes.send(Note::Opened(idx, arrived));
        }
    })
    .await;
    if let Err(e) = result {
        let _ = notes.send(Note::Failed(idx, format!("{e:#}")));
    }
}

/// Whether a participant frame (`{"regions":…,"state":{"activity","open",
/// "locked"}}`) shows `poll` open for answers.
pub fn shows_open_poll(data: &str, poll: &str) -> bool {
    /// The frame, without its HTML.
    #[derive(Deserialize)]
    struct Body {
        state: Option<State>,
    }
    /// The participant page's state.
    #[derive(Deserialize)]
    struct State {
        activity: Option<String>,
        #[serde(default)]
        open: bool,
    }
    serde_json::from_str::<Body>(data)
        .ok()
        .and_then(|b| b.state)
        .is_some_and(|s| s.open && s.activity.as_deref() == Some(poll))
}

/// Every frame the screen received, for matching submissions to the frame
/// that first showed them.
#[derive(Debug)]
pub struct ScreenLog {
    /// (log position, arrival) in order of arrival.
    frames: Mutex<Vec<(i64, Instant)>>,
    /// Highest log position shown so far (-1: nothing yet).
    newest: watch::Sender<i64>,
    /// Why the stream failed for good, if it did.
    failure: Mutex<Option<String>>,
}

impl ScreenLog {
    /// An empty log.
    pub fn new() -> ScreenLog {
        ScreenLog {
            frames: Mutex::new(Vec::new()),
            newest: watch::channel(-1).0,
            failure: Mutex::new(None),
        }
    }

    /// The frames so far.
    pub fn frames(&self) -> Vec<(i64, Instant)> {
        self.frames
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Waits at most `limit` until the screen has shown log position `seq`.
    pub async fn wait_for(&self, seq: i64, limit: Duration) -> anyhow::Result<()> {
        let mut rx = self.newest.subscribe();
        match tokio::time::timeout(limit, rx.wait_for(|&s| s >= seq)).await {
            Ok(Ok(_)) => Ok(()),
            _ => {
                let why = self
                    .failure
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .clone()
                    .unwrap_or_else(|| "no error; it was just slow".into());
                Err(anyhow!(
                    "the screen did not show log position {seq} within {limit:?} ({why})"
                ))
            }
        }
    }
}

/// The projector screen's live stream (staff endpoint), recording every
/// frame into `log` until the benchmark drops the task.
pub async fn watch_screen(api: Api, path: String, auth: String, log: Arc<ScreenLog>) {
    let result = follow(&api, &path, &auth, None, |seq, _, arrived| {
        log.frames
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((seq, arrived));
        log.newest.send_if_modified(|s| {
            let newer = seq > *s;
            *s = (*s).max(seq);
            newer
        });
    })
    .await;
    if let Err(e) = result {
        *log.failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(format!("{e:#}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_poll_frames_are_recognised() {
        let open = r#"{"regions":{"activity":"<form>…</form>"},"state":{"activity":"a1","open":true,"locked":false}}"#;
        assert!(shows_open_poll(open, "a1"));
        assert!(!shows_open_poll(open, "a2"));
        let shown = r#"{"regions":{},"state":{"activity":"a1","open":false,"locked":false}}"#;
        assert!(!shows_open_poll(shown, "a1"));
        let welcome = r#"{"regions":{},"state":{"activity":null,"open":false,"locked":false}}"#;
        assert!(!shows_open_poll(welcome, "a1"));
        assert!(!shows_open_poll("not json", "a1"));
    }
}
