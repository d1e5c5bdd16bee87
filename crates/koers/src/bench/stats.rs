//! Pure helpers of the benchmark: percentiles, matching submissions to
//! screen frames, and formatting figures.

use std::time::{Duration, Instant};

/// The `p`-th percentile (0–100) of sorted samples, by nearest rank: the
/// smallest sample with at least `p` % of the samples at or below it.
pub fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted.get(rank.clamp(1, sorted.len()) - 1).copied()
}

/// Percentiles of a set of latencies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Median.
    pub p50: Duration,
    /// 95th percentile.
    pub p95: Duration,
    /// 99th percentile.
    pub p99: Duration,
    /// Largest sample.
    pub max: Duration,
}

impl Summary {
    /// Summarises samples; `None` when there are none.
    pub fn of(mut samples: Vec<Duration>) -> Option<Summary> {
        samples.sort_unstable();
        Some(Summary {
            p50: percentile(&samples, 50.0)?,
            p95: percentile(&samples, 95.0)?,
            p99: percentile(&samples, 99.0)?,
            max: *samples.last()?,
        })
    }
}

/// Milliseconds with one decimal: `4.1 ms`.
pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// For each submission (send time, acknowledged log position), the time
/// until the screen showed it: the first screen frame, in order of arrival,
/// whose log position is at or past the submission's, because a frame with
/// position S reflects every change up to S. `frames` are (position,
/// arrival) in order of arrival. Returns the latencies and the number of
/// submissions no frame covered.
pub fn screen_latencies(
    frames: &[(i64, Instant)],
    submissions: &[(Instant, i64)],
) -> (Vec<Duration>, usize) {
    // Positions only grow, but take the running maximum anyway so that the
    // binary search below stays correct whatever order frames came in.
    let mut reach = Vec::with_capacity(frames.len());
    let mut high = i64::MIN;
    for (seq, _) in frames {
        high = high.max(*seq);
        reach.push(high);
    }
    let mut latencies = Vec::with_capacity(submissions.len());
    let mut missing = 0;
    for &(sent, seq) in submissions {
        let i = reach.partition_point(|&r| r < seq);
        match frames.get(i) {
            Some(&(_, shown)) => latencies.push(shown.saturating_duration_since(sent)),
            None => missing += 1,
        }
    }
    (latencies, missing)
}

/// Mebibytes with one decimal.
pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// A Unix time as `YYYY-MM-DD HH:MM:SS UTC`, for the session title.
pub fn utc_stamp(unix_secs: u64) -> String {
    let days = (unix_secs / 86_400) as i64;
    let rem = unix_secs % 86_400;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm,
    // counting eras of 400 years from 0000-03-01).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms_(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn nearest_rank_percentiles() {
        let samples: Vec<Duration> = (1..=100).map(ms_).collect();
        assert_eq!(percentile(&samples, 50.0), Some(ms_(50)));
        assert_eq!(percentile(&samples, 95.0), Some(ms_(95)));
        assert_eq!(percentile(&samples, 99.0), Some(ms_(99)));
        assert_eq!(percentile(&samples, 100.0), Some(ms_(100)));
        assert_eq!(percentile(&samples, 0.0), Some(ms_(1)));
        let few = [ms_(10), ms_(20), ms_(30)];
        assert_eq!(percentile(&few, 50.0), Some(ms_(20)));
        assert_eq!(percentile(&few, 99.0), Some(ms_(30)));
        assert_eq!(percentile(&[ms_(7)], 99.0), Some(ms_(7)));
        assert_eq!(percentile(&[], 50.0), None);
    }

    #[test]
    fn summary_sorts_first() {
        let s = Summary::of(vec![ms_(30), ms_(10), ms_(20)]).unwrap();
        assert_eq!((s.p50, s.p99, s.max), (ms_(20), ms_(30), ms_(30)));
        assert_eq!(Summary::of(Vec::new()), None);
    }

    #[test]
    fn submissions_meet_the_first_frame_that_covers_them() {
        let t0 = Instant::now();
        let frames = [(5, t0 + ms_(10)), (9, t0 + ms_(20)), (12, t0 + ms_(30))];
        let subs = [(t0, 5), (t0, 6), (t0 + ms_(5), 12), (t0, 13)];
        let (lat, missing) = screen_latencies(&frames, &subs);
        assert_eq!(lat, vec![ms_(10), ms_(20), ms_(25)]);
        assert_eq!(missing, 1);
    }

    #[test]
    fn a_frame_before_the_send_counts_as_zero() {
        let t0 = Instant::now();
        let (lat, missing) = screen_latencies(&[(3, t0)], &[(t0 + ms_(5), 3)]);
        assert_eq!((lat, missing), (vec![Duration::ZERO], 0));
    }

    #[test]
    fn formats() {
        assert_eq!(ms(Duration::from_micros(4_160)), "4.2 ms");
        assert_eq!(mib(85 * 1024 * 1024 + 314_573), "85.3 MiB");
        assert_eq!(utc_stamp(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc_stamp(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(utc_stamp(1_700_000_000), "2023-11-14 22:13:20 UTC");
    }
}
