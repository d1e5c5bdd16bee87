//! Checking the server's books afterwards: the poll's tally and the
//! session's event log against what the participants sent.

use super::api::{self, Api};
use anyhow::bail;

/// Page size when reading the event log (the server's maximum).
const LOG_PAGE: usize = 1000;

/// Answers the tally is missing (`lost`) and has too many (`duplicated`),
/// per option, given the expected count per option. Counts for options
/// that should have none are duplicates too.
pub fn compare_counts(expected: &[u64], counted: &[u64]) -> (u64, u64) {
    let (mut lost, mut duplicated) = (0, 0);
    for k in 0..expected.len().max(counted.len()) {
        let want = expected.get(k).copied().unwrap_or(0);
        let got = counted.get(k).copied().unwrap_or(0);
        lost += want.saturating_sub(got);
        duplicated += got.saturating_sub(want);
    }
    (lost, duplicated)
}

/// Reads the whole event log page by page; returns the log positions of
/// the answer events of the poll.
pub async fn answer_events(
    api: &Api,
    sid: &str,
    aid: &str,
    staff: &str,
    n: usize,
) -> anyhow::Result<Vec<i64>> {
    // Joins and answers each add an event, so a few pages per thousand
    // participants; the cap only guards against a log that never ends.
    let max_pages = n / 100 + 100;
    let mut seqs = Vec::with_capacity(n);
    let mut after = 0;
    for _ in 0..max_pages {
        let page: Vec<api::LogEntry> = api
            .get(
                "read the event log",
                &format!("/api/v1/sessions/{sid}/events?after={after}&limit={LOG_PAGE}"),
                staff,
            )
            .await?;
        let Some(last) = page.last() else {
            return Ok(seqs);
        };
        if last.seq <= after {
            bail!("the event log does not advance past position {after}");
        }
        after = last.seq;
        seqs.extend(
            page.iter()
                .filter(|e| {
                    e.event.kind == "answer_submitted"
                        && e.event.activity_id.as_deref() == Some(aid)
                })
                .map(|e| e.seq),
        );
        if page.len() < LOG_PAGE {
            return Ok(seqs);
        }
    }
    bail!("the event log has more than {max_pages} pages; giving up reading it")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lost_and_duplicated_per_option() {
        assert_eq!(compare_counts(&[3, 3, 2, 2], &[3, 3, 2, 2]), (0, 0));
        // One answer moved from option 0 to option 1: one lost, one extra.
        assert_eq!(compare_counts(&[3, 3, 2, 2], &[2, 4, 2, 2]), (1, 1));
        assert_eq!(compare_counts(&[3, 3, 2, 2], &[3, 3]), (4, 0));
        assert_eq!(compare_counts(&[3, 3, 2, 2], &[3, 3, 2, 2, 1]), (0, 1));
    }
}
