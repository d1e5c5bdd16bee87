//! Server-sent events: the live channel to browsers and API clients.
//! `EventSource` reconnects by itself and sends `Last-Event-ID`; our pages'
//! script adds a watchdog for connections that silently stall.

use super::Frame;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

/// The last frame a reconnecting client saw: `Last-Event-ID`, or `?after=`.
pub fn last_seen(headers: &HeaderMap, after: Option<i64>) -> Option<i64> {
    headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .or(after)
}

/// Subscribes to a session's frames for `audience` and streams them,
/// resuming after the frame the client last saw.
pub fn serve(
    hub: &super::Hub,
    session: koers_core::ids::SessionId,
    audience: super::Audience,
    headers: &HeaderMap,
    after: Option<i64>,
) -> Response {
    stream(hub.subscribe(session, audience), last_seen(headers, after))
}

/// Streams frames from `rx`, starting with the current one unless the client
/// saw it already.
pub fn stream(rx: watch::Receiver<Option<Arc<Frame>>>, last_seen: Option<i64>) -> Response {
    let events = futures::stream::unfold(
        (rx, last_seen, true),
        |(mut rx, mut last, first)| async move {
            loop {
                let frame = rx.borrow_and_update().clone();
                if let Some(f) = frame
                    && Some(f.seq) != last
                {
                    last = Some(f.seq);
                    let mut ev = Event::default()
                        .id(f.seq.to_string())
                        .event("frame")
                        .data(&f.body);
                    if first {
                        ev = ev.retry(Duration::from_secs(2));
                    }
                    return Some((Ok::<_, Infallible>(ev), (rx, last, false)));
                }
                if rx.changed().await.is_err() {
                    return None;
                }
            }
        },
    );
    let mut resp = Sse::new(events)
        // A named event (not a comment) so the page script can see the
        // connection is alive and reconnect when it goes quiet.
        .keep_alive(
            KeepAlive::new()
                .interval(Duration::from_secs(15))
                .event(Event::default().event("ping").data("1")),
        )
        .into_response();
    // Proxies must not buffer the stream.
    resp.headers_mut()
        .insert("x-accel-buffering", HeaderValue::from_static("no"));
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    resp
}
