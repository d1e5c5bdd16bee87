//! A questionnaire's results as blocks a page shows: per question its
//! counts as bars or a table, with every figure also as text (screen
//! readers, print), and the cross-tabulation as a table.

use crate::i18n::Tr;
use koers_core::questionnaire::{
    CrossKey, CrossTab, OptionKey, Question, QuestionKind, Questionnaire, Results, Summary,
};

/// A bar: label, count and percentage of those who answered.
#[derive(Clone, Debug)]
pub struct Bar {
    /// Label.
    pub label: String,
    /// Count.
    pub value: u64,
    /// Whole percent.
    pub pct: u32,
}

/// A table: header and rows of cells.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Header cells.
    pub head: Vec<String>,
    /// Rows; the first cell is the row's header.
    pub rows: Vec<Vec<String>>,
}

/// One question's results.
#[derive(Clone, Debug)]
pub struct Block {
    /// Anchor and form field id.
    pub id: String,
    /// The question.
    pub title: String,
    /// Answered, of those who saw it.
    pub answered: u64,
    /// Saw it (not hidden by a condition).
    pub seen: u64,
    /// Bars, for choices and scales.
    pub bars: Vec<Bar>,
    /// A table, for matrices, rankings and numbers.
    pub table: Option<Table>,
    /// Whether it is a text question (answers listed below).
    pub text: bool,
}

fn pct(n: u64, of: u64) -> u32 {
    if of == 0 {
        0
    } else {
        ((n as f64) * 100.0 / (of as f64)).round() as u32
    }
}

fn dec(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}").replace('.', ","))
        .unwrap_or_else(|| "–".into())
}

fn label_of(q: &Question, key: &OptionKey, t: &Tr) -> String {
    q.option(key.as_str())
        .map(|o| o.text.get(t.lang).to_string())
        .unwrap_or_else(|| key.as_str().to_string())
}

fn point_label(q: &Question, value: i64, t: &Tr) -> String {
    match &q.kind {
        QuestionKind::Matrix { points, .. } => points
            .iter()
            .find(|p| i64::from(p.value) == value)
            .map(|p| p.label.get(t.lang).to_string())
            .unwrap_or_else(|| value.to_string()),
        _ => value.to_string(),
    }
}

/// The blocks of every question, in order.
pub fn blocks(t: &Tr, q: &Questionnaire, results: &Results) -> Vec<Block> {
    results
        .questions
        .iter()
        .filter_map(|r| Some((q.question(r.question)?, r)))
        .map(|(question, r)| {
            let mut b = Block {
                id: question.id.to_string(),
                title: question.text.get(t.lang).to_string(),
                answered: r.answered,
                seen: r.seen,
                bars: Vec::new(),
                table: None,
                text: false,
            };
            match &r.summary {
                Summary::Choice { options } => {
                    b.bars = options
                        .iter()
                        .map(|o| Bar {
                            label: label_of(question, &o.key, t),
                            value: o.count,
                            pct: pct(o.count, r.answered),
                        })
                        .collect();
                }
                Summary::Scale(d) => {
                    b.bars = d
                        .values
                        .iter()
                        .zip(&d.counts)
                        .map(|(v, n)| Bar {
                            label: v.to_string(),
                            value: *n,
                            pct: pct(*n, d.answered),
                        })
                        .collect();
                    b.table = Some(Table {
                        head: vec![t.t("qr-mean"), t.t("qr-median")],
                        rows: vec![vec![dec(d.mean), dec(d.median)]],
                    });
                }
                Summary::Matrix { points, statements } => {
                    let mut head = vec![String::new()];
                    head.extend(points.iter().map(|p| point_label(question, *p, t)));
                    head.push(t.t("qr-mean"));
                    b.table = Some(Table {
                        head,
                        rows: statements
                            .iter()
                            .map(|s| {
                                let mut row = vec![label_of(question, &s.key, t)];
                                row.extend(s.distribution.counts.iter().map(|n| n.to_string()));
                                row.push(dec(s.distribution.mean));
                                row
                            })
                            .collect(),
                    });
                }
                Summary::Ranking { options, .. } => {
                    b.table = Some(Table {
                        head: vec![
                            String::new(),
                            t.t("qr-points"),
                            t.t("qr-first"),
                            t.t("qr-mean-rank"),
                            t.t("qr-ranked"),
                        ],
                        rows: options
                            .iter()
                            .map(|o| {
                                vec![
                                    label_of(question, &o.key, t),
                                    o.points.to_string(),
                                    o.first.to_string(),
                                    dec(o.mean_rank),
                                    o.ranked.to_string(),
                                ]
                            })
                            .collect(),
                    });
                }
                Summary::Number(n) => {
                    b.table = Some(Table {
                        head: vec![
                            t.t("qr-count"),
                            t.t("qr-min"),
                            t.t("qr-max"),
                            t.t("qr-mean"),
                            t.t("qr-median"),
                        ],
                        rows: vec![vec![
                            n.count.to_string(),
                            dec(n.min),
                            dec(n.max),
                            dec(n.mean),
                            dec(n.median),
                        ]],
                    });
                }
                Summary::Text(_) => b.text = true,
                Summary::Contact { yes, no } => {
                    let all = yes + no;
                    b.bars = vec![
                        Bar {
                            label: t.t("q-consent-yes"),
                            value: *yes,
                            pct: pct(*yes, all),
                        },
                        Bar {
                            label: t.t("q-consent-no"),
                            value: *no,
                            pct: pct(*no, all),
                        },
                    ];
                }
            }
            b
        })
        .collect()
}

fn cross_label(q: &Question, k: &CrossKey, t: &Tr) -> String {
    match k {
        CrossKey::Option(key) => label_of(q, key, t),
        CrossKey::Value(v) => v.to_string(),
    }
}

/// A cross-tabulation as a table: row options × column options, with
/// each cell's count and its share of the row, and the row totals.
pub fn cross_table(t: &Tr, q: &Questionnaire, c: &CrossTab) -> Option<Table> {
    let (rq, cq) = (q.question(c.rows)?, q.question(c.cols)?);
    let mut head = vec![String::new()];
    head.extend(c.col_keys.iter().map(|k| cross_label(cq, k, t)));
    head.push(t.t("qr-total"));
    let rows = c
        .row_keys
        .iter()
        .zip(&c.counts)
        .zip(&c.row_totals)
        .map(|((k, counts), total)| {
            let mut row = vec![cross_label(rq, k, t)];
            row.extend(counts.iter().map(|n| format!("{n} ({}%)", pct(*n, *total))));
            row.push(total.to_string());
            row
        })
        .collect();
    Some(Table { head, rows })
}
