//! A TCP proxy on loopback that can cut the network the way bad venue Wi-Fi
//! does: drop every connection and refuse new ones, or let requests through
//! while swallowing the responses (an acknowledgement lost on the way back).

#![allow(dead_code, clippy::unwrap_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

/// What the network does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Bytes flow both ways.
    Up,
    /// Requests reach the server; responses are swallowed.
    Blackhole,
    /// Every connection is dropped; new ones are refused.
    Down,
}

/// A running proxy.
pub struct Proxy {
    pub addr: SocketAddr,
    mode: Arc<watch::Sender<Mode>>,
}

impl Proxy {
    /// Starts a proxy to `upstream`.
    pub async fn start(upstream: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let mode = Arc::new(watch::channel(Mode::Up).0);
        let m = mode.clone();
        tokio::spawn(async move {
            loop {
                let Ok((client, _)) = listener.accept().await else {
                    return;
                };
                if *m.borrow() == Mode::Down {
                    drop(client);
                    continue;
                }
                let m = m.clone();
                tokio::spawn(async move {
                    let Ok(server) = TcpStream::connect(upstream).await else {
                        return;
                    };
                    pipe(client, server, m.subscribe()).await;
                });
            }
        });
        Proxy { addr, mode }
    }

    /// Changes what the network does.
    pub fn set(&self, mode: Mode) {
        self.mode.send_replace(mode);
    }

    /// The proxy's base URL.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

async fn pipe(client: TcpStream, server: TcpStream, mut mode: watch::Receiver<Mode>) {
    let (mut cr, mut cw) = client.into_split();
    let (mut sr, mut sw) = server.into_split();
    let mut mode2 = mode.clone();
    let up = async move {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            tokio::select! {
                n = cr.read(&mut buf) => match n {
                    Ok(0) | Err(_) => return,
                    Ok(n) => if sw.write_all(&buf[..n]).await.is_err() { return },
                },
                _ = mode2.changed() => if *mode2.borrow() == Mode::Down { return },
            }
        }
    };
    let down = async move {
        let mut buf = vec![0u8; 16 * 1024];
        loop {
            tokio::select! {
                n = sr.read(&mut buf) => match n {
                    Ok(0) | Err(_) => return,
                    Ok(n) => {
                        let m = *mode.borrow();
                        match m {
                            Mode::Up => if cw.write_all(&buf[..n]).await.is_err() { return },
                            Mode::Blackhole => {}
                            Mode::Down => return,
                        }
                    }
                },
                _ = mode.changed() => if *mode.borrow() == Mode::Down { return },
            }
        }
    };
    // When either side ends (or the network goes down), both are dropped.
    tokio::select! {
        _ = up => {},
        _ = down => {},
    }
}
