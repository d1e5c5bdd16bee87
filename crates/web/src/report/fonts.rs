//! The fonts every report format draws with, carried inside the binary so a
//! report looks the same on every installation: DejaVu Sans (Latin, Greek,
//! Cyrillic, Hebrew, Arabic and many symbols) and Noto Emoji (monochrome)
//! for emoji, which DejaVu lacks.

/// The font files, regular first.
pub(crate) fn faces() -> [&'static [u8]; 5] {
    [
        dejavu::sans::regular(),
        dejavu::sans::bold(),
        dejavu::sans::oblique(),
        dejavu::sans::bold_oblique(),
        epaint_default_fonts::NOTO_EMOJI_REGULAR,
    ]
}

/// The family names, in the order a renderer should try them.
pub(crate) const FAMILIES: [&str; 2] = ["DejaVu Sans", "Noto Emoji"];
