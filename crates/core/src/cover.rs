//! The facts on a report's cover that the session itself does not know: the
//! day, the place and who led it, and the municipality's logo.

use crate::error::DomainError;
use crate::text::clean_line;

/// Longest place or facilitator name, in characters.
pub const MAX_COVER_LINE: usize = 120;

/// Largest logo, in KiB: a cover logo needs no more, and it travels in every
/// report and archive.
pub const MAX_LOGO_KIB: u32 = 512;

/// Largest logo width and height, in pixels: 6 cm at 300 dpi is 709, and a
/// bigger image would only cost memory each time a report is rendered.
pub const MAX_LOGO_PX: u32 = 2000;

/// The cover facts of a session, cleaned.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Cover {
    /// The day it was held, `YYYY-MM-DD`.
    pub held_on: Option<String>,
    /// Where it was held; may be empty.
    pub place: String,
    /// Who led it; may be empty.
    pub facilitator: String,
}

impl Cover {
    /// Cleans what a facilitator typed. An empty date or text means "not
    /// given"; a date must be a real calendar date written `YYYY-MM-DD`.
    pub fn clean(held_on: &str, place: &str, facilitator: &str) -> Result<Cover, DomainError> {
        let held_on = held_on.trim();
        let held_on = if held_on.is_empty() {
            None
        } else {
            // The strict length check keeps "2026-1-5" and times out: the
            // cover prints the date as given.
            let date: jiff::civil::Date = held_on.parse().map_err(|_| DomainError::BadDate)?;
            if held_on.len() != 10 {
                return Err(DomainError::BadDate);
            }
            Some(date.to_string())
        };
        Ok(Cover {
            held_on,
            place: optional_line(place)?,
            facilitator: optional_line(facilitator)?,
        })
    }
}

fn optional_line(text: &str) -> Result<String, DomainError> {
    match clean_line(text, MAX_COVER_LINE) {
        Err(DomainError::Empty) => Ok(String::new()),
        other => other,
    }
}

/// Checks that `bytes` is a PNG image of at most [`MAX_LOGO_KIB`] and
/// [`MAX_LOGO_PX`] each way, and returns its size in pixels, read from the
/// image header. (The store also decodes the whole image before keeping it.)
pub fn check_logo(bytes: &[u8]) -> Result<(u32, u32), DomainError> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    let bad = DomainError::BadLogo {
        max_kib: MAX_LOGO_KIB,
    };
    if bytes.len() > MAX_LOGO_KIB as usize * 1024 || bytes.len() < 24 {
        return Err(bad);
    }
    // The first chunk of every PNG is IHDR: width and height, big-endian.
    if !bytes.starts_with(SIGNATURE) || &bytes[12..16] != b"IHDR" {
        return Err(bad);
    }
    let w = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    let h = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
    if w == 0 || h == 0 || w > MAX_LOGO_PX || h > MAX_LOGO_PX {
        return Err(bad);
    }
    Ok((w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_and_written_in_full() {
        let c = Cover::clean(" 2026-11-19 ", "  Raadzaal\n", "").expect("valid");
        assert_eq!(c.held_on.as_deref(), Some("2026-11-19"));
        assert_eq!(c.place, "Raadzaal");
        assert_eq!(c.facilitator, "");
        for bad in [
            "2026-02-30",
            "19-11-2026",
            "2026-1-5",
            "morgen",
            "2026-11-19T20:00",
        ] {
            assert_eq!(
                Cover::clean(bad, "", ""),
                Err(DomainError::BadDate),
                "{bad}"
            );
        }
        assert_eq!(Cover::clean("", "", "").expect("empty").held_on, None);
        let long = "x".repeat(MAX_COVER_LINE + 1);
        assert!(matches!(
            Cover::clean("", &long, ""),
            Err(DomainError::TooLong { .. })
        ));
    }

    #[test]
    fn logos_must_be_small_pngs() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&300u32.to_be_bytes());
        png.extend_from_slice(&80u32.to_be_bytes());
        png.extend_from_slice(&[8, 6, 0, 0, 0]);
        assert_eq!(check_logo(&png), Ok((300, 80)));
        assert!(check_logo(b"GIF89a........................").is_err());
        assert!(check_logo(&png[..20]).is_err());
        let mut huge = png.clone();
        huge.resize(MAX_LOGO_KIB as usize * 1024 + 1, 0);
        assert!(check_logo(&huge).is_err());
        let mut zero = png.clone();
        zero[16..20].copy_from_slice(&0u32.to_be_bytes());
        assert!(check_logo(&zero).is_err());
        let mut wide = png.clone();
        wide[16..20].copy_from_slice(&(MAX_LOGO_PX + 1).to_be_bytes());
        assert!(check_logo(&wide).is_err());
    }
}
