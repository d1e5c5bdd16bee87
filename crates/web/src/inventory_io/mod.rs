//! The inventory's spreadsheet files: xlsx and csv read into the pure
//! [`Workbook`] that `koers_core::inventory::table` maps and plans, and the
//! inventory written out as xlsx (one sheet per matrix view, the raw data,
//! the lists) and csv (the activities). Reading is defensive, as uploads
//! are hostile until proven otherwise: a broken or non-xlsx file is a
//! [`ReadError`], the unpacked size of an xlsx is bounded before anything
//! is unpacked, reading stops past the row limit, and a cell holding a
//! formula is read as its formula (so the plan refuses it) rather than as
//! the value it last computed.
//!
//! [`Workbook`]: koers_core::inventory::table::Workbook

mod read;
mod write;

pub use read::{MAX_ENTRIES, MAX_UNPACKED, read_csv, read_xlsx};
pub use write::{MatrixSheet, write_csv, write_matrix_sheet, write_xlsx};

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file holds nothing.
    #[error("the file is empty")]
    Empty,
    /// Not a zip archive, or a damaged one.
    #[error("the file is not an xlsx workbook (not a readable zip archive): {0}")]
    NotZip(String),
    /// A zip archive, but not a workbook calamine can read.
    #[error("the file is not a readable xlsx workbook: {0}")]
    NotXlsx(String),
    /// It would unpack to more than [`MAX_UNPACKED`] bytes or holds more than
    /// [`MAX_ENTRIES`] files.
    #[error("the workbook unpacks to more than {max} bytes or {MAX_ENTRIES} files; refused")]
    TooLarge {
        /// The limit in bytes.
        max: u64,
    },
    /// A sheet has a value beyond the last column read.
    #[error("sheet {sheet:?} has values beyond column {max}")]
    TooManyColumns {
        /// The sheet.
        sheet: String,
        /// The most columns read.
        max: usize,
    },
    /// The csv could not be parsed.
    #[error("the csv file could not be read: {0}")]
    Csv(String),
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The xlsx writer failed.
    #[error("the xlsx file could not be written: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}
