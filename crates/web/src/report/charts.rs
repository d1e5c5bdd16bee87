//! The report's charts as standalone SVG: the bars, the agreement
//! distribution and the word cloud the screen shows, drawn by Koers itself.
//! The PDF embeds them as vector graphics; the Word document gets them
//! rasterised (see `raster.rs`). Every figure in a chart is also in the
//! report's text and tables, so nobody depends on seeing the picture.

use crate::i18n::Tr;
use crate::views::models::{Bar, CloudWord, Results};
use std::fmt::Write;

/// Width of every chart in SVG units (px at 96 dpi): a chart fills the text
/// width of an A4 page.
pub(crate) const WIDTH: f64 = 640.0;
const ROW: f64 = 30.0;
const FONT: f64 = 13.0;
const LABEL_W: f64 = 250.0;
const VALUE_W: f64 = 110.0;
const BAR_X: f64 = LABEL_W + 10.0;
const BAR_W: f64 = WIDTH - BAR_X - VALUE_W;
/// The font the charts ask for; the PDF and the rasteriser both carry it.
pub(crate) const FAMILY: &str = "DejaVu Sans";

// NL Design System-like colours with at least 4.5:1 against white where
// they carry text, 3:1 where they only fill a bar.
const INK: &str = "#1a1a1a";
const FILL: &str = "#154273";
const TRACK: &str = "#e6ebf1";
const CORRECT: &str = "#2c6a0a";
const LEVELS: [&str; 3] = ["#2c6a0a", "#b35900", "#b3261e"];

/// A chart ready to embed.
#[derive(Debug, Clone)]
pub(crate) struct Chart {
    /// The SVG document.
    pub svg: String,
    /// Its height in SVG units (its width is [`WIDTH`]).
    pub height: f64,
    /// A text alternative naming every figure.
    pub alt: String,
}

/// The chart of an activity's results, if its results are a chart.
pub(crate) fn chart(t: &Tr, results: &Results, revealed: bool) -> Option<Chart> {
    match results {
        Results::Bars(bars) | Results::Scale { bars, .. } if !bars.is_empty() => {
            Some(bar_chart(t, bars, revealed))
        }
        Results::Vote(v) if !v.lines.is_empty() => {
            let bars: Vec<Bar> = v
                .lines
                .iter()
                .map(|l| Bar {
                    label: format!("{}. {}", l.rank, l.label),
                    count: l.total,
                    pct: l.share,
                    width: l.width,
                    correct: false,
                })
                .collect();
            Some(bar_chart(t, &bars, false))
        }
        Results::Consent(rows) if !rows.is_empty() => Some(consent_chart(t, rows)),
        Results::Words(words) if !words.is_empty() => Some(cloud(t, words)),
        _ => None,
    }
}

/// Horizontal bars with the label on the left and the count on the right.
fn bar_chart(t: &Tr, bars: &[Bar], revealed: bool) -> Chart {
    let height = ROW * bars.len() as f64 + 8.0;
    let mut body = String::new();
    let mut alt = Vec::new();
    for (i, b) in bars.iter().enumerate() {
        let y = 4.0 + ROW * i as f64;
        let correct = revealed && b.correct;
        let label = if correct {
            format!("✓ {}", b.label)
        } else {
            b.label.clone()
        };
        let value = format!("{} ({}%)", b.count, b.pct);
        let colour = if correct { CORRECT } else { FILL };
        let _ = write!(
            body,
            r#"<text x="0" y="{ty}" font-size="{FONT}"{weight} fill="{INK}">{label}</text><rect x="{BAR_X}" y="{by}" width="{BAR_W}" height="16" fill="{TRACK}"/><rect x="{BAR_X}" y="{by}" width="{w:.1}" height="16" fill="{colour}"/><text x="{WIDTH}" y="{ty}" font-size="{FONT}" text-anchor="end" fill="{INK}">{value}</text>"#,
            ty = y + 17.0,
            by = y + 4.0,
            weight = if correct {
                r#" font-weight="bold""#
            } else {
                ""
            },
            label = xml(&fit(&label, LABEL_W, FONT)),
            w = BAR_W * b.width.clamp(0.0, 100.0) / 100.0,
            value = xml(&value),
        );
        let mark = if correct {
            format!(" ({})", t.t("quiz-correct"))
        } else {
            String::new()
        };
        alt.push(format!("{}{mark}: {value}", b.label));
    }
    Chart {
        svg: svg(height, &body),
        height,
        alt: alt.join("; "),
    }
}

/// One stacked bar per wording: agree, can live with it, object.
fn consent_chart(t: &Tr, rows: &[crate::views::evening::ConsentRow]) -> Chart {
    let names = [t.t("goal-agree"), t.t("goal-live-with"), t.t("goal-object")];
    let legend_h = 26.0;
    let row_h = 48.0;
    let height = legend_h + row_h * rows.len() as f64;
    let mut body = String::new();
    let mut x = 0.0;
    for (name, colour) in names.iter().zip(LEVELS) {
        let _ = write!(
            body,
            r#"<rect x="{x}" y="4" width="14" height="14" fill="{colour}"/><text x="{tx}" y="16" font-size="{FONT}" fill="{INK}">{n}</text>"#,
            tx = x + 20.0,
            n = xml(name),
        );
        x += 40.0 + text_width(name, FONT);
    }
    let mut alt = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let y = legend_h + row_h * i as f64;
        let _ = write!(
            body,
            r#"<text x="0" y="{ty}" font-size="{FONT}" fill="{INK}">{label}</text>"#,
            ty = y + 14.0,
            label = xml(&fit(&r.text, WIDTH, FONT)),
        );
        let total: u64 = r.counts.iter().sum();
        let mut bx = 0.0;
        for (k, colour) in LEVELS.iter().enumerate() {
            if total == 0 {
                break;
            }
            let w = WIDTH * r.counts[k] as f64 / total as f64;
            if w > 0.0 {
                let _ = write!(
                    body,
                    r#"<rect x="{bx:.1}" y="{by}" width="{w:.1}" height="20" fill="{colour}"/>"#,
                    by = y + 20.0,
                );
                // A share is written inside its part when the part is wide
                // enough to hold it in white.
                if w > 44.0 {
                    let _ = write!(
                        body,
                        r##"<text x="{tx:.1}" y="{ty}" font-size="12" font-weight="bold" fill="#ffffff" text-anchor="middle">{p}%</text>"##,
                        tx = bx + w / 2.0,
                        ty = y + 35.0,
                        p = r.pcts[k],
                    );
                }
            }
            bx += w;
        }
        if total == 0 {
            let _ = write!(
                body,
                r#"<rect x="0" y="{by}" width="{WIDTH}" height="20" fill="{TRACK}"/>"#,
                by = y + 20.0,
            );
        }
        let parts: Vec<String> = names
            .iter()
            .zip(r.counts.iter().zip(r.pcts))
            .map(|(n, (c, p))| format!("{n} {c} ({p}%)"))
            .collect();
        alt.push(format!("{}: {}", r.text, parts.join(", ")));
    }
    Chart {
        svg: svg(height, &body),
        height,
        alt: alt.join("; "),
    }
}

/// The words in rows, larger the more people gave them, most frequent first.
fn cloud(t: &Tr, words: &[CloudWord]) -> Chart {
    const GAP: f64 = 18.0;
    // A line of the cloud: its words with their sizes, its width, its height.
    type Line = (Vec<(String, f64)>, f64, f64);
    let mut lines: Vec<Line> = Vec::new();
    let mut current: Vec<(String, f64)> = Vec::new();
    let (mut w, mut h) = (0.0, 0.0_f64);
    for word in words.iter().take(60) {
        let size = 12.0 + 5.0 * f64::from(word.size.saturating_sub(1));
        let text = fit(&word.word, WIDTH, size);
        let ww = text_width(&text, size);
        if !current.is_empty() && w + GAP + ww > WIDTH {
            lines.push((std::mem::take(&mut current), w, h));
            w = 0.0;
            h = 0.0;
        }
        w += if current.is_empty() { ww } else { GAP + ww };
        h = h.max(size);
        current.push((text, size));
    }
    if !current.is_empty() {
        lines.push((current, w, h));
    }
    let mut body = String::new();
    let mut y = 0.0;
    for (line, lw, lh) in &lines {
        y += lh * 1.3;
        let mut x = (WIDTH - lw) / 2.0;
        for (text, size) in line {
            let colour = if *size >= 27.0 { FILL } else { INK };
            let _ = write!(
                body,
                r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}" fill="{colour}">{}</text>"#,
                xml(text)
            );
            x += text_width(text, *size) + GAP;
        }
    }
    let height = y + 10.0;
    let alt = words
        .iter()
        .map(|w| format!("{} ({})", w.word, w.count))
        .collect::<Vec<_>>()
        .join(", ");
    Chart {
        svg: svg(height, &body),
        height,
        alt: format!("{}: {alt}", t.t("report-word-cloud")),
    }
}

fn svg(height: f64, body: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="{FAMILY}">{body}</svg>"#
    )
}

/// An estimate of a text's width in DejaVu Sans: wide letters count more.
/// It errs wide so that labels are cut before they run into the bars.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.34,
            'm' | 'w' | 'M' | 'W' | '@' => 0.92,
            c if c.is_uppercase() => 0.72,
            c if c.is_ascii() => 0.6,
            // Wide scripts and emoji: count them as a full em.
            _ => 1.0,
        })
        .sum::<f64>()
        * size
}

/// Cuts a text to fit `width`, ending in "…" when cut.
pub(crate) fn fit(text: &str, width: f64, size: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_string();
    }
    let budget = width - text_width("…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        let cw = text_width(c.encode_utf8(&mut [0; 4]), size);
        if used + cw > budget {
            break;
        }
        used += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// Escapes a text for XML and drops characters XML 1.0 forbids, so nothing
/// anyone typed can break out of a text node or make the SVG unreadable.
pub(crate) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use koers_core::lang::Lang;

    fn bar(label: &str, count: u64, pct: u64, width: f64, correct: bool) -> Bar {
        Bar {
            label: label.into(),
            count,
            pct,
            width,
            correct,
        }
    }

    #[test]
    fn hostile_labels_stay_text() {
        let t = Tr::new(Lang::Nl);
        let bars = vec![
            bar("<script>alert(1)</script> & \"x\"", 3, 60, 100.0, true),
            bar("gewoon\u{0}\u{1b}", 2, 40, 66.7, false),
        ];
        let c = chart(&t, &Results::Bars(bars), true).expect("a chart");
        assert!(!c.svg.contains("<script"), "{}", c.svg);
        assert!(c.svg.contains("&lt;script&gt;"));
        assert!(!c.svg.contains('\u{0}') && !c.svg.contains('\u{1b}'));
        // The right answer is marked in the picture and in the alternative.
        assert!(c.svg.contains("✓"));
        assert!(c.alt.contains("3 (60%)") && c.alt.contains("2 (40%)"));
        assert!(c.alt.contains(&t.t("quiz-correct")));
        // The second bar is two thirds of the first.
        assert!(c.svg.contains(&format!(r#"width="{:.1}""#, BAR_W * 0.667)));
    }

    #[test]
    fn long_labels_are_cut_to_their_column() {
        let long = "Preventieve ondersteuning voor ouders van jonge kinderen in alle wijken";
        let cut = fit(long, LABEL_W, FONT);
        assert!(cut.ends_with('…') && cut.chars().count() < long.chars().count());
        assert!(text_width(&cut, FONT) <= LABEL_W);
        assert_eq!(fit("kort", LABEL_W, FONT), "kort");
        let word = "x".repeat(5000);
        assert!(text_width(&fit(&word, WIDTH, 36.0), 36.0) <= WIDTH);
    }

    #[test]
    fn no_chart_without_figures() {
        let t = Tr::new(Lang::Nl);
        assert!(chart(&t, &Results::Bars(vec![]), false).is_none());
        assert!(chart(&t, &Results::Texts(vec!["a".into()]), false).is_none());
    }

    #[test]
    fn a_cloud_wraps_inside_the_width() {
        let t = Tr::new(Lang::En);
        let words: Vec<CloudWord> = (0..40)
            .map(|i| CloudWord {
                word: format!("woord{i}"),
                count: 40 - i,
                size: (6 - (i / 8)) as u8,
            })
            .collect();
        let c = chart(&t, &Results::Words(words), false).expect("a chart");
        assert!(c.height > 100.0, "several rows: {}", c.height);
        assert!(c.alt.starts_with(&t.t("report-word-cloud")));
        assert!(c.alt.contains("woord0 (40)"));
    }
}
