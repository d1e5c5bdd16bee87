//! What sheets are made of: cells (texts, counts, decimals, shares, yes/no),
//! tables of them, the formats they are written with, texts cut to fit
//! Excel's cell limit, and valid sheet names.

use crate::i18n::Tr;
use koers_core::lang::Lang;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};
use std::borrow::Cow;

/// Excel's limit on the length of a cell's text, in UTF-16 units.
pub const MAX_CELL: usize = 32_767;
/// Excel's limit on the length of a sheet name, in UTF-16 units.
const MAX_SHEET_NAME: usize = 31;

/// Formats and texts shared by every sheet of one workbook.
#[derive(Debug)]
pub struct Ctx {
    /// The session's language.
    pub t: Tr,
    /// Appended to a text cut at the cell limit.
    pub marker: String,
    /// A sheet's heading.
    pub title: Format,
    /// Labels and captions.
    pub bold: Format,
    /// A table's header row.
    pub header: Format,
    /// Short texts.
    pub text: Format,
    /// Long texts, wrapped.
    pub wrap: Format,
    /// Whole numbers.
    pub int: Format,
    /// Numbers with one decimal.
    pub dec: Format,
    /// Shares as percentages.
    pub pct: Format,
    /// Date and time.
    pub date: Format,
}

impl Ctx {
    /// The formats for a workbook in `lang`.
    pub fn new(lang: Lang) -> Ctx {
        let t = Tr::new(lang);
        // Rows grow with wrapped text; everything sits at the top of its row
        // so a number stays next to the start of its text.
        let top = Format::new().set_align(FormatAlign::Top);
        Ctx {
            marker: format!(" {}", t.t("xlsx-truncated")),
            t,
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_border_bottom(FormatBorder::Thin),
            wrap: top.clone().set_text_wrap(),
            int: top.clone().set_num_format("0"),
            dec: top.clone().set_num_format("0.0"),
            pct: top.clone().set_num_format("0%"),
            date: top.clone().set_num_format(match lang {
                Lang::Nl => "dd-mm-yyyy hh:mm",
                Lang::En => "yyyy-mm-dd hh:mm",
            }),
            text: top,
        }
    }
}

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text (from a person or a label).
    Text(String),
    /// A whole number.
    Int(i64),
    /// A number shown with one decimal.
    Dec(f64),
    /// A share, 0–1, shown as a percentage.
    Pct(f64),
    /// Yes or no (Excel shows it in the reader's language).
    Bool(bool),
    /// Nothing.
    Empty,
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A count.
    pub fn count(n: u64) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// `n` of `of` as a share, or nothing when there is nobody to share.
    pub fn share(n: u64, of: u64) -> Cell {
        if of == 0 {
            Cell::Empty
        } else {
            Cell::Pct(n as f64 / of as f64)
        }
    }

    /// A number the view models formatted for reading ("3,4", "20"),
    /// back as a number; the text itself if it is not one.
    pub fn parsed(s: &str) -> Cell {
        let s = s.trim();
        if s.is_empty() {
            return Cell::Empty;
        }
        // The view models write no thousands separators, and a decimal
        // comma only in Dutch.
        match s.replace(',', ".").parse::<f64>() {
            Ok(x) if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 => Cell::Int(x as i64),
            Ok(x) if x.is_finite() => Cell::Dec(x),
            _ => Cell::text(s),
        }
    }

    /// Like [`Cell::parsed`], but always with one decimal: for a column
    /// of means, where "2,0" next to "1,5" reads better than "2".
    pub fn decimal(s: &str) -> Cell {
        match Cell::parsed(s) {
            Cell::Int(n) => Cell::Dec(n as f64),
            other => other,
        }
    }
}

/// A column of a table.
#[derive(Clone, Debug)]
pub struct Column {
    /// Its heading.
    pub header: String,
    /// Long texts: wrapped in a wide column.
    pub wrap: bool,
}

impl Column {
    /// A column of short values.
    pub fn new(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            wrap: false,
        }
    }

    /// A column of long texts.
    pub fn wrapped(header: impl Into<String>) -> Column {
        Column {
            header: header.into(),
            wrap: true,
        }
    }
}

/// A table: a header row and rows of cells.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, as many cells as columns.
    pub rows: Vec<Vec<Cell>>,
}

pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// The first `units` UTF-16 units of `s` (whole characters) and `marker`.
fn cut(s: &str, units: usize, marker: &str) -> String {
    let budget = units.saturating_sub(utf16_len(marker));
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        used += c.len_utf16();
        if used > budget {
            break;
        }
        end = i + c.len_utf8();
    }
    format!("{}{marker}", s[..end].trim_end())
}

/// `s` as a cell can hold it: at most [`MAX_CELL`] units, cut with
/// `marker` when longer (Excel refuses to open a file with a longer cell).
/// The writer escapes control characters (the XML stays valid) and a
/// literal `_xHHHH_` (it stays literal), so neither is done here.
pub fn cell_text<'s>(s: &'s str, marker: &str) -> Cow<'s, str> {
    if utf16_len(s) <= MAX_CELL {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(cut(s, MAX_CELL, marker))
    }
}

/// A sheet name from `title` behind the number `n` ("04 Hoeveel procent…"):
/// without the characters Excel forbids, at most 31 long, and unlike every
/// name in `taken` (compared as Excel does, ignoring case), which it joins.
pub fn sheet_name(n: usize, title: &str, taken: &mut Vec<String>) -> String {
    let clean: String = title
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = clean.split_whitespace().collect();
    let base = format!("{n:02} {}", words.join(" "));
    let mut k = 1;
    loop {
        let suffix = if k == 1 {
            String::new()
        } else {
            format!(" ({k})")
        };
        let budget = MAX_SHEET_NAME - utf16_len(&suffix);
        let name = if utf16_len(&base) > budget {
            format!("{}…", cut(&base, budget - 1, "").trim_end())
        } else {
            // A name may not end in an apostrophe (it cannot start with one:
            // it starts with the number).
            base.trim_end_matches(|c: char| c == '\'' || c.is_whitespace())
                .to_string()
        };
        let name = format!("{name}{suffix}");
        let key = name.to_lowercase();
        if !taken.contains(&key) {
            taken.push(key);
            return name;
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_are_cut_visibly_at_the_cell_limit() {
        let long = "ä".repeat(40_000);
        let cut = cell_text(&long, " [ingekort]");
        assert_eq!(utf16_len(&cut), MAX_CELL);
        assert!(cut.ends_with("ä [ingekort]"));
        // No space doubled before the marker when the cut falls after one.
        let x = "x".repeat(32_755);
        let spaced = format!("{x} {}", "y".repeat(100));
        let cut = cell_text(&spaced, " [ingekort]");
        assert_eq!(cut, format!("{x} [ingekort]"));
        // Emoji take two units each; none is split.
        let emoji = "👩".repeat(20_000);
        let cut = cell_text(&emoji, "…");
        assert!(utf16_len(&cut) <= MAX_CELL && cut.ends_with("👩…"));
        let short = "=HYPERLINK(\"http://evil.example\")";
        assert_eq!(cell_text(short, "…"), short);
    }

    #[test]
    fn sheet_names_are_short_valid_and_unique() {
        let mut taken = vec!["overzicht".to_string()];
        let a = sheet_name(1, "Wat/is [jouw] idee: *nu*?", &mut taken);
        assert_eq!(a, "01 Wat is jouw idee nu");
        let long = "Hoeveel procent van de jongeren voelt zich gelukkig";
        let b = sheet_name(2, long, &mut taken);
        assert_eq!(utf16_len(&b), 31);
        assert!(b.starts_with("02 Hoeveel") && b.ends_with('…'));
        let c = sheet_name(2, long, &mut taken);
        assert!(c.ends_with("… (2)") && utf16_len(&c) <= 31, "{c}");
        assert_eq!(sheet_name(3, "", &mut taken), "03");
        assert_eq!(sheet_name(4, "Jongeren'", &mut taken), "04 Jongeren");
        let e = sheet_name(5, &"👩‍👩‍👧".repeat(10), &mut taken);
        assert!(utf16_len(&e) <= 31);
    }

    #[test]
    fn formatted_numbers_become_numbers_again() {
        assert_eq!(Cell::parsed("3,4"), Cell::Dec(3.4));
        assert_eq!(Cell::parsed("3.4"), Cell::Dec(3.4));
        assert_eq!(Cell::parsed("20"), Cell::Int(20));
        assert_eq!(Cell::parsed(""), Cell::Empty);
        assert_eq!(Cell::parsed("veel"), Cell::text("veel"));
        assert_eq!(Cell::decimal("2,0"), Cell::Dec(2.0));
        assert_eq!(Cell::share(1, 4), Cell::Pct(0.25));
        assert_eq!(Cell::share(1, 0), Cell::Empty);
    }
}
