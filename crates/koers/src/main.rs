//! `koers`: one binary that runs a whole municipality's Koers.
//!
//! `koers serve` runs the server; `koers demo` seeds a demo workspace and
//! runs the server; `koers bench` measures a running server; `koers
//! bench-export` times the report formats on a big evening; `koers
//! workspace` and `koers user` administer accounts; `koers export` writes a
//! session's report or archive, and `koers import-session` loads an archive;
//! `koers inventory` imports and exports the prevention inventory and `koers
//! bench-inventory` times its matrix and analysis.

mod admin;
mod bench;
mod bench_export;
mod bench_inventory;
mod bench_pages;
mod bench_questionnaire;
mod cli;
mod demo_inventory;
mod demo_questionnaire;
mod demo_register;
mod inventory_cmd;
mod questionnaire_cmd;
mod server;

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = cli::Cli::parse();
    server::init_tracing();
    // A hall full of phones and a screen each hold a connection open.
    let _ = rlimit::increase_nofile_limit(u64::MAX);
    let result = match args.command {
        cli::Command::Serve(o) => server::serve(o, false).await,
        cli::Command::Demo(o) => server::serve(o, true).await,
        cli::Command::Bench(o) => bench::run(o).await,
        cli::Command::BenchExport(o) => bench_export::run(o).await,
        cli::Command::Workspace(c) => admin::workspace(c).await,
        cli::Command::User(c) => admin::user(c).await,
        cli::Command::Export(o) => admin::export(o).await,
        cli::Command::ImportSession(o) => admin::import_session(o).await,
        cli::Command::Inventory(c) => inventory_cmd::run(c).await,
        cli::Command::BenchInventory(o) => bench_inventory::run(o).await,
        cli::Command::BenchQuestionnaire(o) => bench_questionnaire::run(o).await,
        cli::Command::Questionnaire(c) => questionnaire_cmd::run(c).await,
        cli::Command::Openapi => {
            println!("{}", koers_web::openapi_json());
            Ok(())
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("koers: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
