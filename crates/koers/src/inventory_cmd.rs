//! `koers inventory import|export`: the prevention inventory from and to a
//! spreadsheet, with the same validation and all-or-nothing rule as the
//! console's import.

use crate::admin::open_store;
use crate::cli::InventoryCmd;
use anyhow::{Context, bail};
use koers_core::ids::UserId;
use koers_core::inventory::table::{Mappings, plan, plan_skipping};
use koers_core::lang::Lang;
use koers_store::{Editor, Store};
use koers_web::inventory::transfer::{
    export_views, plan_writes, problem_rows, read_error, read_file,
};
use koers_web::inventory_io::{write_csv, write_xlsx};

/// Runs an inventory command.
pub async fn run(cmd: InventoryCmd) -> anyhow::Result<()> {
    match cmd {
        InventoryCmd::Import {
            path,
            workspace,
            skip_invalid,
            storage,
        } => {
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let t = koers_web::Tr::new(Lang::Nl);
            let wb = read_file(&name, &bytes)
                .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), read_error(&t, &e)))?;
            let store = open_store(&storage, 2).await?;
            let result = import(&store, &workspace, &name, &wb, skip_invalid).await;
            store.close().await;
            result
        }
        InventoryCmd::Export {
            workspace,
            format,
            out,
            storage,
        } => {
            let store = open_store(&storage, 2).await?;
            let ws = store
                .workspace_by_slug(&workspace)
                .await?
                .with_context(|| format!("no workspace {workspace:?}"))?;
            let inv = store.inventory(ws.id).await?;
            store.close().await;
            let bytes = match format.as_str() {
                "xlsx" => write_xlsx(&inv, &export_views(&koers_web::Tr::new(Lang::Nl), &inv))?,
                _ => write_csv(&inv),
            };
            std::fs::write(&out, bytes)
                .with_context(|| format!("cannot write {}", out.display()))?;
            println!(
                "{} activities, {} partners, {} results written to {}",
                inv.offers.len(),
                inv.partners.len(),
                inv.results.len(),
                out.display()
            );
            Ok(())
        }
    }
}

async fn import(
    store: &Store,
    workspace: &str,
    name: &str,
    wb: &koers_core::inventory::table::Workbook,
    skip_invalid: bool,
) -> anyhow::Result<()> {
    let ws = store
        .workspace_by_slug(workspace)
        .await?
        .with_context(|| format!("no workspace {workspace:?}"))?;
    let inv = store.inventory(ws.id).await?;
    let mappings = Mappings::detect(wb);
    let mut planned = plan(wb, &mappings, &inv);
    let t = koers_web::Tr::new(Lang::Nl);
    for p in problem_rows(&t, &planned) {
        let at = if p.row == 0 {
            "blad".to_string()
        } else {
            format!("regel {}", p.row)
        };
        let value = if p.value.is_empty() {
            String::new()
        } else {
            format!(" ({:?})", p.value)
        };
        println!("{} {at} {}: {}{value}", p.sheet, p.column, p.message);
    }
    if !planned.is_clean() {
        if !skip_invalid || !planned.rows_skippable() {
            bail!(
                "{} problems in {name}; nothing imported{}",
                planned.errors.len(),
                if planned.rows_skippable() {
                    " (--skip-invalid imports the good rows)"
                } else {
                    ""
                }
            );
        }
        let skip = planned.error_rows();
        println!("{} rows with problems skipped", skip.len());
        planned = plan_skipping(wb, &mappings, &inv, &skip);
    }
    let writes = plan_writes(&planned);
    if writes.is_empty() {
        let (_, _, unchanged) = planned.counts();
        if unchanged == 0 {
            bail!("nothing to import in {name}");
        }
        println!("nothing changed: {unchanged} records are already as in {name}");
        return Ok(());
    }
    let by = Editor {
        user: UserId(uuid::Uuid::nil()),
        name: "koers inventory import".into(),
        partner: None,
    };
    let changed = store
        .write_inventory(ws.id, &writes, &by)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    store
        .record_audit(
            ws.id,
            None,
            "inventory_imported",
            name,
            &format!("{changed} records (command line)"),
        )
        .await?;
    let (new, updated, unchanged) = planned.counts();
    println!("imported {name}: {new} new, {updated} changed, {unchanged} unchanged");
    Ok(())
}
