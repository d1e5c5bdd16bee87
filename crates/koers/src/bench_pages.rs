//! What the page benchmarks (`bench-inventory`, `bench-questionnaire`)
//! share: printing min and median of a set of timings, and serving a store
//! on loopback to a signed-in account, as a browser would reach it.

use crate::bench::stats::ms;
use std::net::SocketAddr;
use std::time::Duration;

/// Prints `label`, the min and the median of `times`, and `extra`.
pub fn report(label: &str, times: &mut [Duration], extra: &str) {
    times.sort();
    let min = times.first().copied().unwrap_or_default();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    println!(
        "{label:<34} min {:>9}  median {:>9}{extra}",
        ms(min),
        ms(median)
    );
}

/// The app on a loopback port, and a bearer token signed in as `user`.
pub struct Served {
    /// Where it listens.
    pub addr: SocketAddr,
    /// A bearer token for `user`, valid for an hour.
    pub token: String,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Served {
    /// Stops serving.
    pub fn stop(self) {
        self.server.abort();
    }
}

/// Serves `store` on loopback with `user` signed in.
pub async fn serve_signed_in(
    store: &koers_store::Store,
    user: &koers_store::User,
) -> anyhow::Result<Served> {
    let token = koers_web::security::tokens::random_token();
    let hash = koers_web::security::tokens::hash_token(&token);
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_millis() as i64;
    store
        .create_auth_session(&hash, user.id, now_ms + 3_600_000)
        .await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let mut config = koers_web::WebConfig::new(&format!("http://{addr}"), [7u8; 32]);
    config.secure_cookies = false;
    let state = koers_web::AppState::new(store.clone(), config);
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            koers_web::app(state).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
    });
    Ok(Served {
        addr,
        token,
        server,
    })
}
