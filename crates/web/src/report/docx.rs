//! The report as a Word document (docx-rs): real heading styles (so Word's
//! navigation pane and a table of contents find them), real tables with a
//! repeated header row, bulleted lists, and the charts as PNG images.

use super::ExportError;
use super::blocks::{Block, Doc, Entry};
use super::raster;
use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, IndentLevel, Level, LevelJc,
    LevelText, LineSpacing, NumPages, NumberFormat, Numbering, NumberingId, PageNum, Paragraph,
    Pic, Run, RunFonts, Shading, SpecialIndentType, Start, Style, StyleType, Table, TableCell,
    TableRow, WidthType,
};

const BLUE: &str = "154273";
const GREY: &str = "595959";
const ALERT: &str = "B3261E";
const TINT: &str = "E6EBF1";
/// Text width of an A4 page with 2.2 cm margins, in twentieths of a point.
const TEXT_TWIPS: usize = 9_410;
/// Our bullet list's numbering id: docx-rs already defines a decimal
/// numbering with id 1.
const BULLETS: usize = 2;

/// Writes the document.
pub(crate) fn docx(doc: &Doc) -> Result<Vec<u8>, ExportError> {
    let mut d = Docx::new()
        .page_size(11_906, 16_838)
        .page_margin(
            docx_rs::PageMargin::new()
                .top(1_247)
                .bottom(1_417)
                .left(1_247)
                .right(1_247),
        )
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(20)
        .default_line_spacing(
            LineSpacing::new()
                .after(100)
                .line(264)
                .line_rule(docx_rs::LineSpacingType::Auto),
        )
        .add_style(heading_style("Heading1", "heading 1", 32, 0))
        .add_style(heading_style("Heading2", "heading 2", 25, 1))
        .add_style(heading_style("Heading3", "heading 3", 21, 2))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(52)
                .bold()
                .color(BLUE),
        )
        // The page number fields are runs Word fills in; they take their
        // size from the paragraph style, so the footer's style sets it.
        .add_style(
            Style::new("Footer", StyleType::Paragraph)
                .name("footer")
                .based_on("Normal")
                .size(17)
                .color(GREY),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(360),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .title_pg()
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .style("Footer")
                    .add_run(small(&format!("{}    {} ", doc.footer, doc.page)))
                    .add_page_num(PageNum::new())
                    .add_run(small(&format!(" {} ", doc.of)))
                    .add_num_pages(NumPages::new()),
            ),
        )
        .first_footer(Footer::new());
    d = cover(d, doc)?;
    for (i, b) in doc.blocks.iter().enumerate() {
        d = block(d, doc, b, doc.blocks.get(i + 1))?;
    }
    let mut out = std::io::Cursor::new(Vec::new());
    d.build()
        .pack(&mut out)
        .map_err(|e| ExportError::Render(e.to_string()))?;
    Ok(out.into_inner())
}

fn heading_style(id: &str, name: &str, half_points: usize, level: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .size(half_points)
        .bold()
        .color(BLUE)
        .outline_lvl(level)
        .line_spacing(
            LineSpacing::new()
                .before(if level == 0 { 480 } else { 280 })
                .after(100),
        )
}

fn cover(mut d: Docx, doc: &Doc) -> Result<Docx, ExportError> {
    let c = &doc.cover;
    if let Some(logo) = &doc.logo {
        let (w, h) =
            koers_core::cover::check_logo(logo).map_err(|e| ExportError::Render(e.to_string()))?;
        // 2.2 cm high, as in the PDF.
        let height_emu = 792_000u32;
        let width_emu = (u64::from(height_emu) * u64::from(w) / u64::from(h)).min(5_400_000) as u32;
        let pic = Pic::new_with_dimensions(logo.clone(), w, h).size(width_emu, height_emu);
        d = d.add_paragraph(Paragraph::new().add_run(Run::new().add_image(pic)));
    } else {
        d = d.add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(clean(&c.municipality))
                    .bold()
                    .size(26)
                    .color(BLUE),
            ),
        );
    }
    for _ in 0..6 {
        d = d.add_paragraph(Paragraph::new());
    }
    d = d
        .add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(clean(&c.kicker.to_uppercase()))
                    .size(24)
                    .color(GREY),
            ),
        )
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(clean(&c.title))),
        );
    let rows = c
        .facts
        .iter()
        .map(|(k, v)| {
            TableRow::new(vec![
                TableCell::new().width(2_600, WidthType::Dxa).add_paragraph(
                    Paragraph::new().add_run(Run::new().add_text(clean(k)).color(GREY)),
                ),
                TableCell::new()
                    .width(TEXT_TWIPS - 2_600, WidthType::Dxa)
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text(clean(v)))),
            ])
        })
        .collect();
    d = d
        .add_paragraph(Paragraph::new())
        .add_table(Table::without_borders(rows).set_grid(vec![2_600, TEXT_TWIPS - 2_600]));
    if doc.logo.is_some() {
        d = d.add_paragraph(Paragraph::new()).add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text(clean(&c.municipality))
                    .bold()
                    .size(22)
                    .color(BLUE),
            ),
        );
    }
    Ok(d.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page))))
}

fn block(d: Docx, doc: &Doc, b: &Block, next: Option<&Block>) -> Result<Docx, ExportError> {
    // As in the PDF: a note keeps with what follows (a heading's kind note
    // with its chart), unless it ends a section (a source, a count).
    let keep = next.is_some_and(|n| !matches!(n, Block::Heading { .. }));
    Ok(match b {
        Block::Heading { level, text } => d.add_paragraph(
            Paragraph::new()
                .style(if *level == 1 { "Heading1" } else { "Heading2" })
                .keep_next(true)
                .add_run(Run::new().add_text(clean(text))),
        ),
        Block::Para { text } => {
            d.add_paragraph(Paragraph::new().add_run(Run::new().add_text(clean(text))))
        }
        Block::Note { text } => {
            d.add_paragraph(Paragraph::new().keep_next(keep).add_run(small(text)))
        }
        Block::Fact { label, text } => d.add_paragraph(
            Paragraph::new()
                .keep_next(keep)
                .add_run(Run::new().add_text(clean(label)).bold())
                .add_run(Run::new().add_text(format!(" {}", clean(text)))),
        ),
        Block::Quote { text } => d.add_paragraph(
            Paragraph::new()
                .indent(Some(567), None, None, None)
                .add_run(Run::new().add_text(clean(text)).italic()),
        ),
        Block::Chart { n, alt, .. } => {
            let chart = doc
                .charts
                .get(*n)
                .ok_or_else(|| ExportError::Render(format!("chart {n} missing")))?;
            let (png, w, h) = raster::png(chart).map_err(ExportError::Render)?;
            // Full text width (635 EMU per twip); the PNG has twice the
            // chart's pixels, so it prints sharp.
            let width_emu = (TEXT_TWIPS as u32) * 635;
            let height_emu = (u64::from(width_emu) * u64::from(h) / u64::from(w)) as u32;
            let pic = Pic::new_with_dimensions(png, w, h).size(width_emu, height_emu);
            d.add_paragraph(
                Paragraph::new()
                    .keep_next(true)
                    .add_run(Run::new().add_image(pic)),
            )
            // Word documents made by docx-rs cannot carry an image's
            // alternative text, so it follows as a caption.
            .add_paragraph(Paragraph::new().add_run(small(alt)))
        }
        Block::Table { head, num, rows } => d.add_table(table(head, num, rows)),
        Block::Entries {
            title,
            entries,
            empty,
        } => {
            let mut d = d;
            if !title.is_empty() {
                d = d.add_paragraph(
                    Paragraph::new()
                        .style("Heading3")
                        .keep_next(true)
                        .add_run(Run::new().add_text(clean(title))),
                );
            }
            if entries.is_empty() && !empty.is_empty() {
                d = d.add_paragraph(Paragraph::new().add_run(small(empty)));
            }
            for e in entries {
                d = d.add_paragraph(entry(e));
            }
            d
        }
    })
}

fn entry(e: &Entry) -> Paragraph {
    let mut p = Paragraph::new()
        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
        .add_run(Run::new().add_text(clean(&e.text)));
    if !e.flag.is_empty() {
        p = p.add_run(
            Run::new()
                .add_text(format!(" ({})", clean(&e.flag)))
                .bold()
                .size(17)
                .color(ALERT),
        );
    }
    if !e.details.is_empty() {
        p = p
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(small(&e.details.join(" · ")));
    }
    for m in &e.merged {
        p = p
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(small(m));
    }
    p
}

fn table(head: &[String], num: &[bool], rows: &[Vec<String>]) -> Table {
    // Number columns get a narrow fixed width; text columns share the rest.
    let n_num = num.iter().filter(|n| **n).count();
    let n_text = num.len() - n_num;
    let num_w = if n_text == 0 {
        TEXT_TWIPS / num.len().max(1)
    } else {
        1_300
    };
    let text_w = (TEXT_TWIPS - num_w * n_num) / n_text.max(1);
    let widths: Vec<usize> = num
        .iter()
        .map(|n| if *n { num_w } else { text_w })
        .collect();
    let cell = |text: &str, k: usize, header: bool| {
        let mut run = Run::new().add_text(clean(text));
        if header {
            run = run.bold();
        }
        // A header row keeps with the first row (Word has no other way to
        // keep a table's header off the foot of a page).
        let mut p = Paragraph::new().add_run(run).keep_next(header);
        if num.get(k).copied().unwrap_or(false) {
            p = p.align(AlignmentType::Right);
        }
        let mut c = TableCell::new()
            .width(widths.get(k).copied().unwrap_or(text_w), WidthType::Dxa)
            .add_paragraph(p);
        if header {
            c = c.shading(Shading::new().fill(TINT));
        }
        c
    };
    let mut all = vec![
        TableRow::new(
            head.iter()
                .enumerate()
                .map(|(k, h)| cell(h, k, true))
                .collect(),
        )
        .cant_split(),
    ];
    all.extend(rows.iter().map(|r| {
        TableRow::new(
            r.iter()
                .enumerate()
                .map(|(k, c)| cell(c, k, false))
                .collect(),
        )
        .cant_split()
    }));
    Table::new(all).set_grid(widths)
}

fn small(text: &str) -> Run {
    Run::new().add_text(clean(text)).size(17).color(GREY)
}

/// Drops characters XML 1.0 cannot hold, which would make Word refuse the
/// whole file.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| (*c as u32) >= 0x20 && *c != '\u{FFFE}' && *c != '\u{FFFF}')
        .collect()
}
