//! Organisation types a participant may say it comes from. The list is per
//! session; these are the keys of the default list.

use crate::error::DomainError;
use crate::text::clean_line;
use serde::{Deserialize, Serialize};

/// Keys of the default organisation types (labels come from the translations).
pub const DEFAULT_ORG_TYPES: [&str; 8] = [
    "school", "ggd", "cjg", "sport", "huisarts", "jeugd", "gemeente", "overig",
];

/// Maximum length of an organisation type's label.
pub const MAX_LABEL: usize = 60;

/// One organisation type on a session's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrgType {
    /// Stable key, stored with participants (`school`, `ggd`, …, or a slug).
    pub key: String,
    /// The label shown to participants, in the session's language.
    pub label: String,
}

impl OrgType {
    /// A validated organisation type; the key is made from the label when empty.
    pub fn new(key: &str, label: &str) -> Result<OrgType, DomainError> {
        let label = clean_line(label, MAX_LABEL)?;
        let key = if key.trim().is_empty() {
            slug(&label)
        } else {
            slug(key)
        };
        if key.is_empty() {
            return Err(DomainError::Empty);
        }
        Ok(OrgType { key, label })
    }
}

/// Checks that `key` is on the list; `None` (not given) is always fine.
pub fn check_org_type(list: &[OrgType], key: Option<&str>) -> Result<Option<String>, DomainError> {
    match key.map(str::trim).filter(|k| !k.is_empty()) {
        None => Ok(None),
        Some(k) if list.iter().any(|o| o.key == k) => Ok(Some(k.to_string())),
        Some(_) => Err(DomainError::UnknownOrgType),
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars().flat_map(char::to_lowercase) {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_slugs_of_the_label_when_not_given() {
        let o = OrgType::new("", "Welzijn & Buurt").unwrap();
        assert_eq!(o.key, "welzijn-buurt");
        assert_eq!(o.label, "Welzijn & Buurt");
    }

    #[test]
    fn only_listed_types_are_accepted() {
        let list = vec![OrgType::new("school", "Onderwijs").unwrap()];
        assert_eq!(
            check_org_type(&list, Some("school")),
            Ok(Some("school".into()))
        );
        assert_eq!(check_org_type(&list, None), Ok(None));
        assert_eq!(check_org_type(&list, Some(" ")), Ok(None));
        assert_eq!(
            check_org_type(&list, Some("ggd")),
            Err(DomainError::UnknownOrgType)
        );
    }
}
