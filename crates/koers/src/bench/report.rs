//! The figures of a run, printed one labelled figure per line, and the
//! checks that make the run fail.

use super::stats::{Summary, mib, ms};
use std::time::Duration;

/// The figures of one run.
#[derive(Debug)]
pub struct Report {
    /// Simulated participants.
    pub participants: usize,
    /// Joins (and stream openings) in flight at once.
    pub concurrency: usize,
    /// Time for all joins.
    pub join_time: Duration,
    /// Participants whose live stream delivered a first frame.
    pub streams_ready: usize,
    /// Time until the last of them did.
    pub streams_ready_time: Duration,
    /// Live streams that failed for good.
    pub stream_failures: usize,
    /// Why the first of them failed.
    pub stream_failure: Option<String>,
    /// From sending "open" to each phone showing the open poll.
    pub fan_out: Option<Summary>,
    /// Participants that saw the poll open.
    pub opened: usize,
    /// From sending an answer to its acknowledgement.
    pub ack: Option<Summary>,
    /// Most submissions in flight at once.
    pub in_flight: usize,
    /// Acknowledged submissions.
    pub acked: usize,
    /// From the first submission to the last acknowledgement.
    pub submit_time: Duration,
    /// Submissions without an acknowledgement.
    pub failed_submissions: usize,
    /// Why the first of them failed.
    pub submit_error: Option<String>,
    /// From sending an answer to the first screen frame that includes it.
    pub to_screen: Option<Summary>,
    /// Acknowledged answers no screen frame included.
    pub not_on_screen: usize,
    /// Why the screen did not catch up, if it did not.
    pub screen_note: Option<String>,
    /// Frames the screen received in the whole run.
    pub screen_frames: usize,
    /// Identical repeats of acknowledged submissions.
    pub retries_sent: usize,
    /// Repeats that came back as the same duplicate.
    pub retries_duplicate: usize,
    /// What the first other repeat came back with.
    pub retry_error: Option<String>,
    /// Expected answers missing from the tally.
    pub lost: u64,
    /// Answers the tally has too many.
    pub duplicated: u64,
    /// Answer events for the poll in the session's log.
    pub log_answers: usize,
    /// Acknowledged log positions without an answer event.
    pub acks_not_in_log: usize,
    /// Requests sent again after a temporary failure.
    pub request_retries: u64,
    /// Live streams opened again after breaking off.
    pub stream_reconnects: u64,
    /// The server's peak resident memory since it started, in bytes.
    pub peak_rss: Option<u64>,
    /// The server's resident memory with every stream open.
    pub rss: Option<u64>,
    /// The server's resident memory before the run.
    pub rss_before: Option<u64>,
}

impl Report {
    /// One labelled figure per line, on stdout.
    pub fn print(&self) {
        let n = self.participants;
        let secs = |d: Duration| format!("{:.2} s", d.as_secs_f64());
        let rate = |count: usize, d: Duration| count as f64 / d.as_secs_f64().max(1e-9);
        println!("participants: {n}");
        println!(
            "join rate: {:.0} joins/s ({} in {}, {} at a time)",
            rate(n, self.join_time),
            n,
            secs(self.join_time),
            self.concurrency
        );
        println!(
            "live streams ready: {} ({} of {n})",
            secs(self.streams_ready_time),
            self.streams_ready
        );
        if self.stream_failures > 0 {
            println!(
                "live streams failed: {} (first: {})",
                self.stream_failures,
                self.stream_failure.as_deref().unwrap_or("?")
            );
        }
        match &self.fan_out {
            Some(s) => println!(
                "open fan-out: p50 {}, p99 {}, max {} ({} of {n} saw it)",
                ms(s.p50),
                ms(s.p99),
                ms(s.max),
                self.opened
            ),
            None => println!("open fan-out: none of {n} saw the poll open"),
        }
        match &self.ack {
            Some(s) => println!(
                "ack latency: p50 {}, p95 {}, p99 {}, max {} (in flight at most {})",
                ms(s.p50),
                ms(s.p95),
                ms(s.p99),
                ms(s.max),
                self.in_flight
            ),
            None => println!("ack latency: no answer was acknowledged"),
        }
        println!(
            "submission rate: {:.0} answers/s ({} acknowledged in {})",
            rate(self.acked, self.submit_time),
            self.acked,
            secs(self.submit_time)
        );
        match &self.to_screen {
            Some(s) => println!(
                "submission to screen: p50 {}, p95 {}, p99 {}, max {} ({} screen frames)",
                ms(s.p50),
                ms(s.p95),
                ms(s.p99),
                ms(s.max),
                self.screen_frames
            ),
            None => println!("submission to screen: no answer reached the screen"),
        }
        if self.not_on_screen > 0 {
            println!(
                "answers never shown on screen: {} ({})",
                self.not_on_screen,
                self.screen_note.as_deref().unwrap_or("?")
            );
        }
        println!(
            "retries: {} sent, {} duplicate, {} mismatched",
            self.retries_sent,
            self.retries_duplicate,
            self.retries_sent - self.retries_duplicate
        );
        if let Some(e) = &self.retry_error {
            println!("first mismatched retry: {e}");
        }
        println!("failed submissions: {}", self.failed_submissions);
        if let Some(e) = &self.submit_error {
            println!("first failed submission: {e}");
        }
        println!("lost submissions: {}", self.lost);
        println!("duplicated submissions: {}", self.duplicated);
        println!("answer events in log: {} (expected {n})", self.log_answers);
        if self.acks_not_in_log > 0 {
            println!(
                "acknowledgements without an answer event: {}",
                self.acks_not_in_log
            );
        }
        println!(
            "request retries: {}, stream reconnects: {}",
            self.request_retries, self.stream_reconnects
        );
        let or_unknown = |b: Option<u64>| b.map(mib).unwrap_or_else(|| "unknown".into());
        match self.peak_rss {
            Some(peak) => println!(
                "server peak memory: {} (since the server started; {} before this run, {} with all streams open)",
                mib(peak),
                or_unknown(self.rss_before),
                or_unknown(self.rss)
            ),
            None => println!("server peak memory: unknown (not reported by the server)"),
        }
    }

    /// The checks that failed, if any.
    pub fn failures(&self) -> Vec<String> {
        let n = self.participants;
        let mut f = Vec::new();
        if self.lost > 0 {
            f.push(format!("{} lost submissions", self.lost));
        }
        if self.duplicated > 0 {
            f.push(format!("{} duplicated submissions", self.duplicated));
        }
        if self.retries_duplicate != self.retries_sent {
            f.push(format!(
                "{} mismatched retries",
                self.retries_sent - self.retries_duplicate
            ));
        }
        if self.log_answers != n {
            f.push(format!(
                "{} answer events in the log instead of {n}",
                self.log_answers
            ));
        }
        if self.acks_not_in_log > 0 {
            f.push(format!(
                "{} acknowledgements without an answer event",
                self.acks_not_in_log
            ));
        }
        if self.failed_submissions > 0 {
            f.push(format!(
                "{} submissions not acknowledged",
                self.failed_submissions
            ));
        }
        if self.stream_failures > 0 {
            f.push(format!("{} live streams failed", self.stream_failures));
        }
        if self.opened < n {
            f.push(format!(
                "{} participants never saw the poll open",
                n - self.opened
            ));
        }
        if self.not_on_screen > 0 {
            f.push(format!(
                "{} answers never shown on screen",
                self.not_on_screen
            ));
        }
        f
    }
}
