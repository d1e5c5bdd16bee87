//! The report as a format-neutral document: a cover and a flat list of
//! blocks (headings, paragraphs, charts, tables, lists of contributions).
//! The PDF and the Word document both render this one model, so they carry
//! the same content in the same order.

use super::charts::{Chart, chart};
use super::{Report, ReportActivity};
use crate::i18n::Tr;
use crate::views::evening::ItemView;
use crate::views::models::Results;
use serde::Serialize;

/// The whole document.
#[derive(Debug, Serialize)]
pub(crate) struct Doc {
    /// BCP 47 language of the text (`nl`, `en`).
    pub lang: &'static str,
    /// Document title (for metadata): the session's title.
    pub title: String,
    /// Footer text on every page after the cover.
    pub footer: String,
    /// Word for "page" in the footer.
    pub page: String,
    /// Word for "of" in "page 2 of 9".
    pub of: String,
    /// The cover page.
    pub cover: Cover,
    /// Everything after the cover.
    pub blocks: Vec<Block>,
    /// The charts, referred to by [`Block::Chart`]'s index.
    #[serde(skip)]
    pub charts: Vec<Chart>,
    /// The municipality's logo (PNG) for the cover.
    #[serde(skip)]
    pub logo: Option<Vec<u8>>,
}

/// The cover page.
#[derive(Debug, Serialize)]
pub(crate) struct Cover {
    /// The municipality.
    pub municipality: String,
    /// "Verslag" / "Report".
    pub kicker: String,
    /// The session's title.
    pub title: String,
    /// Day, place, facilitator, participants: (label, value).
    pub facts: Vec<(String, String)>,
    /// Whether a logo file is present (`logo.png`).
    pub logo: bool,
}

/// One block of content.
#[derive(Debug, Serialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub(crate) enum Block {
    /// A heading of level 1 (a step or a part) or 2 (an activity).
    Heading {
        /// 1 or 2.
        level: u8,
        /// Its text.
        text: String,
    },
    /// A paragraph.
    Para {
        /// Its text.
        text: String,
    },
    /// A small grey line (the kind of activity, the number of respondents).
    Note {
        /// Its text.
        text: String,
    },
    /// A bold label followed by a text.
    Fact {
        /// The label.
        label: String,
        /// The text.
        text: String,
    },
    /// A quoted text set apart (the agreed goal).
    Quote {
        /// Its text.
        text: String,
    },
    /// A chart.
    Chart {
        /// Index into [`Doc::charts`].
        n: usize,
        /// Its file name in the PDF's virtual file system.
        file: String,
        /// Text alternative.
        alt: String,
        /// Height relative to its width.
        ratio: f64,
    },
    /// A table with a header row.
    Table {
        /// Column headings.
        head: Vec<String>,
        /// Per column: numbers, aligned right.
        num: Vec<bool>,
        /// The rows.
        rows: Vec<Vec<String>>,
    },
    /// A titled list of contributions (ideas, actions, questions).
    Entries {
        /// The group's title (a category, a priority; may be empty).
        title: String,
        /// The contributions.
        entries: Vec<Entry>,
        /// Said when there are none.
        empty: String,
    },
}

/// One contribution in a list.
#[derive(Debug, Serialize)]
pub(crate) struct Entry {
    /// Its text ("We doen …, zodat …" for an action).
    pub text: String,
    /// Details: who, by when, what is needed, who committed, author.
    pub details: Vec<String>,
    /// Its status when not simply shown: hidden, waiting, answered.
    pub flag: String,
    /// Texts merged into it.
    pub merged: Vec<String>,
}

/// Builds the document of a report.
pub(crate) fn document(r: &Report, logo: Option<Vec<u8>>) -> Doc {
    let t = Tr::new(r.session.lang);
    let s = &r.session;
    let mut facts = Vec::new();
    let date = s.held_on.clone().unwrap_or_else(|| date_of(s.created_at));
    facts.push((t.t("report-date"), date));
    if !s.place.is_empty() {
        facts.push((t.t("report-place"), s.place.clone()));
    }
    if !s.facilitator.is_empty() {
        facts.push((t.t("report-facilitator"), s.facilitator.clone()));
    }
    facts.push((
        t.t("report-participants"),
        format!(
            "{} · {}",
            t.t1("count-participants", "count", r.phones),
            t.t1("count-tablets", "count", r.tablets)
        ),
    ));
    let mut d = Doc {
        lang: s.lang.tag(),
        title: s.title.clone(),
        footer: soft_breaks(&format!("{} · {}", r.municipality, s.title)),
        page: t.t("report-page"),
        of: t.t("report-of"),
        cover: Cover {
            municipality: soft_breaks(&r.municipality),
            kicker: t.t("report-kicker"),
            title: soft_breaks(&s.title),
            facts: facts
                .into_iter()
                .map(|(k, v)| (k, soft_breaks(&v)))
                .collect(),
            logo: logo.is_some(),
        },
        blocks: Vec::new(),
        charts: Vec::new(),
        logo,
    };
    summary(&mut d, &t, r);
    participants(&mut d, &t, r);
    let mut step = None;
    for a in &r.activities {
        if step != Some(&a.step) {
            step = Some(&a.step);
            d.heading(1, &a.step);
        }
        activity(&mut d, &t, a);
    }
    d
}

impl Doc {
    pub(crate) fn heading(&mut self, level: u8, text: &str) {
        self.blocks.push(Block::Heading {
            level,
            text: soft_breaks(text),
        });
    }
    pub(crate) fn para(&mut self, text: &str) {
        self.blocks.push(Block::Para {
            text: soft_breaks(text),
        });
    }
    pub(crate) fn note(&mut self, text: &str) {
        self.blocks.push(Block::Note {
            text: soft_breaks(text),
        });
    }
    pub(crate) fn fact(&mut self, label: &str, text: &str) {
        self.blocks.push(Block::Fact {
            label: label.to_string(),
            text: soft_breaks(text),
        });
    }
    pub(crate) fn table(&mut self, head: Vec<String>, num: Vec<bool>, rows: Vec<Vec<String>>) {
        self.blocks.push(Block::Table {
            head,
            num,
            rows: rows
                .into_iter()
                .map(|r| r.iter().map(|c| soft_breaks(c)).collect())
                .collect(),
        });
    }
    pub(crate) fn chart(&mut self, c: Chart) {
        let n = self.charts.len();
        self.blocks.push(Block::Chart {
            n,
            file: format!("chart-{n}.svg"),
            alt: c.alt.clone(),
            ratio: c.height / super::charts::WIDTH,
        });
        self.charts.push(c);
    }
}

/// The common direction up front: the goal, the winning priorities, the
/// number of ideas and actions.
fn summary(d: &mut Doc, t: &Tr, r: &Report) {
    d.heading(1, &t.t("report-summary"));
    if let Some(goal) = &r.session.goal {
        d.fact(&t.t("goal-ours"), goal);
    }
    for a in &r.activities {
        if let Results::Vote(v) = &a.results
            && !v.lines.is_empty()
        {
            let top: Vec<String> = v
                .lines
                .iter()
                .take(3)
                .map(|l| format!("{}. {} ({})", l.rank, l.label, l.total))
                .collect();
            d.fact(&a.view.title, &top.join(" · "));
        }
    }
    let count = |kind: &str| -> usize {
        r.activities
            .iter()
            .filter(|a| a.view.kind == kind)
            .map(|a| match &a.results {
                Results::Items(groups) => groups.iter().map(|g| g.items.len()).sum(),
                _ => 0,
            })
            .sum()
    };
    d.para(&format!(
        "{} · {}",
        t.t1("report-ideas", "count", count("idea_wall") as u64),
        t.t1("report-actions", "count", count("actions") as u64)
    ));
}

fn participants(d: &mut Doc, t: &Tr, r: &Report) {
    d.heading(1, &t.t("report-participants"));
    d.para(&format!(
        "{} · {}",
        t.t1("count-participants", "count", r.phones),
        t.t1("count-tablets", "count", r.tablets)
    ));
    if !r.by_org.is_empty() {
        d.table(
            vec![t.t("vote-breakdown-org"), t.t("report-count")],
            vec![false, true],
            r.by_org
                .iter()
                .map(|(l, n)| vec![l.clone(), n.to_string()])
                .collect(),
        );
    }
}

fn activity(d: &mut Doc, t: &Tr, a: &ReportActivity) {
    let v = &a.view;
    d.heading(2, &v.title);
    d.note(&v.kind_label);
    if v.revealed && !v.answer_text.is_empty() {
        d.fact(&t.t("quiz-answer"), &v.answer_text);
        if !v.explanation.is_empty() {
            d.para(&v.explanation);
        }
        if !v.source.is_empty() {
            d.note(&t.t1("quiz-source", "source", v.source.as_str()));
        }
    }
    // A poll nobody answered gets one line, not a chart of zeros.
    let lists = matches!(
        a.results,
        Results::Items(_) | Results::Board(_) | Results::Texts(_) | Results::Matrix(_)
    );
    if a.respondents == 0 && !lists {
        d.note(&t.t1("result-respondents", "count", 0u64));
        return;
    }
    if let Some(c) = chart(t, &a.results, v.revealed) {
        d.chart(c);
    }
    match &a.results {
        Results::Bars(bars) | Results::Scale { bars, .. } => {
            d.table(
                vec![t.t("report-answer"), t.t("report-count"), "%".into()],
                vec![false, true, true],
                bars.iter()
                    .map(|b| {
                        let mark = if v.revealed && b.correct { " ✓" } else { "" };
                        vec![
                            format!("{}{mark}", b.label),
                            b.count.to_string(),
                            b.pct.to_string(),
                        ]
                    })
                    .collect(),
            );
            if let Results::Scale {
                mean: Some(m),
                median,
                ..
            } = &a.results
            {
                let mut line = t.t1("result-mean", "value", m.as_str());
                if let Some(md) = median {
                    line = format!("{line} · {}", t.t1("result-median", "value", md.as_str()));
                }
                d.para(&line);
            }
        }
        Results::Words(words) => {
            d.table(
                vec![t.t("report-word"), t.t("report-count")],
                vec![false, true],
                words
                    .iter()
                    .map(|w| vec![w.word.clone(), w.count.to_string()])
                    .collect(),
            );
        }
        Results::Texts(texts) => d.blocks.push(Block::Entries {
            title: String::new(),
            entries: texts
                .iter()
                .map(|x| Entry {
                    text: soft_breaks(x),
                    details: Vec::new(),
                    flag: String::new(),
                    merged: Vec::new(),
                })
                .collect(),
            empty: t.t("result-none"),
        }),
        Results::Estimates {
            median,
            range,
            close,
        } => {
            let mut rows = Vec::new();
            if let Some(m) = median {
                rows.push(vec![t.t("estimate-median"), m.clone()]);
            }
            if let Some((lo, hi)) = range {
                rows.push(vec![t.t("estimate-range"), format!("{lo} – {hi}")]);
            }
            rows.push(vec![t.t("estimate-close"), close.to_string()]);
            d.table(vec![String::new(), String::new()], vec![false, true], rows);
        }
        Results::Consent(rows) => {
            for row in rows {
                d.blocks.push(Block::Quote {
                    text: soft_breaks(&row.text),
                });
                d.table(
                    vec![t.t("goal-agree"), t.t("goal-live-with"), t.t("goal-object")],
                    vec![true, true, true],
                    vec![
                        (0..3)
                            .map(|k| format!("{} ({}%)", row.counts[k], row.pcts[k]))
                            .collect(),
                    ],
                );
                if !row.reasons.is_empty() {
                    d.blocks.push(Block::Entries {
                        title: t.t("report-reasons"),
                        entries: row
                            .reasons
                            .iter()
                            .map(|(_, level, reason)| Entry {
                                text: soft_breaks(reason),
                                details: vec![level.clone()],
                                flag: String::new(),
                                merged: Vec::new(),
                            })
                            .collect(),
                        empty: String::new(),
                    });
                }
            }
        }
        Results::Vote(vote) => {
            d.table(
                vec![
                    "#".into(),
                    t.t("report-item"),
                    t.t("report-total"),
                    t.t("report-share"),
                    t.t("report-mean"),
                    t.t("report-spread"),
                ],
                vec![false, false, true, true, true, true],
                vote.lines
                    .iter()
                    .map(|l| {
                        vec![
                            l.rank.clone(),
                            l.label.clone(),
                            l.total.to_string(),
                            format!("{}%", l.share),
                            l.mean.clone(),
                            l.spread.clone(),
                        ]
                    })
                    .collect(),
            );
            if !vote.schulze.is_empty() {
                d.para(&t.t1("vote-schulze", "order", vote.schulze.as_str()));
                if vote.disagree {
                    d.para(&t.t("vote-disagree"));
                }
            }
            if !a.vote_by_org.is_empty() {
                d.para(&t.t("report-by-org"));
                d.table(
                    vec![
                        t.t("vote-breakdown-org"),
                        t.t("report-voters"),
                        t.t("report-top-three"),
                    ],
                    vec![false, true, false],
                    a.vote_by_org
                        .iter()
                        .map(|(org, n, top)| vec![org.clone(), n.to_string(), top.clone()])
                        .collect(),
                );
            }
        }
        Results::Items(groups) => {
            for g in groups {
                d.blocks.push(Block::Entries {
                    title: soft_breaks(&g.title),
                    entries: g.items.iter().map(|i| entry(t, i)).collect(),
                    empty: t.t("result-none"),
                });
            }
        }
        Results::Board(b) => {
            // The linked results only when the evening linked any.
            let linked = b.categories.iter().any(|c| !c.result.is_empty());
            let mut rows: Vec<Vec<String>> = b
                .categories
                .iter()
                .map(|c| {
                    let mut row = vec![
                        c.name.clone(),
                        c.items.len().to_string(),
                        c.merged_from.clone(),
                    ];
                    if linked {
                        row.push(c.result.clone());
                    }
                    row
                })
                .collect();
            if !b.unplaced.is_empty() {
                let mut row = vec![
                    t.t("board-unplaced"),
                    b.unplaced.len().to_string(),
                    String::new(),
                ];
                if linked {
                    row.push(String::new());
                }
                rows.push(row);
            }
            let mut head = vec![
                t.t("report-category"),
                t.t("report-count"),
                t.t("report-merged-categories"),
            ];
            let mut num = vec![false, true, false];
            if linked {
                head.push(t.t("board-result"));
                num.push(false);
            }
            d.table(head, num, rows);
            d.note(&t.t("report-board-note"));
        }
        Results::Matrix(g) => {
            d.note(&t.t2(
                "inv-matrix-summary",
                "total",
                g.total as i64,
                "empty",
                g.empty as i64,
            ));
            d.chart(crate::inventory::matrix_image::matrix_chart(g));
        }
    }
    if !matches!(
        a.results,
        Results::Items(_) | Results::Board(_) | Results::Matrix(_)
    ) {
        d.note(&t.t1("result-respondents", "count", a.respondents));
    }
}

fn entry(t: &Tr, i: &ItemView) -> Entry {
    let mut text = i.text.clone();
    if !i.so_that.is_empty() {
        text = format!("{text}, {} {}", t.t("action-so-that"), i.so_that);
    }
    let mut details = Vec::new();
    for (key, value) in [
        ("action-who", &i.who),
        ("action-by-when", &i.by_when),
        ("action-needs", &i.needs),
    ] {
        if !value.is_empty() {
            details.push(format!("{}: {}", t.t(key), value));
        }
    }
    if i.marks > 0 {
        let key = if i.so_that.is_empty() && i.committed.is_empty() {
            "item-upvotes"
        } else {
            "item-commits"
        };
        let mut m = t.t1(key, "count", i.marks);
        if !i.committed.is_empty() {
            m = format!("{m} ({})", i.committed);
        }
        details.push(m);
    }
    if !i.author.is_empty() {
        details.push(i.author.clone());
    }
    let flag = match i.status {
        "visible" => String::new(),
        s => t.t(&format!("item-{s}")),
    };
    Entry {
        text: soft_breaks(&text),
        details: details.iter().map(|x| soft_breaks(x)).collect(),
        flag,
        merged: i
            .merged
            .iter()
            .map(|m| soft_breaks(&format!("{} {m}", t.t("report-merged"))))
            .collect(),
    }
}

/// The day of an instant (ms since epoch) in the Netherlands, `YYYY-MM-DD`.
pub(crate) fn date_of(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .ok()
        .and_then(|ts| {
            jiff::tz::TimeZone::get("Europe/Amsterdam")
                .ok()
                .map(|tz| ts.to_zoned(tz).date().to_string())
        })
        .unwrap_or_default()
}

/// Offers a line break every 24 characters inside very long words (with a
/// zero-width space), so a 5,000-character "word" wraps instead of running
/// off the page. Normal words are left alone.
pub(crate) fn soft_breaks(text: &str) -> String {
    const RUN: usize = 24;
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for c in text.chars() {
        if c.is_whitespace() || c == '\u{200B}' || c == '-' {
            run = 0;
        } else {
            run += 1;
            if run > RUN {
                out.push('\u{200B}');
                run = 1;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_words_get_break_opportunities() {
        assert_eq!(soft_breaks("een gewoon idee"), "een gewoon idee");
        let long = "a".repeat(60);
        let broken = soft_breaks(&long);
        assert_eq!(broken.matches('\u{200B}').count(), 2);
        assert_eq!(broken.replace('\u{200B}', ""), long);
        assert_eq!(date_of(1_763_593_200_000), "2025-11-20");
    }
}
