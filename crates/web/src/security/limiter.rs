//! Counting failed attempts (wrong join codes, wrong passwords) per client
//! address, in memory. Only failures count: a hall of 500 people behind one
//! venue NAT that all type the right code is never slowed down. Addresses are
//! kept only for the length of the window and never written to disk.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed attempts per address within a time window.
#[derive(Debug)]
pub struct FailureLimiter {
    max_failures: u32,
    window: Duration,
    entries: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl FailureLimiter {
    /// Allows `max_failures` failures per address per `window`.
    pub fn new(max_failures: u32, window: Duration) -> FailureLimiter {
        FailureLimiter {
            max_failures,
            window,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// Whether the address has used up its failures for now.
    pub fn is_blocked(&self, ip: IpAddr) -> bool {
        let now = Instant::now();
        let map = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&ip).is_some_and(|(start, n)| {
            now.duration_since(*start) < self.window && *n >= self.max_failures
        })
    }

    /// Counts one failure for the address.
    pub fn record_failure(&self, ip: IpAddr) {
        let now = Instant::now();
        let mut map = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() > 100_000 {
            // Bounded memory under a flood of addresses: forget expired windows.
            let window = self.window;
            map.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = map.entry(ip).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_failures_count_and_only_per_address() {
        let l = FailureLimiter::new(3, Duration::from_secs(60));
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        for _ in 0..2 {
            l.record_failure(a);
        }
        assert!(!l.is_blocked(a));
        l.record_failure(a);
        assert!(l.is_blocked(a));
        assert!(!l.is_blocked(b));
    }

    #[test]
    fn the_window_expires() {
        let l = FailureLimiter::new(1, Duration::from_millis(20));
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        l.record_failure(a);
        assert!(l.is_blocked(a));
        std::thread::sleep(Duration::from_millis(30));
        assert!(!l.is_blocked(a));
    }
}
