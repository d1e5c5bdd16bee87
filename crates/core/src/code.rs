//! Join codes: the six digits a participant types to join a session.

use rand::Rng;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A six-digit join code, stored and compared without spaces.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JoinCode(String);

impl JoinCode {
    /// Number of digits in a code.
    pub const LEN: usize = 6;

    /// Parses what a person typed: spaces, dots and dashes are ignored
    /// (`"123 456"`, `"123-456"`), anything else must be exactly six digits.
    pub fn parse(input: &str) -> Option<JoinCode> {
        let digits: String = input
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}'))
            .collect();
        (digits.len() == Self::LEN && digits.chars().all(|c| c.is_ascii_digit()))
            .then_some(JoinCode(digits))
    }

    /// A random code. Codes never start with 0, so they survive spreadsheets
    /// and read well aloud.
    pub fn random(rng: &mut impl Rng) -> JoinCode {
        JoinCode(rng.random_range(100_000..=999_999u32).to_string())
    }

    /// The code as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as shown on a screen: `123 456`.
    pub fn spaced(&self) -> String {
        format!("{} {}", &self.0[..3], &self.0[3..])
    }
}

impl fmt::Display for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for JoinCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JoinCode({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_variants_parse_to_the_same_code() {
        for input in ["123456", "123 456", " 123-456 ", "123.456"] {
            assert_eq!(
                JoinCode::parse(input).unwrap().as_str(),
                "123456",
                "{input}"
            );
        }
    }

    #[test]
    fn wrong_codes_are_rejected() {
        for input in ["12345", "1234567", "12345a", "", "١٢٣٤٥٦"] {
            assert!(JoinCode::parse(input).is_none(), "{input}");
        }
    }

    #[test]
    fn random_codes_are_six_digits_without_leading_zero() {
        let mut rng = rand::rng();
        for _ in 0..1000 {
            let c = JoinCode::random(&mut rng);
            assert_eq!(c.as_str().len(), 6);
            assert!(!c.as_str().starts_with('0'));
            assert_eq!(JoinCode::parse(c.as_str()), Some(c.clone()));
        }
        assert_eq!(JoinCode::parse("123456").unwrap().spaced(), "123 456");
    }
}
