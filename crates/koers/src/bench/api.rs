//! HTTP plumbing of the benchmark: one shared client that only ever talks to
//! a loopback address, requests with a bounded number of retries, and the
//! few response bodies the benchmark reads.

use anyhow::{Context, anyhow, bail};
use reqwest::header::{ACCEPT, AUTHORIZATION};
use reqwest::{Client, Method, Response, StatusCode, Url};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Most retries of one request (or reconnects of one live stream) after the
/// first attempt.
pub const MAX_RETRIES: u32 = 5;
/// Bound on one ordinary request, body included. The server gives up on a
/// request after 30 s itself.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(35);
/// Bound on setting up a TCP connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Bound on a live stream answering with its headers (its body is endless,
/// so the request timeout cannot apply to it).
const STREAM_OPEN_TIMEOUT: Duration = Duration::from_secs(35);

/// Checks that `url` is plain HTTP to a loopback host, and returns it without
/// query or fragment. A benchmark floods its target, so it must only ever
/// aim at this machine.
pub fn loopback_base(url: &str) -> anyhow::Result<Url> {
    let mut parsed = Url::parse(url).with_context(|| format!("--url {url:?} is not a URL"))?;
    if parsed.scheme() != "http" {
        bail!("--url must start with http:// (the benchmark talks plain HTTP to a local server)");
    }
    let host = parsed.host_str().unwrap_or_default();
    if !is_loopback_host(host) {
        bail!(
            "--url {url:?}: the benchmark only sends traffic to this machine's loopback \
             interface (127.0.0.0/8, ::1 or localhost), not to {host:?}"
        );
    }
    parsed.set_query(None);
    parsed.set_fragment(None);
    Ok(parsed)
}

/// Whether a URL's host (as `Url::host_str` gives it: IPv6 in brackets) is
/// a loopback address or `localhost`.
pub fn is_loopback_host(host: &str) -> bool {
    let bare = unbracket(host);
    match bare.parse::<IpAddr>() {
        Ok(ip) => is_loopback_ip(ip),
        Err(_) => bare.eq_ignore_ascii_case("localhost") || bare.eq_ignore_ascii_case("localhost."),
    }
}

/// Whether an address is loopback, including IPv4 loopback mapped into IPv6.
pub fn is_loopback_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback(),
        IpAddr::V6(v6) => {
            v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
        }
    }
}

fn unbracket(host: &str) -> &str {
    host.strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host)
}

/// Checks that every address the URL's host name resolves to is loopback:
/// `localhost` is only a name, and a hosts file could point it elsewhere.
pub async fn check_resolves_to_loopback(url: &Url) -> anyhow::Result<()> {
    let host = unbracket(url.host_str().unwrap_or_default()).to_string();
    let port = url.port_or_known_default().unwrap_or(80);
    let addrs: Vec<_> = tokio::net::lookup_host((host.as_str(), port))
        .await
        .with_context(|| format!("cannot resolve {host}"))?
        .collect();
    if addrs.is_empty() {
        bail!("{host} resolves to no address");
    }
    if let Some(a) = addrs.iter().find(|a| !is_loopback_ip(a.ip())) {
        bail!("{host} resolves to {a}, which is not a loopback address; refusing to benchmark it");
    }
    Ok(())
}

/// Counters of what went wrong on the wire and was retried.
#[derive(Debug, Default)]
struct Counters {
    retries: AtomicU64,
    reconnects: AtomicU64,
}

/// The benchmark's HTTP client: one connection pool shared by every
/// simulated participant (cloning is cheap).
#[derive(Clone, Debug)]
pub struct Api {
    client: Client,
    base: Arc<str>,
    counters: Arc<Counters>,
}

impl Api {
    /// A client for the server at `base` (already checked to be loopback).
    pub fn new(base: &Url) -> anyhow::Result<Api> {
        let client = Client::builder()
            // Loopback must stay loopback: no proxy from the environment, and
            // no redirect may lead the traffic to another host.
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(CONNECT_TIMEOUT)
            .tcp_nodelay(true)
            // Keep every connection the joins and submissions opened, so a
            // burst does not pay for new connections twice.
            .pool_max_idle_per_host(usize::MAX)
            .user_agent(concat!("koers-bench/", env!("CARGO_PKG_VERSION")))
            .build()
            .context("cannot set up the HTTP client")?;
        Ok(Api {
            client,
            base: base.as_str().trim_end_matches('/').into(),
            counters: Arc::default(),
        })
    }

    /// Requests that were sent again after a transport error or a
    /// temporary failure (408, 429, 5xx).
    pub fn retries(&self) -> u64 {
        self.counters.retries.load(Ordering::Relaxed)
    }

    /// Live streams that were opened again after breaking off.
    pub fn reconnects(&self) -> u64 {
        self.counters.reconnects.load(Ordering::Relaxed)
    }

    /// Counts one reconnect of a live stream.
    pub fn count_reconnect(&self) {
        self.counters.reconnects.fetch_add(1, Ordering::Relaxed);
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// GET `path` and read the JSON answer.
    pub async fn get<T: DeserializeOwned>(
        &self,
        what: &str,
        path: &str,
        auth: &str,
    ) -> anyhow::Result<T> {
        self.call(Method::GET, what, path, Some(auth), None).await
    }

    /// POST a JSON body to `path` and read the JSON answer.
    pub async fn post<T: DeserializeOwned>(
        &self,
        what: &str,
        path: &str,
        auth: Option<&str>,
        body: &serde_json::Value,
    ) -> anyhow::Result<T> {
        self.call(Method::POST, what, path, auth, Some(body)).await
    }

    /// PUT a JSON body to `path` and read the JSON answer.
    pub async fn put<T: DeserializeOwned>(
        &self,
        what: &str,
        path: &str,
        auth: &str,
        body: &serde_json::Value,
    ) -> anyhow::Result<T> {
        self.call(Method::PUT, what, path, Some(auth), Some(body))
            .await
    }

    /// Sends a request, retrying at most [`MAX_RETRIES`] times with
    /// exponential backoff when the failure may be temporary. Every request
    /// the benchmark makes is safe to repeat: answers carry a client id, and
    /// a repeated join only adds a participant that never answers.
    async fn call<T: DeserializeOwned>(
        &self,
        method: Method,
        what: &str,
        path: &str,
        auth: Option<&str>,
        body: Option<&serde_json::Value>,
    ) -> anyhow::Result<T> {
        let url = self.url(path);
        let mut attempt = 0;
        loop {
            let mut req = self
                .client
                .request(method.clone(), &url)
                .timeout(REQUEST_TIMEOUT);
            if let Some(auth) = auth {
                req = req.header(AUTHORIZATION, auth);
            }
            if let Some(body) = body {
                req = req.json(body);
            }
            let error = match req.send().await {
                Ok(resp) if resp.status().is_success() => {
                    return resp
                        .json::<T>()
                        .await
                        .with_context(|| format!("{what}: unreadable answer from the server"));
                }
                Ok(resp) if is_temporary(resp.status()) => failure(what, resp).await,
                Ok(resp) => return Err(failure(what, resp).await),
                Err(e) => anyhow!(e).context(format!("{what}: request failed")),
            };
            if attempt >= MAX_RETRIES {
                return Err(error.context(format!("gave up after {MAX_RETRIES} retries")));
            }
            attempt += 1;
            self.counters.retries.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(backoff(attempt)).await;
        }
    }

    /// Opens a live stream (one attempt; the caller reconnects). Sends
    /// `Last-Event-ID` when resuming, as a browser's `EventSource` does.
    pub async fn open_stream(
        &self,
        path: &str,
        auth: &str,
        last_id: Option<&str>,
    ) -> anyhow::Result<Response> {
        let mut req = self
            .client
            .get(self.url(path))
            .header(AUTHORIZATION, auth)
            .header(ACCEPT, "text/event-stream");
        if let Some(id) = last_id {
            req = req.header("last-event-id", id);
        }
        let resp = tokio::time::timeout(STREAM_OPEN_TIMEOUT, req.send())
            .await
            .map_err(|_| anyhow!("the live stream did not answer within {STREAM_OPEN_TIMEOUT:?}"))?
            .context("cannot open the live stream")?;
        if !resp.status().is_success() {
            return Err(failure("open the live stream", resp).await);
        }
        Ok(resp)
    }
}

/// Whether a status says "try again later" rather than "no".
fn is_temporary(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::REQUEST_TIMEOUT
            | StatusCode::TOO_MANY_REQUESTS
            | StatusCode::INTERNAL_SERVER_ERROR
            | StatusCode::BAD_GATEWAY
            | StatusCode::SERVICE_UNAVAILABLE
            | StatusCode::GATEWAY_TIMEOUT
    )
}

/// Wait before retry number `attempt` (1-based): 100 ms doubling up to 2 s,
/// with jitter so that a thousand failed requests do not return in step.
pub fn backoff(attempt: u32) -> Duration {
    let base_ms = (100u64 << attempt.saturating_sub(1).min(5)).min(2_000);
    Duration::from_millis(base_ms + rand::random_range(0..=base_ms / 2))
}

/// An error response as an error, with the server's code and message.
async fn failure(what: &str, resp: Response) -> anyhow::Error {
    let status = resp.status();
    let text = resp.text().await.unwrap_or_default();
    let detail = match serde_json::from_str::<ErrorBody>(&text) {
        Ok(b) => format!("{}: {}", b.error.code, b.error.message),
        Err(_) => text.chars().take(200).collect(),
    };
    anyhow!("{what}: HTTP {status} ({detail})")
}

/// `{"error":{"code","message"}}`.
#[derive(Debug, Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

/// The inside of an error body.
#[derive(Debug, Deserialize)]
struct ErrorDetail {
    code: String,
    message: String,
}

/// Answer of `POST /api/v1/auth/login`.
#[derive(Debug, Deserialize)]
pub struct Login {
    /// Bearer token.
    pub token: String,
}

/// The parts of a session the benchmark needs.
#[derive(Debug, Deserialize)]
pub struct SessionDetail {
    /// Session id.
    pub id: String,
    /// Six-digit join code.
    pub join_code: String,
    /// The agenda's steps (a blank session has one).
    pub steps: Vec<Created>,
}

/// Something with an id (a created activity, a step).
#[derive(Debug, Deserialize)]
pub struct Created {
    /// Its id.
    pub id: String,
}

/// Answer of `POST /api/v1/join`.
#[derive(Debug, Deserialize)]
pub struct Joined {
    /// Device token, sent as `Authorization: Participant TOKEN`.
    pub token: String,
}

/// Acknowledgement of a submitted answer.
#[derive(Debug, Deserialize)]
pub struct Ack {
    /// `accepted`, or `duplicate` for a repeated client id.
    pub status: String,
    /// Log position of the submission.
    pub seq: i64,
}

/// Answer of the results endpoint.
#[derive(Debug, Deserialize)]
pub struct Results {
    /// The tally.
    pub tally: Tally,
}

/// A tally; for a choice poll, respondents per option.
#[derive(Debug, Deserialize)]
pub struct Tally {
    /// `choice` for a single-choice poll.
    #[serde(rename = "type")]
    pub kind: String,
    /// Respondents per option.
    #[serde(default)]
    pub counts: Vec<u64>,
}

/// One entry of the session's event log.
#[derive(Debug, Deserialize)]
pub struct LogEntry {
    /// Its log position.
    pub seq: i64,
    /// What happened.
    pub event: LogEvent,
}

/// The parts of a logged event the benchmark looks at.
#[derive(Debug, Deserialize)]
pub struct LogEvent {
    /// Event type, e.g. `answer_submitted`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The activity, for answer events.
    #[serde(default)]
    pub activity_id: Option<String>,
}

/// Answer of `GET /api/v1/server/stats`.
#[derive(Debug, Deserialize)]
pub struct Stats {
    /// Resident memory now, in bytes.
    pub rss_bytes: Option<u64>,
    /// Peak resident memory, in bytes.
    pub peak_rss_bytes: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_hosts_pass() {
        for ok in [
            "127.0.0.1",
            "127.1.2.3",
            "[::1]",
            "[::ffff:127.0.0.1]",
            "localhost",
            "LocalHost",
        ] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "10.0.0.1",
            "0.0.0.0",
            "[::]",
            "[2001:db8::1]",
            "example.org",
            "localhost.example.org",
            "128.0.0.1",
            "",
        ] {
            assert!(!is_loopback_host(bad), "{bad}");
        }
    }

    #[test]
    fn base_urls_are_checked_and_cleaned() {
        let u = loopback_base("http://127.0.0.1:8080/?x=1#f").unwrap();
        assert_eq!(u.as_str(), "http://127.0.0.1:8080/");
        assert!(loopback_base("http://[::1]:8080").is_ok());
        // Decimal IPv4 is normalised by the URL parser before the check.
        assert!(loopback_base("http://2130706433/").is_ok());
        assert!(loopback_base("https://127.0.0.1/").is_err());
        assert!(loopback_base("http://192.168.1.10:8080").is_err());
        assert!(loopback_base("http://127.0.0.1.example.org/").is_err());
        assert!(loopback_base("not a url").is_err());
    }

    #[test]
    fn backoff_grows_and_is_bounded() {
        assert!(backoff(1) >= Duration::from_millis(100));
        assert!(backoff(1) <= Duration::from_millis(150));
        assert!(backoff(3) >= Duration::from_millis(400));
        assert!(backoff(MAX_RETRIES + 10) <= Duration::from_millis(3_000));
    }

    #[test]
    fn temporary_statuses() {
        assert!(is_temporary(StatusCode::SERVICE_UNAVAILABLE));
        assert!(is_temporary(StatusCode::TOO_MANY_REQUESTS));
        assert!(!is_temporary(StatusCode::CONFLICT));
        assert!(!is_temporary(StatusCode::UNAUTHORIZED));
    }
}
