//! Reading an uploaded xlsx or csv file into cell texts.
//!
//! xlsx: the zip's directory is checked first (at most [`MAX_UNPACKED`]
//! bytes unpacked in at most [`MAX_ENTRIES`] files; the zip reader refuses
//! an entry longer than it declares, so the bound holds); then each
//! worksheet is streamed cell by cell. Whole numbers lose their ".0",
//! dates become ISO dates, and a cell with a formula becomes "=" and its
//! formula, never its cached value. Rows keep their spreadsheet numbers
//! (`rows[0]` is row 1).
//!
//! csv: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252; the
//! delimiter is the most frequent of `;`, tab and `,` in the header line;
//! quoted fields may span lines. An apostrophe put before a leading `=`,
//! `+`, `-`, `@`, tab or carriage return (as [`super::write_csv`] does, so
//! no spreadsheet runs the text) is removed again.
//!
//! Both stop reading a sheet once it has more than
//! [`MAX_ROWS`] data rows: the plan reports that as one problem.

use super::ReadError;
use calamine::{DataRef, Reader, Xlsx, XlsxError, XlsxFormulaMetadata};
use koers_core::inventory::table::{MAX_COLUMNS, MAX_ROWS, Sheet, Workbook, detect_mapping};
use std::collections::BTreeMap;
use std::io::Cursor;

/// Most bytes an xlsx file may unpack to.
pub const MAX_UNPACKED: u64 = 128 * 1024 * 1024;
/// Most files in an xlsx zip.
pub const MAX_ENTRIES: usize = 2_000;

/// The sheets of an xlsx file.
pub fn read_xlsx(bytes: &[u8]) -> Result<Workbook, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    check_zip(bytes)?;
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| match e {
        XlsxError::Zip(e) => ReadError::NotZip(e.to_string()),
        other => ReadError::NotXlsx(other.to_string()),
    })?;
    let mut sheets = Vec::new();
    for name in xlsx.sheet_names() {
        let mut cells = match xlsx.worksheet_cells_reader(&name) {
            Ok(reader) => reader,
            // A chart sheet holds no cells.
            Err(XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(ReadError::NotXlsx(e.to_string())),
        };
        let mut rows = Rows::new(&name);
        while let Some(cell) = cells
            .next_cell_with_formula_metadata()
            .map_err(|e| ReadError::NotXlsx(e.to_string()))?
        {
            let text = match cell.formula {
                Some(
                    XlsxFormulaMetadata::Normal { formula }
                    | XlsxFormulaMetadata::Shared { formula, .. },
                ) => {
                    format!("={}", formula.trim_start_matches('='))
                }
                // A copy of a shared formula (or another kind): a formula all the same.
                Some(_) => "=".to_owned(),
                None => text_of(&cell.value),
            };
            let (row, col) = cell.pos;
            if !rows.put(row as usize, col as usize, text)? {
                break;
            }
        }
        sheets.push(rows.into_sheet());
    }
    Ok(Workbook { sheets })
}

/// Refuses what is no zip, or would unpack to too much.
fn check_zip(bytes: &[u8]) -> Result<(), ReadError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::NotZip(e.to_string()))?;
    let too_large = ReadError::TooLarge { max: MAX_UNPACKED };
    if zip.len() > MAX_ENTRIES {
        return Err(too_large);
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| ReadError::NotZip(e.to_string()))?;
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED {
        return Err(too_large);
    }
    Ok(())
}

/// A cell's value as text.
fn text_of(value: &DataRef) -> String {
    match value {
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
            if (h, mi, s, ms) == (0, 0, 0, 0) {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        DataRef::DateTime(dt) => number(dt.as_f64()),
        DataRef::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_owned(),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// A number as typed: whole numbers without ".0".
fn number(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A sheet's rows as they are read, stopping past the row limit.
struct Rows {
    name: String,
    rows: BTreeMap<usize, Vec<String>>,
}

impl Rows {
    fn new(name: &str) -> Rows {
        Rows {
            name: name.to_owned(),
            rows: BTreeMap::new(),
        }
    }

    /// Puts a cell; `false` once the sheet has more rows than the plan
    /// accepts (the rest is not read).
    fn put(&mut self, row: usize, col: usize, text: String) -> Result<bool, ReadError> {
        if text.trim().is_empty() {
            return Ok(true);
        }
        if col >= MAX_COLUMNS {
            return Err(ReadError::TooManyColumns {
                sheet: self.name.clone(),
                max: MAX_COLUMNS,
            });
        }
        if !self.rows.contains_key(&row) && self.rows.len() > MAX_ROWS + 1 {
            return Ok(false);
        }
        let cells = self.rows.entry(row).or_default();
        if cells.len() <= col {
            cells.resize(col + 1, String::new());
        }
        cells[col] = text;
        Ok(true)
    }

    fn into_sheet(self) -> Sheet {
        let last = self.rows.keys().next_back().map_or(0, |r| r + 1);
        let mut rows = vec![Vec::new(); last];
        for (i, cells) in self.rows {
            rows[i] = cells;
        }
        Sheet {
            name: self.name,
            rows,
        }
    }
}

/// The one sheet of a csv file, named after what its headers hold
/// ("Activiteiten", "Partners" or "Resultaten").
pub fn read_csv(bytes: &[u8]) -> Result<Workbook, ReadError> {
    let text = decode(bytes);
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    let delimiter = sniff(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Rows::new("");
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ReadError::Csv(e.to_string()))?;
        let mut more = true;
        for (col, field) in record.iter().enumerate() {
            more &= rows.put(i, col, unescape(field).to_owned())?;
        }
        if !more {
            break;
        }
    }
    let mut sheet = rows.into_sheet();
    let headers = sheet.rows.first().cloned().unwrap_or_default();
    let kind = detect_mapping(&headers).kind;
    sheet.name = kind.sheet_name().to_owned();
    Ok(Workbook {
        sheets: vec![sheet],
    })
}

/// A csv field without the apostrophe that kept a spreadsheet from running
/// it: one apostrophe less when apostrophes lead up to `=`, `+`, `-`, `@`,
/// tab or carriage return.
fn unescape(field: &str) -> &str {
    let rest = field.trim_start_matches('\'');
    if rest.len() < field.len() && rest.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        &field[1..]
    } else {
        field
    }
}

/// The delimiter most used in the first line (outside quotes): `;` as
/// Dutch Excel writes, tab, or `,`; `,` when none is.
fn sniff(text: &str) -> u8 {
    let mut counts = [(b';', 0usize), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                if let Some(entry) = counts.iter_mut().find(|(d, _)| char::from(*d) == c) {
                    entry.1 += 1;
                }
            }
            _ => {}
        }
    }
    let best = counts.iter().fold(
        (b',', 0),
        |best, &(d, n)| if n > best.1 { (d, n) } else { best },
    );
    best.0
}

/// The text of a csv file: UTF-8 (a BOM dropped), UTF-16 with a BOM, or
/// else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    let utf16 = |rest: &[u8], le: bool| {
        let units = rest.chunks_exact(2).map(|c| {
            let pair = [c[0], c[1]];
            if le {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => bytes.iter().map(|b| windows_1252(*b)).collect(),
    }
}

/// A Windows-1252 byte as a character (0x80–0x9F differ from Latin-1).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_before_formula_characters_come_off_once() {
        assert_eq!(unescape("'=1+1"), "=1+1");
        assert_eq!(unescape("''=x"), "'=x");
        assert_eq!(unescape("'-5"), "-5");
        assert_eq!(unescape("'hallo"), "'hallo");
        assert_eq!(unescape("'"), "'");
        assert_eq!(unescape("gewoon"), "gewoon");
    }

    #[test]
    fn delimiters_and_encodings_are_recognised() {
        assert_eq!(sniff("a;b;c\n1,5;2;3"), b';');
        assert_eq!(sniff("a,b,c"), b',');
        assert_eq!(sniff("a\tb\tc"), b'\t');
        assert_eq!(sniff("\"a;b\",c"), b',');
        assert_eq!(decode(&[0x43, 0x61, 0x66, 0xE9, 0x20, 0x80]), "Café €");
        assert_eq!(decode("\u{feff}Café".as_bytes()), "Café");
        assert_eq!(decode(&[0xFF, 0xFE, 0x41, 0x00, 0xE9, 0x00]), "Aé");
        assert_eq!(number(1250.0), "1250");
        assert_eq!(number(85.5), "85.5");
    }
}
