//! One activity's raw input as CSV. Cells that a spreadsheet would run as a
//! formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return)
//! get a leading apostrophe, so a hostile idea stays text.

use super::ReportActivity;
use crate::views::models::Results;

/// Neutralises a cell a spreadsheet would read as a formula.
pub fn safe_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// The activity's results as CSV rows (with a header row).
pub(crate) fn activity_csv(a: &ReportActivity) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut row = |cells: Vec<String>| w.write_record(cells.iter().map(|c| safe_cell(c)));
    match &a.results {
        Results::Bars(bars) | Results::Scale { bars, .. } => {
            row(vec![
                "answer".into(),
                "count".into(),
                "percent".into(),
                "correct".into(),
            ])?;
            for b in bars {
                row(vec![
                    b.label.clone(),
                    b.count.to_string(),
                    b.pct.to_string(),
                    b.correct.to_string(),
                ])?;
            }
        }
        Results::Words(words) => {
            row(vec!["word".into(), "count".into()])?;
            for x in words {
                row(vec![x.word.clone(), x.count.to_string()])?;
            }
        }
        Results::Texts(texts) => {
            row(vec!["text".into()])?;
            for x in texts {
                row(vec![x.clone()])?;
            }
        }
        Results::Estimates {
            median,
            range,
            close,
        } => {
            row(vec![
                "median".into(),
                "low".into(),
                "high".into(),
                "within_10_percent".into(),
            ])?;
            let (lo, hi) = range.clone().unwrap_or_default();
            row(vec![
                median.clone().unwrap_or_default(),
                lo,
                hi,
                close.to_string(),
            ])?;
        }
        Results::Consent(rows) => {
            row(vec![
                "wording".into(),
                "agree".into(),
                "live_with".into(),
                "object".into(),
            ])?;
            for r in rows {
                row(vec![
                    r.text.clone(),
                    r.counts[0].to_string(),
                    r.counts[1].to_string(),
                    r.counts[2].to_string(),
                ])?;
            }
        }
        Results::Vote(v) => {
            row(vec![
                "rank".into(),
                "item".into(),
                "total".into(),
                "share_percent".into(),
                "mean".into(),
                "spread".into(),
            ])?;
            for l in &v.lines {
                row(vec![
                    l.rank.clone(),
                    l.label.clone(),
                    l.total.to_string(),
                    l.share.to_string(),
                    l.mean.clone(),
                    l.spread.clone(),
                ])?;
            }
        }
        Results::Items(groups) => {
            row(vec![
                "group".into(),
                "text".into(),
                "so_that".into(),
                "who".into(),
                "by_when".into(),
                "needs".into(),
                "author".into(),
                "status".into(),
                "marks".into(),
                "committed".into(),
            ])?;
            for g in groups {
                for i in &g.items {
                    row(vec![
                        g.title.clone(),
                        i.text.clone(),
                        i.so_that.clone(),
                        i.who.clone(),
                        i.by_when.clone(),
                        i.needs.clone(),
                        i.author.clone(),
                        i.status.to_string(),
                        i.marks.to_string(),
                        i.committed.clone(),
                    ])?;
                }
            }
        }
        Results::Board(b) => {
            row(vec!["category".into(), "idea".into()])?;
            for c in &b.categories {
                for i in &c.items {
                    row(vec![c.name.clone(), i.text.clone()])?;
                }
            }
            for i in &b.unplaced {
                row(vec![String::new(), i.text.clone()])?;
            }
        }
        Results::Matrix(g) => {
            let mut head = vec![g.caption.clone()];
            head.extend(g.cols.iter().map(|c| c.label.clone()));
            row(head)?;
            for (h, cells) in &g.rows {
                let mut r = vec![h.label.clone()];
                r.extend(cells.iter().map(|c| c.count.to_string()));
                row(r)?;
            }
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_stay_text() {
        assert_eq!(
            safe_cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(safe_cell("-1+2"), "'-1+2");
        assert_eq!(safe_cell("Meer sport"), "Meer sport");
    }
}
