//! Translations. All texts of the interface live in Fluent files
//! (`locales/nl/*.ftl`, `locales/en/*.ftl`), compiled into the binary; Dutch
//! is the default and the fallback.

use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use koers_core::lang::Lang;
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "nl",
        // No Unicode isolation marks around arguments: they would end up in
        // attributes and copied text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Name of the cookie with a person's chosen language.
pub const LANG_COOKIE: &str = "koers_lang";

fn langid(lang: Lang) -> LanguageIdentifier {
    lang.tag()
        .parse()
        .expect("nl and en are valid language identifiers")
}

/// Looks up a text.
pub fn tr(lang: Lang, key: &str) -> String {
    LOCALES.lookup(&langid(lang), key)
}

/// Translations in one language, handed to templates as `t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr {
    /// The language.
    pub lang: Lang,
}

impl Tr {
    /// A translator for `lang`.
    pub fn new(lang: Lang) -> Tr {
        Tr { lang }
    }

    /// The text for `key`.
    pub fn t(&self, key: &str) -> String {
        tr(self.lang, key)
    }

    /// The text for `prefix-key`: a label of a stored key (`inv-level`,
    /// `universal`), so templates need not build key strings.
    pub fn tk(&self, prefix: &str, key: &str) -> String {
        tr(self.lang, &format!("{prefix}-{key}"))
    }

    /// The text for `key` with one argument.
    pub fn t1(&self, key: &str, name: &'static str, value: impl Into<Arg>) -> String {
        self.args(key, &[(name, value.into())])
    }

    /// The text for `key` with two arguments.
    pub fn t2(
        &self,
        key: &str,
        n1: &'static str,
        v1: impl Into<Arg>,
        n2: &'static str,
        v2: impl Into<Arg>,
    ) -> String {
        self.args(key, &[(n1, v1.into()), (n2, v2.into())])
    }

    fn args(&self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Num(n) => FluentValue::from(*n),
                    Arg::Text(s) => FluentValue::from(s.clone()),
                };
                (Cow::Borrowed(*k), value)
            })
            .collect();
        LOCALES.lookup_with_args(&langid(self.lang), key, &map)
    }

    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(&self) -> &'static str {
        self.lang.tag()
    }

    /// The other language, for the language switch.
    pub fn other(&self) -> Lang {
        match self.lang {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }
}

/// An argument to a translated text.
#[derive(Clone, Debug)]
pub enum Arg {
    /// A number (plural rules apply).
    Num(i64),
    /// A text.
    Text(String),
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Num(n)
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Num(n as i64)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Num(n as i64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Num(i64::from(n))
    }
}
impl From<&u32> for Arg {
    fn from(n: &u32) -> Arg {
        Arg::Num(i64::from(*n))
    }
}
impl From<&i64> for Arg {
    fn from(n: &i64) -> Arg {
        Arg::Num(*n)
    }
}
impl From<&u64> for Arg {
    fn from(n: &u64) -> Arg {
        Arg::Num(*n as i64)
    }
}
impl From<&usize> for Arg {
    fn from(n: &usize) -> Arg {
        Arg::Num(*n as i64)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

/// What a request says about language: an explicit choice (cookie) and the
/// browser's preference.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LangPref {
    /// Chosen with the language switch.
    pub chosen: Option<Lang>,
    /// From `Accept-Language`.
    pub browser: Option<Lang>,
}

impl LangPref {
    /// The language for staff pages: chosen, else the browser's, else Dutch.
    pub fn ui(&self) -> Lang {
        self.chosen.or(self.browser).unwrap_or_default()
    }

    /// The language for a participant in a session: chosen, else the session's.
    pub fn for_session(&self, session_lang: Lang) -> Lang {
        self.chosen.unwrap_or(session_lang)
    }
}

/// Reads the most preferred supported language from `Accept-Language`.
pub fn parse_accept_language(value: &str) -> Option<Lang> {
    let mut entries: Vec<(f32, Lang)> = value
        .split(',')
        .filter_map(|part| {
            let mut it = part.trim().split(';');
            let lang = Lang::parse(it.next()?)?;
            let q = it
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            Some((q, lang))
        })
        .collect();
    entries.sort_by(|a, b| b.0.total_cmp(&a.0));
    entries.first().map(|e| e.1)
}

/// Middleware: puts the request's [`LangPref`] in its extensions.
pub async fn layer(mut req: Request, next: Next) -> Response {
    let chosen = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == LANG_COOKIE)
        .and_then(|(_, v)| Lang::parse(v));
    let browser = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_accept_language);
    req.extensions_mut().insert(LangPref { chosen, browser });
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_and_english_texts_exist_and_differ() {
        let nl = tr(Lang::Nl, "join-title");
        let en = tr(Lang::En, "join-title");
        assert!(!nl.is_empty() && !en.is_empty());
        assert_ne!(nl, en);
    }

    #[test]
    fn plurals_follow_the_language_rules() {
        let t = Tr::new(Lang::Nl);
        assert_ne!(
            t.t1("count-participants", "count", 1i64),
            t.t1("count-participants", "count", 2i64)
        );
        assert!(t.t1("count-participants", "count", 2i64).contains('2'));
    }

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(
            parse_accept_language("de-DE,en;q=0.8,nl;q=0.9"),
            Some(Lang::Nl)
        );
        assert_eq!(parse_accept_language("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(parse_accept_language("fr"), None);
    }

    #[test]
    fn every_key_in_dutch_exists_in_english_and_vice_versa() {
        let keys = |src: &str| -> Vec<String> {
            src.lines()
                .filter(|l| !l.starts_with([' ', '#', '.', '*', '[']) && l.contains(" ="))
                .map(|l| l.split(" =").next().unwrap_or_default().trim().to_string())
                .collect()
        };
        // Every file of one language, then the other.
        let files = [
            (
                include_str!("../locales/nl/main.ftl"),
                include_str!("../locales/en/main.ftl"),
            ),
            (
                include_str!("../locales/nl/import.ftl"),
                include_str!("../locales/en/import.ftl"),
            ),
            (
                include_str!("../locales/nl/logo.ftl"),
                include_str!("../locales/en/logo.ftl"),
            ),
            (
                include_str!("../locales/nl/inventory.ftl"),
                include_str!("../locales/en/inventory.ftl"),
            ),
            (
                include_str!("../locales/nl/register.ftl"),
                include_str!("../locales/en/register.ftl"),
            ),
            (
                include_str!("../locales/nl/respond.ftl"),
                include_str!("../locales/en/respond.ftl"),
            ),
            (
                include_str!("../locales/nl/questionnaires.ftl"),
                include_str!("../locales/en/questionnaires.ftl"),
            ),
            (
                include_str!("../locales/nl/questionnaire-export.ftl"),
                include_str!("../locales/en/questionnaire-export.ftl"),
            ),
        ];
        for (nl, en) in files {
            let (nl, en) = (keys(nl), keys(en));
            let missing_en: Vec<_> = nl.iter().filter(|k| !en.contains(k)).collect();
            let missing_nl: Vec<_> = en.iter().filter(|k| !nl.contains(k)).collect();
            assert!(missing_en.is_empty(), "missing in en: {missing_en:?}");
            assert!(missing_nl.is_empty(), "missing in nl: {missing_nl:?}");
        }
    }
}
