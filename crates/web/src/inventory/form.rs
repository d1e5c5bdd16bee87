//! Reading the inventory's forms. They repeat keys (one `themes` per ticked
//! box), which a struct-shaped form extractor cannot hold, so the body is
//! read as its list of pairs.

use koers_core::inventory::{OfferInput, PartnerInput, ResultInput};

/// A urlencoded form body as its pairs, in order.
#[derive(Debug, Default)]
pub struct Pairs(pub Vec<(String, String)>);

impl Pairs {
    /// Parses a body.
    pub fn parse(body: &[u8]) -> Pairs {
        Pairs(
            form_urlencoded::parse(body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The first value of `key`, or "".
    pub fn one(&self, key: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Every value of `key`.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The activity form.
    pub fn offer(&self) -> OfferInput {
        OfferInput {
            name: self.one("name"),
            description: self.one("description"),
            providers: self.all("providers"),
            actor: self.one("actor"),
            level: self.one("level"),
            age_groups: self.all("age_groups"),
            settings: self.all("settings"),
            form: self.one("form"),
            themes: self.all("themes"),
            factors: self.all("factors"),
            // A ticked result with the statement written beside it.
            results: self
                .all("results")
                .into_iter()
                .map(|r| {
                    let statement = self.one(&format!("statement_{r}"));
                    (r, statement)
                })
                .collect(),
            evidence: self.one("evidence"),
            reach: self.one("reach"),
            cost: self.one("cost"),
            funding: self.one("funding"),
            start: self.one("start"),
            end: self.one("end"),
        }
    }

    /// The partner form.
    pub fn partner(&self) -> PartnerInput {
        PartnerInput {
            name: self.one("name"),
            kind: self.one("kind"),
            contact_name: self.one("contact_name"),
            contact_email: self.one("contact_email"),
            role: self.one("role"),
        }
    }

    /// The result form.
    pub fn result(&self) -> ResultInput {
        ResultInput {
            title: self.one("title"),
            indicator: self.one("indicator"),
            baseline_year: self.one("baseline_year"),
            baseline_value: self.one("baseline_value"),
            target_year: self.one("target_year"),
            target_value: self.one("target_value"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_and_statements_per_result_are_kept() {
        let p = Pairs::parse(
            b"name=A&themes=x&themes=y&results=r1&statement_r1=We+doen+%E2%80%A6&results=r2",
        );
        let o = p.offer();
        assert_eq!(o.themes, ["x", "y"]);
        assert_eq!(
            o.results,
            [
                ("r1".into(), "We doen …".into()),
                ("r2".into(), String::new())
            ]
        );
        assert_eq!(p.one("missing"), "");
    }
}
