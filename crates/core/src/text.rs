//! Cleaning of free text typed by people: trimmed, whitespace folded, no control
//! characters, and a maximum length counted in characters (not bytes).

use crate::error::DomainError;

/// Cleans a one-line text: trims, folds runs of white space (including
/// newlines) into one space and rejects control characters.
/// Returns [`DomainError::Empty`] for an empty result and
/// [`DomainError::TooLong`] when it has more than `max_chars` characters.
pub fn clean_line(input: &str, max_chars: usize) -> Result<String, DomainError> {
    let mut out = String::with_capacity(input.len().min(max_chars * 4));
    let mut pending_space = false;
    for ch in input.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if is_forbidden(ch) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(ch);
    }
    check_len(out, max_chars)
}

/// Cleans a text that may span lines: trims, normalises line endings, keeps
/// at most one empty line in a row and drops control characters.
pub fn clean_multiline(input: &str, max_chars: usize) -> Result<String, DomainError> {
    let normalised = input.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<String> = Vec::new();
    for raw in normalised.split('\n') {
        let line: String = raw
            .chars()
            .filter(|c| !is_forbidden(*c) && *c != '\t')
            .collect();
        let line = line.trim_end().to_string();
        if line.is_empty() && lines.last().is_some_and(|l| l.is_empty()) {
            continue;
        }
        lines.push(line);
    }
    let joined = lines.join("\n");
    check_len(joined.trim().to_string(), max_chars)
}

/// Like [`clean_line`], but an empty input is `Ok(None)`.
pub fn clean_optional_line(input: &str, max_chars: usize) -> Result<Option<String>, DomainError> {
    match clean_line(input, max_chars) {
        Ok(s) => Ok(Some(s)),
        Err(DomainError::Empty) => Ok(None),
        Err(e) => Err(e),
    }
}

fn is_forbidden(ch: char) -> bool {
    // Control characters and the bidi overrides that can disguise text;
    // ordinary right-to-left text stays.
    ch.is_control() || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn check_len(s: String, max_chars: usize) -> Result<String, DomainError> {
    if s.is_empty() {
        return Err(DomainError::Empty);
    }
    let n = s.chars().count();
    if n > max_chars {
        return Err(DomainError::TooLong { max: max_chars });
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_whitespace_and_trims() {
        assert_eq!(clean_line("  Meer \n\t sport  ", 50).unwrap(), "Meer sport");
    }

    #[test]
    fn empty_and_blank_are_rejected() {
        assert_eq!(clean_line("   \n ", 10), Err(DomainError::Empty));
        assert_eq!(clean_optional_line("  ", 10), Ok(None));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(clean_line("ëëëëë", 5).is_ok());
        assert_eq!(
            clean_line("ëëëëëë", 5),
            Err(DomainError::TooLong { max: 5 })
        );
    }

    #[test]
    fn control_and_bidi_override_characters_are_dropped() {
        assert_eq!(clean_line("a\u{0007}b\u{202E}c", 10).unwrap(), "abc");
        assert_eq!(clean_line("שלום", 10).unwrap(), "שלום");
    }

    #[test]
    fn multiline_keeps_paragraphs_but_not_runs_of_blank_lines() {
        let out = clean_multiline("Eén\r\n\r\n\r\nTwee  \n", 100).unwrap();
        assert_eq!(out, "Eén\n\nTwee");
    }
}
