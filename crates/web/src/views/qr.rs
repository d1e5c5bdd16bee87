//! QR codes as inline SVG.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An inline `<svg>` QR code for `url`, with a text alternative. The URL is
/// ours (public URL + code), but it is escaped anyway.
pub fn svg(url: &str, label: &str) -> String {
    let Ok(code) = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M) else {
        return String::new();
    };
    let raw = code
        .render::<svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Inline SVG needs no XML declaration; give it a role and a name.
    let body = raw.split_once("<svg").map(|(_, rest)| rest).unwrap_or("");
    format!(
        "<svg class=\"qr\" role=\"img\" aria-label=\"{}\"{}",
        escape_attr(label),
        body
    )
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_is_inline_svg_with_an_escaped_label() {
        let s = svg("http://127.0.0.1:8080/j/123456", "Scan \"mij\" <nu>");
        assert!(s.starts_with(
            "<svg class=\"qr\" role=\"img\" aria-label=\"Scan &quot;mij&quot; &lt;nu&gt;\""
        ));
        assert!(!s.contains("<?xml"));
        assert!(s.ends_with("</svg>"));
    }
}
