//! Reading a server-sent event stream in tests.

#![allow(dead_code, clippy::unwrap_used)]

use eventsource_stream::Eventsource;
use futures::StreamExt;
use serde_json::Value;
use std::time::Duration;

/// One frame.
#[derive(Debug, Clone)]
pub struct Frame {
    pub seq: i64,
    pub body: Value,
}

/// An open stream of frames.
pub struct Stream {
    inner: std::pin::Pin<Box<dyn futures::Stream<Item = Frame> + Send>>,
}

impl Stream {
    /// Opens `url` with optional extra headers.
    pub async fn open(client: &reqwest::Client, url: &str, headers: &[(&str, String)]) -> Stream {
        let mut req = client.get(url);
        for (k, v) in headers {
            req = req.header(*k, v);
        }
        let resp = req.send().await.unwrap();
        assert_eq!(resp.status(), 200, "SSE {url}");
        assert!(
            resp.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/event-stream")
        );
        let inner = resp
            .bytes_stream()
            .eventsource()
            .filter_map(|ev| async move {
                let ev = ev.ok()?;
                (ev.event == "frame").then(|| Frame {
                    seq: ev.id.parse().unwrap(),
                    body: serde_json::from_str(&ev.data).unwrap(),
                })
            })
            .boxed();
        Stream { inner }
    }

    /// The next frame, or None if none comes within `wait`.
    pub async fn next(&mut self, wait: Duration) -> Option<Frame> {
        tokio::time::timeout(wait, self.inner.next())
            .await
            .ok()
            .flatten()
    }

    /// Frames until one satisfies `pred` (bounded by `wait` overall).
    pub async fn until(&mut self, wait: Duration, pred: impl Fn(&Frame) -> bool) -> Frame {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            let f = self.next(left).await.expect("a matching frame in time");
            if pred(&f) {
                return f;
            }
        }
    }
}
