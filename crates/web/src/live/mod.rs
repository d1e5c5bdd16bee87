//! The live channel.
//!
//! The database is the source of truth. After a change commits, the writer's
//! caller calls [`Hub::changed`]; the session's render task (running while
//! anyone watches the session) reads one consistent snapshot, renders a
//! frame per audience, and publishes it on a `watch` channel. Each connected
//! client (SSE, see [`sse`]) receives the newest frame: changes that arrive
//! while a frame is being rendered are coalesced into the next one, and a
//! slow client skips to the newest frame instead of lagging or being dropped.
//!
//! Cost per change is one snapshot read and one render per audience and
//! language, whatever the number of clients; fan-out is one shared
//! `Arc<Frame>` per client. Participants only receive a frame when what
//! they see changed (not on every answer of others).
//!
//! Resume: every frame carries the session's log position (`seq`) as its SSE
//! id. A reconnecting client sends the last id it saw (`Last-Event-ID`); it
//! gets the current frame if anything changed since, and nothing otherwise.
//! A frame is a complete snapshot, so nothing in between can be missed.
//! Participants' own answers are not in the frames (they are the same for
//! everyone); the page keeps them and the API returns them.

pub mod sse;

use crate::config::WebConfig;
use crate::views::frames::{Frames, render_frames};
use koers_core::ids::SessionId;
use koers_core::lang::Lang;
use koers_store::Store;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Notify, watch};

/// Shortest time between two frames of one session: bursts of answers are
/// shown together, at most ten times a second.
const MIN_INTERVAL: Duration = Duration::from_millis(100);
/// How long a render task lives on after its last viewer left.
const IDLE_EXIT: Duration = Duration::from_secs(30);

/// Who a frame is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Audience {
    /// The projector screen (in the session's language).
    Screen,
    /// Phones and tablets, in a language.
    Participant(Lang),
    /// The facilitator's console, in a language.
    Console(Lang),
}

/// One rendered view of a session.
#[derive(Debug, PartialEq, Eq)]
pub struct Frame {
    /// The session's log position this frame reflects.
    pub seq: i64,
    /// The frame as JSON (regions of HTML and a little state).
    pub body: String,
}

type Slot = watch::Sender<Option<Arc<Frame>>>;

#[derive(Debug)]
struct Channels {
    dirty: Notify,
    /// A facilitator acted: render without waiting out the throttle.
    urgent: Notify,
    slots: HashMap<Audience, Slot>,
}

impl Channels {
    fn new() -> Channels {
        let mut slots = HashMap::new();
        slots.insert(Audience::Screen, watch::channel(None).0);
        for lang in Lang::ALL {
            slots.insert(Audience::Participant(lang), watch::channel(None).0);
            slots.insert(Audience::Console(lang), watch::channel(None).0);
        }
        Channels {
            dirty: Notify::new(),
            urgent: Notify::new(),
            slots,
        }
    }

    fn viewers(&self) -> usize {
        self.slots.values().map(|s| s.receiver_count()).sum()
    }

    fn publish(&self, seq: i64, frames: Frames) {
        let put = |aud: Audience, body: String| {
            if let Some(slot) = self.slots.get(&aud) {
                slot.send_if_modified(|cur| {
                    if cur.as_ref().is_some_and(|f| f.body == body) {
                        return false;
                    }
                    *cur = Some(Arc::new(Frame { seq, body }));
                    true
                });
            }
        };
        put(Audience::Screen, frames.screen);
        for (lang, body) in frames.participant {
            put(Audience::Participant(lang), body);
        }
        for (lang, body) in frames.console {
            put(Audience::Console(lang), body);
        }
    }
}

/// The live hub of one app node.
#[derive(Clone, Debug)]
pub struct Hub {
    inner: Arc<HubInner>,
}

#[derive(Debug)]
struct HubInner {
    store: Store,
    config: WebConfig,
    sessions: Mutex<HashMap<SessionId, Arc<Channels>>>,
    stopping: watch::Sender<bool>,
}

impl Hub {
    /// A hub reading from `store`.
    pub fn new(store: Store, config: WebConfig) -> Hub {
        Hub {
            inner: Arc::new(HubInner {
                store,
                config,
                sessions: Mutex::new(HashMap::new()),
                stopping: watch::channel(false).0,
            }),
        }
    }

    /// Something in the session changed (and is committed).
    pub fn changed(&self, session: SessionId) {
        let map = self
            .inner
            .sessions
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(ch) = map.get(&session) {
            ch.dirty.notify_one();
        }
    }

    /// Something changed that people wait for (the facilitator opened,
    /// closed or moved on): render it without waiting out the throttle.
    pub fn changed_now(&self, session: SessionId) {
        let map = self
            .inner
            .sessions
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(ch) = map.get(&session) {
            ch.urgent.notify_one();
            ch.dirty.notify_one();
        }
    }

    /// Every watched session may have changed (e.g. after a gap in the
    /// change feed from other nodes).
    pub fn changed_all(&self) {
        let map = self
            .inner
            .sessions
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        for ch in map.values() {
            ch.dirty.notify_one();
        }
    }

    /// Starts watching a session; the receiver holds the newest frame (None
    /// until the first one is rendered).
    pub fn subscribe(
        &self,
        session: SessionId,
        audience: Audience,
    ) -> watch::Receiver<Option<Arc<Frame>>> {
        if *self.inner.stopping.borrow() {
            return watch::channel(None).1;
        }
        let mut map = self
            .inner
            .sessions
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let ch = map
            .entry(session)
            .or_insert_with(|| {
                let ch = Arc::new(Channels::new());
                tokio::spawn(render_loop(self.inner.clone(), session, ch.clone()));
                ch
            })
            .clone();
        ch.slots
            .get(&audience)
            .map(|s| s.subscribe())
            .unwrap_or_else(|| watch::channel(None).1)
    }

    /// Ends every live stream (for a graceful shutdown): render tasks stop
    /// and drop their channels, so each client's stream ends.
    pub fn shutdown(&self) {
        self.inner.stopping.send_replace(true);
        self.inner
            .sessions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// Number of sessions with a running render task.
    pub fn watched_sessions(&self) -> usize {
        self.inner
            .sessions
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }
}

async fn render_loop(hub: Arc<HubInner>, session: SessionId, ch: Arc<Channels>) {
    let mut stopping = hub.stopping.subscribe();
    loop {
        if *stopping.borrow() {
            return;
        }
        match hub.store.live_data(session).await {
            Ok(Some(data)) => {
                let seq = data.seq;
                let config = hub.config.clone();
                // Rendering is CPU work; keep it off the async threads' hot path.
                match tokio::task::spawn_blocking(move || render_frames(&data, &config)).await {
                    Ok(frames) => ch.publish(seq, frames),
                    Err(e) => tracing::error!(error = %e, "rendering live frames failed"),
                }
            }
            Ok(None) => {
                remove(&hub, session);
                return;
            }
            Err(e) => {
                tracing::warn!(error = %e, %session, "live snapshot failed; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
                ch.dirty.notify_one();
            }
        }
        // The throttle: bursts of answers are shown together. A facilitator's
        // action cuts it short.
        tokio::select! {
            _ = tokio::time::sleep(MIN_INTERVAL) => {},
            _ = ch.urgent.notified() => {},
        }
        loop {
            tokio::select! {
                _ = ch.dirty.notified() => break,
                _ = stopping.changed() => return,
                _ = tokio::time::sleep(IDLE_EXIT) => {
                    let mut map = hub.sessions.lock().unwrap_or_else(|e| e.into_inner());
                    if ch.viewers() == 0 {
                        map.remove(&session);
                        return;
                    }
                }
            }
        }
    }
}

fn remove(hub: &HubInner, session: SessionId) {
    hub.sessions
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&session);
}
