//! Rasterising a chart for formats that cannot hold vector graphics (the Word
//! document): resvg with the report's own fonts, at twice the chart's size
//! so it stays sharp when printed.

use super::charts::Chart;
use super::fonts;
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// Pixels per SVG unit: 192 dpi for a chart laid out at 96.
const SCALE: f32 = 2.0;

/// The font database, built once: parsing the fonts costs milliseconds and
/// a report has many charts.
fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for face in fonts::faces() {
            db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(face)));
        }
        db.set_sans_serif_family(fonts::FAMILIES[0]);
        Arc::new(db)
    })
    .clone()
}

/// The chart as a PNG: `(bytes, width px, height px)`.
pub(crate) fn png(chart: &Chart) -> Result<(Vec<u8>, u32, u32), String> {
    let options = usvg::Options {
        fontdb: fontdb(),
        font_family: fonts::FAMILIES[0].to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&chart.svg, &options).map_err(|e| e.to_string())?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(SCALE)
        .ok_or("empty chart")?;
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("chart too large")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap.encode_png().map_err(|e| e.to_string())?;
    Ok((bytes, size.width(), size.height()))
}
