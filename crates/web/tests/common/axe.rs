//! axe-core, the accessibility rules engine, run in the tests' browsers:
//! WCAG 2.1 A and AA.

#![allow(dead_code, clippy::unwrap_used)]

use super::browser::js;
use fantoccini::Client;
use serde_json::{Value, json};

/// The axe-core script that `scripts/test` installs.
pub fn axe_source() -> String {
    let path = std::env::var("KOERS_AXE_JS").unwrap_or_else(|_| {
        format!(
            "{}/../../target/tools/node_modules/axe-core/axe.min.js",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("axe-core not found at {path}: run the tests with scripts/test, which installs it (npm install axe-core)")
    })
}

/// Runs axe on the current page; returns the violations as readable lines.
pub async fn violations(c: &Client, axe: &str, page: &str) -> Vec<String> {
    if js(c, "typeof window.axe").await != json!("object") {
        c.execute(&format!("{axe}\n;return true;"), vec![])
            .await
            .unwrap();
    }
    let result = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                .then(r => done(r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3) }))))
                .catch(e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));",
            vec![],
        )
        .await
        .unwrap();
    result
        .as_array()
        .unwrap()
        .iter()
        .map(|v: &Value| format!("{page}: {} ({}) at {}", v["id"], v["help"], v["nodes"]))
        .collect()
}
