//! The report as Markdown: headings, tables and lists; every text that came
//! from a person is escaped, so nothing anyone typed becomes a link, an
//! image, HTML or a heading when the Markdown is rendered.

use super::Report;
use crate::i18n::Tr;
use crate::views::models::Results;
use std::fmt::Write;

/// Escapes Markdown and HTML syntax in a person's text, on one line.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '>' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\r' | '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The whole report as Markdown, in the session's language.
pub(crate) fn markdown(r: &Report) -> String {
    let t = Tr::new(r.session.lang);
    let mut o = String::new();
    let _ = writeln!(o, "# {}\n", md(&r.session.title));
    let _ = writeln!(o, "{}\n", md(&r.municipality));
    if let Some(g) = &r.session.goal {
        let _ = writeln!(o, "**{}** {}\n", t.t("goal-ours"), md(g));
    }
    let _ = writeln!(o, "## {}\n", t.t("report-participants"));
    let _ = writeln!(
        o,
        "{} · {}\n",
        t.t1("count-participants", "count", r.phones),
        t.t1("count-tablets", "count", r.tablets)
    );
    if !r.by_org.is_empty() {
        let _ = writeln!(
            o,
            "| {} | {} |\n|---|---:|",
            t.t("vote-breakdown-org"),
            t.t("report-count")
        );
        for (label, n) in &r.by_org {
            let _ = writeln!(o, "| {} | {n} |", md(label));
        }
        o.push('\n');
    }
    let mut step = String::new();
    for a in &r.activities {
        if a.step != step {
            step = a.step.clone();
            let _ = writeln!(o, "## {}\n", md(&step));
        }
        let v = &a.view;
        let _ = writeln!(o, "### {}\n", md(&v.title));
        let _ = writeln!(o, "*{}*\n", md(&v.kind_label));
        if v.revealed && !v.answer_text.is_empty() {
            let _ = writeln!(o, "**{}:** {}\n", t.t("quiz-answer"), md(&v.answer_text));
            if !v.explanation.is_empty() {
                let _ = writeln!(o, "{}\n", md(&v.explanation));
            }
            if !v.source.is_empty() {
                let _ = writeln!(
                    o,
                    "{}\n",
                    md(&t.t1("quiz-source", "source", v.source.as_str()))
                );
            }
        }
        results(&mut o, &t, &a.results);
        if !matches!(
            a.results,
            Results::Items(_) | Results::Board(_) | Results::Matrix(_)
        ) {
            let _ = writeln!(
                o,
                "{}\n",
                t.t1("result-respondents", "count", a.respondents)
            );
        }
    }
    o
}

fn results(o: &mut String, t: &Tr, r: &Results) {
    match r {
        Results::Bars(bars) | Results::Scale { bars, .. } => {
            let _ = writeln!(
                o,
                "| {} | {} | % |\n|---|---:|---:|",
                t.t("report-answer"),
                t.t("report-count")
            );
            for b in bars {
                let mark = if b.correct { " ✓" } else { "" };
                let _ = writeln!(o, "| {}{mark} | {} | {} |", md(&b.label), b.count, b.pct);
            }
            o.push('\n');
            if let Results::Scale { mean: Some(m), .. } = r {
                let _ = writeln!(o, "{}\n", t.t1("result-mean", "value", m.as_str()));
            }
        }
        Results::Words(words) => {
            let list: Vec<String> = words
                .iter()
                .map(|w| format!("{} ({})", md(&w.word), w.count))
                .collect();
            let _ = writeln!(o, "{}\n", list.join(", "));
        }
        Results::Texts(texts) => {
            for text in texts {
                let _ = writeln!(o, "- {}", md(text));
            }
            o.push('\n');
        }
        Results::Estimates {
            median,
            range,
            close,
        } => {
            if let Some(m) = median {
                let _ = writeln!(o, "- {}: {}", t.t("estimate-median"), md(m));
            }
            if let Some((lo, hi)) = range {
                let _ = writeln!(o, "- {}: {} – {}", t.t("estimate-range"), md(lo), md(hi));
            }
            let _ = writeln!(o, "- {}: {close}\n", t.t("estimate-close"));
        }
        Results::Consent(rows) => {
            for row in rows {
                let _ = writeln!(
                    o,
                    "> {}\n\n| {} | {} | {} |\n|---:|---:|---:|\n| {} ({}%) | {} ({}%) | {} ({}%) |\n",
                    md(&row.text),
                    t.t("goal-agree"),
                    t.t("goal-live-with"),
                    t.t("goal-object"),
                    row.counts[0],
                    row.pcts[0],
                    row.counts[1],
                    row.pcts[1],
                    row.counts[2],
                    row.pcts[2]
                );
                for (_, level, reason) in &row.reasons {
                    let _ = writeln!(o, "- *{}:* {}", md(level), md(reason));
                }
                o.push('\n');
            }
        }
        Results::Vote(v) => {
            let _ = writeln!(
                o,
                "| # | {} | {} | {} | {} | {} |\n|---|---|---:|---:|---:|---:|",
                t.t("report-item"),
                t.t("report-total"),
                t.t("report-share"),
                t.t("report-mean"),
                t.t("report-spread")
            );
            for l in &v.lines {
                let _ = writeln!(
                    o,
                    "| {} | {} | {} | {}% | {} | {} |",
                    l.rank,
                    md(&l.label),
                    l.total,
                    l.share,
                    l.mean,
                    l.spread
                );
            }
            o.push('\n');
            if !v.schulze.is_empty() {
                let _ = writeln!(
                    o,
                    "{}\n",
                    md(&t.t1("vote-schulze", "order", v.schulze.as_str()))
                );
                if v.disagree {
                    let _ = writeln!(o, "{}\n", t.t("vote-disagree"));
                }
            }
        }
        Results::Items(groups) => {
            for g in groups {
                if !g.title.is_empty() {
                    let _ = writeln!(o, "#### {}\n", md(&g.title));
                }
                for i in &g.items {
                    let mut line = format!("- {}", md(&i.text));
                    if !i.so_that.is_empty() {
                        let _ = write!(line, ", {} {}", t.t("action-so-that"), md(&i.so_that));
                    }
                    for (key, value) in [
                        ("action-who", &i.who),
                        ("action-by-when", &i.by_when),
                        ("action-needs", &i.needs),
                    ] {
                        if !value.is_empty() {
                            let _ = write!(line, " · {}: {}", t.t(key), md(value));
                        }
                    }
                    if !i.author.is_empty() {
                        let _ = write!(line, " — {}", md(&i.author));
                    }
                    if i.status != "visible" {
                        let _ = write!(line, " *({})*", t.t(&format!("item-{}", i.status)));
                    }
                    if i.marks > 0 {
                        let _ = write!(line, " · {}", i.marks);
                        if !i.committed.is_empty() {
                            let _ = write!(line, " ({})", md(&i.committed));
                        }
                    }
                    o.push_str(&line);
                    o.push('\n');
                    for m in &i.merged {
                        let _ = writeln!(o, "  - {} {}", t.t("report-merged"), md(m));
                    }
                }
                o.push('\n');
            }
        }
        Results::Matrix(g) => {
            let _ = write!(o, "| {} |", md(&g.caption));
            for c in &g.cols {
                let _ = write!(o, " {} |", md(&c.label));
            }
            let _ = writeln!(o, "\n|---|{}", "---:|".repeat(g.cols.len()));
            for (h, cells) in &g.rows {
                let _ = write!(o, "| {} |", md(&h.label));
                for c in cells {
                    let _ = write!(o, " {} |", c.count);
                }
                o.push('\n');
            }
            o.push('\n');
        }
        Results::Board(b) => {
            for c in &b.categories {
                let _ = writeln!(o, "#### {} ({})\n", md(&c.name), c.items.len());
                if !c.result.is_empty() {
                    let _ = writeln!(o, "*{}: {}*\n", t.t("board-result"), md(&c.result));
                }
                for i in &c.items {
                    let _ = writeln!(o, "- {}", md(&i.text));
                }
                o.push('\n');
            }
            if !b.unplaced.is_empty() {
                let _ = writeln!(o, "#### {}\n", t.t("board-unplaced"));
                for i in &b.unplaced {
                    let _ = writeln!(o, "- {}", md(&i.text));
                }
                o.push('\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_cannot_become_markup() {
        let evil = "[klik](javascript:alert(1)) <script>x</script> # kop\n* lijst";
        let safe = md(evil);
        assert!(!safe.contains("](") && !safe.contains("<script"));
        assert!(!safe.contains('\n'));
        assert_eq!(md("مرحبا 👋 Ünïcode"), "مرحبا 👋 Ünïcode");
    }
}
