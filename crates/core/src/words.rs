//! Word normalisation for word clouds: "Café", "cafe" and "CAFÉ!" count as one word.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The key a word is counted under: accents removed, lower case, punctuation
/// trimmed from both ends, inner white space folded.
pub fn normalize_word(word: &str) -> String {
    let folded: String = word
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    let trimmed = folded.trim_matches(|c: char| !c.is_alphanumeric());
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_and_outer_punctuation_are_ignored() {
        assert_eq!(normalize_word("Café"), "cafe");
        assert_eq!(normalize_word("CAFÉ!"), "cafe");
        assert_eq!(normalize_word("  ‘Ouders’ "), "ouders");
        assert_eq!(normalize_word("coöperatie"), "cooperatie");
        assert_eq!(normalize_word("samen   werken"), "samen werken");
    }

    #[test]
    fn pure_punctuation_normalises_to_nothing() {
        assert_eq!(normalize_word("!!!"), "");
    }
}
