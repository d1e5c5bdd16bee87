//! The Preventiematrix as a picture: the same cells, counts and colours as
//! the page, drawn as SVG by Koers itself. The analysis report embeds it
//! (vector in the PDF, rasterised in Word), and the matrix page offers it as
//! an SVG or PNG file for a slide or a council memo. Every count is written
//! in its cell, so the colour is never the only carrier of the figure.

use super::matrix::Grid;
use crate::report::charts::{Chart, FAMILY, WIDTH, fit, text_width, xml};
use std::fmt::Write;

const FONT: f64 = 11.0;
const COUNT_FONT: f64 = 15.0;
const LINE: f64 = 13.0;
const ROW_H: f64 = 30.0;
const PAD: f64 = 4.0;
const CAPTION_H: f64 = 24.0;
const INK: &str = "#1a1a1a";
const GRID: &str = "#8a8a8a";
// The page's heat classes (koers.css `.heat-0` … `.heat-4`); on the darkest
// the count is white, on the others near-black, each at least 4.5:1.
const HEAT: [&str; 5] = ["#ffffff", "#e3ecf7", "#bcd1ea", "#8fb1da", "#1d4f8a"];
// An empty cell's "0" in the page's danger red: a gap should stand out.
const EMPTY: &str = "#b3261e";

/// The pieces a label may break between: words, and the parts of a word
/// after a dash ("−9 maanden–" "0 jaar"); a piece wider than `width` is cut
/// into hyphenated parts that fit ("Professio-" "nals").
fn pieces(text: &str, width: f64) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let mut part = String::new();
        let mut first = true;
        for c in word.chars() {
            part.push(c);
            if matches!(c, '–' | '-' | '/') {
                out.push((std::mem::take(&mut part), first));
                first = false;
            }
        }
        if !part.is_empty() {
            out.push((part, first));
        }
    }
    // Cut what is too wide on its own.
    let mut fitted = Vec::new();
    for (piece, spaced) in out {
        if text_width(&piece, FONT) <= width {
            fitted.push((piece, spaced));
            continue;
        }
        let mut chunk = String::new();
        let mut spaced_chunk = spaced;
        for c in piece.chars() {
            let candidate = format!("{chunk}{c}-");
            if !chunk.is_empty() && text_width(&candidate, FONT) > width {
                fitted.push((format!("{chunk}-"), spaced_chunk));
                chunk.clear();
                spaced_chunk = false;
            }
            chunk.push(c);
        }
        fitted.push((chunk, spaced_chunk));
    }
    fitted
}

/// Breaks a label into at most `lines` lines of `width`, the last cut with
/// "…" when the label is longer still.
fn wrap(text: &str, width: f64, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for (piece, spaced) in pieces(text, width) {
        let candidate = match (current.is_empty(), spaced) {
            (true, _) => piece.clone(),
            (false, true) => format!("{current} {piece}"),
            (false, false) => format!("{current}{piece}"),
        };
        if text_width(&candidate, FONT) <= width || current.is_empty() {
            current = candidate;
        } else {
            out.push(std::mem::take(&mut current));
            current = piece;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.len() > lines {
        let rest = out.split_off(lines - 1).join(" ");
        out.push(rest);
    }
    out.into_iter().map(|l| fit(&l, width, FONT)).collect()
}

fn text_lines(svg: &mut String, lines: &[String], x: f64, y: f64, anchor: &str, weight: &str) {
    for (i, l) in lines.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<text x="{x:.1}" y="{:.1}" font-size="{FONT}" font-weight="{weight}" text-anchor="{anchor}" fill="{INK}">{}</text>"#,
            y + i as f64 * LINE,
            xml(l)
        );
    }
}

/// The matrix as a chart [`WIDTH`] wide.
pub(crate) fn matrix_chart(page: &Grid) -> Chart {
    let n_cols = page.cols.len().max(1);
    // The row labels' column as wide as its longest label, within bounds
    // (a longer label takes two lines), so the columns get what is left.
    let longest = page
        .rows
        .iter()
        .map(|(h, _)| text_width(&h.label, FONT))
        .fold(60.0_f64, f64::max);
    let label_w = (longest + 2.0 * PAD).min(if n_cols > 8 { 120.0 } else { 160.0 });
    let col_w = (WIDTH - label_w) / n_cols as f64;
    let col_labels: Vec<Vec<String>> = page
        .cols
        .iter()
        .map(|c| wrap(&c.label, col_w - 2.0 * PAD, 3))
        .collect();
    let head_h = col_labels.iter().map(Vec::len).max().unwrap_or(1) as f64 * LINE + 2.0 * PAD;
    let top = CAPTION_H + head_h;
    let height = top + page.rows.len() as f64 * ROW_H + 1.0;

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0}" viewBox="0 0 {WIDTH} {height:.0}" font-family="{FAMILY}">"#
    );
    let _ = write!(
        svg,
        r#"<text x="{:.1}" y="16" font-size="13" font-weight="bold" text-anchor="middle" fill="{INK}">{}</text>"#,
        WIDTH / 2.0,
        xml(&fit(&page.caption, WIDTH, 13.0))
    );
    for (c, lines) in col_labels.iter().enumerate() {
        let x = label_w + (c as f64 + 0.5) * col_w;
        text_lines(&mut svg, lines, x, CAPTION_H + PAD + FONT, "middle", "bold");
    }
    let mut alt_rows = Vec::new();
    for (r, (header, cells)) in page.rows.iter().enumerate() {
        let y = top + r as f64 * ROW_H;
        let lines = wrap(&header.label, label_w - 2.0 * PAD, 2);
        let first = y + ROW_H / 2.0 + FONT / 2.0 - (lines.len() - 1) as f64 * LINE / 2.0 - 1.0;
        text_lines(&mut svg, &lines, PAD, first, "start", "bold");
        let mut alt_cells = Vec::new();
        for (c, cell) in cells.iter().enumerate() {
            let x = label_w + c as f64 * col_w;
            let heat = usize::from(cell.heat.min(4));
            let _ = write!(
                svg,
                r#"<rect x="{x:.1}" y="{y:.1}" width="{col_w:.1}" height="{ROW_H}" fill="{}" stroke="{GRID}" stroke-width="0.6"/>"#,
                HEAT[heat]
            );
            let colour = match (cell.count, heat) {
                (0, _) => EMPTY,
                (_, 4) => "#ffffff",
                _ => INK,
            };
            let _ = write!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" font-size="{COUNT_FONT}" font-weight="bold" text-anchor="middle" fill="{colour}">{}</text>"#,
                x + col_w / 2.0,
                y + ROW_H / 2.0 + COUNT_FONT / 2.0 - 2.0,
                cell.count
            );
            let col = page.cols.get(c).map_or("", |h| h.label.as_str());
            alt_cells.push(format!("{col} {}", cell.count));
        }
        alt_rows.push(format!("{}: {}", header.label, alt_cells.join(", ")));
    }
    svg.push_str("</svg>");
    Chart {
        svg,
        height,
        alt: format!("{}. {}.", page.caption, alt_rows.join("; ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_wrap_into_the_lines_given_and_are_cut_visibly() {
        let lines = wrap("Jongeren van twaalf tot achttien jaar oud", 60.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, FONT) <= 60.0));
        assert_eq!(wrap("Ouders", 60.0, 3), ["Ouders"]);
        // Broken after a dash, and a word too wide on its own hyphenated.
        assert_eq!(
            wrap("−9 maanden–0 jaar", 62.0, 3),
            ["−9", "maanden–", "0 jaar"]
        );
        let long = wrap("Professionals", 50.0, 3);
        assert_eq!(long.concat().replace('-', ""), "Professionals", "{long:?}");
        assert!(long[0].ends_with('-') && long.len() == 2, "{long:?}");
    }
}
