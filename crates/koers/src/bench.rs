//! `koers bench` — written next.

use crate::cli::BenchOpts;

pub async fn run(_o: BenchOpts) -> anyhow::Result<()> {
    anyhow::bail!("not yet")
}
