//! Real headless Chromium driven through ChromeDriver (WebDriver), for the
//! end-to-end tests. Needs Debian's `chromium` and `chromium-driver`
//! (`KOERS_CHROMIUM` and `KOERS_CHROMEDRIVER` override the paths).

#![allow(dead_code, clippy::unwrap_used)]

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;
use tokio::process::{Child, Command};

/// A running ChromeDriver.
pub struct Driver {
    child: Child,
    url: String,
}

fn tool(env: &str, default: &str) -> PathBuf {
    let path = std::env::var(env)
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(default));
    assert!(
        path.exists(),
        "{} not found: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver) or set {env}",
        path.display()
    );
    path
}

impl Driver {
    /// Starts ChromeDriver on a free loopback port.
    pub async fn start() -> Driver {
        let exe = tool("KOERS_CHROMEDRIVER", "/usr/bin/chromedriver");
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let child = Command::new(exe)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let url = format!("http://127.0.0.1:{port}");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return Driver { child, url };
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver did not start");
    }

    /// A new browser (its own profile and cookies) with a window of `w`×`h`.
    pub async fn browser(&self, w: u32, h: u32) -> Client {
        let chromium = tool("KOERS_CHROMIUM", "/usr/bin/chromium");
        let caps = json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    "--lang=nl-NL", format!("--window-size={w},{h}")
                ],
                "prefs": { "intl.accept_languages": "nl-NL,nl" }
            }
        });
        let caps = match caps {
            Value::Object(m) => m,
            _ => unreachable!(),
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&self.url)
            .await
            .unwrap();
        // The window size includes browser chrome even in headless mode
        // (1080 gives a 937-pixel viewport): grow the window by the
        // difference so the page sees exactly w×h, as a projector or phone.
        let _ = client.set_window_size(w, h).await;
        if let Ok(v) = client
            .execute("return [window.innerWidth, window.innerHeight];", vec![])
            .await
        {
            let (iw, ih) = (v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0));
            if iw > 0 && ih > 0 && (iw, ih) != (u64::from(w), u64::from(h)) {
                let _ = client
                    .set_window_size(
                        w + (u64::from(w).saturating_sub(iw)) as u32,
                        h + (u64::from(h).saturating_sub(ih)) as u32,
                    )
                    .await;
            }
        }
        client
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}

/// Waits (bounded) until the JavaScript expression is truthy.
pub async fn wait_js(c: &Client, expr: &str, what: &str) {
    for _ in 0..200 {
        let v = c
            .execute(&format!("return !!({expr});"), vec![])
            .await
            .unwrap();
        if v == Value::Bool(true) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let url = c
        .current_url()
        .await
        .map(|u| u.to_string())
        .unwrap_or_default();
    let text = js(
        c,
        "document.body ? document.body.innerText.slice(0, 600) : ''",
    )
    .await;
    panic!("timed out waiting for {what} ({expr}) at {url}; the page says: {text}");
}

/// The value of a JavaScript expression.
pub async fn js(c: &Client, expr: &str) -> Value {
    c.execute(&format!("return ({expr});"), vec![])
        .await
        .unwrap()
}

/// Clicks the element matching `css`.
pub async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Types into the element matching `css`.
pub async fn type_into(c: &Client, css: &str, text: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .send_keys(text)
        .await
        .unwrap();
}

/// Saves a screenshot under `target/e2e-shots/` for people to look at.
pub async fn shot(c: &Client, name: &str) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/e2e-shots");
    let _ = std::fs::create_dir_all(&dir);
    if let Ok(png) = c.screenshot().await {
        let _ = std::fs::write(dir.join(format!("{name}.png")), png);
    }
}

/// A full-page screenshot: the window as tall as the page, then back.
pub async fn page_shot(c: &Client, name: &str, width: u32) {
    let h = js(c, "document.documentElement.scrollHeight").await;
    let h = h.as_u64().unwrap_or(900).clamp(600, 6000) as u32;
    c.set_window_size(width, h + 120).await.unwrap();
    shot(c, name).await;
    c.set_window_size(width, 900).await.unwrap();
}
