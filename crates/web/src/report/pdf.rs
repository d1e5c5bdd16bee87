//! The report as PDF, typeset by Typst. The layout is a fixed Typst file
//! (`report.typ`) that reads the document as JSON: nothing anyone typed is
//! ever Typst markup, so no text can change the layout or run code. Charts
//! go in as SVG and stay vector graphics. The PDF is tagged, with the
//! document's language and title set, and every chart has its alternative
//! text.

use super::ExportError;
use super::blocks::Doc;
use super::fonts;
use std::collections::HashMap;
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// The layout, written in Typst.
const TEMPLATE: &str = include_str!("report.typ");

/// Fonts and the standard library, parsed once per process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = fonts::faces()
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Shared {
            library: LazyHash::new(<Library as LibraryExt>::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

/// One report's sources: the template and its virtual files.
struct ReportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
}

fn file_id(path: &str) -> Result<FileId, ExportError> {
    let vpath = VirtualPath::new(path).map_err(|e| ExportError::Render(e.to_string()))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // The template never asks; a report's dates come from the session.
        None
    }
}

/// Typesets the document.
pub(crate) fn pdf(doc: &Doc) -> Result<Vec<u8>, ExportError> {
    let mut files = HashMap::new();
    let json = serde_json::to_vec(doc).map_err(|e| ExportError::Render(e.to_string()))?;
    files.insert(file_id("/data.json")?, Bytes::new(json));
    for (n, chart) in doc.charts.iter().enumerate() {
        files.insert(
            file_id(&format!("/chart-{n}.svg"))?,
            Bytes::new(chart.svg.clone().into_bytes()),
        );
    }
    if let Some(logo) = &doc.logo {
        files.insert(file_id("/logo.png")?, Bytes::new(logo.clone()));
    }
    let world = ReportWorld {
        main: Source::new(file_id("/report.typ")?, TEMPLATE.to_string()),
        files,
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| ExportError::Render(messages(&errors)))?;
    let options = typst_pdf::PdfOptions {
        ident: typst::foundations::Smart::Custom(doc.title.clone()),
        creator: typst::foundations::Smart::Custom(Some("Koers".into())),
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| ExportError::Render(messages(&errors)))
}

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}
