//! Command-line arguments. Every option of `serve` can also be set by an
//! environment variable (`KOERS_…`).

use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Koers: a municipality and its chain partners make youth policy together.
/// Live sessions with phones, table tablets and a projector screen.
#[derive(Debug, Parser)]
#[command(name = "koers", version)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server.
    Serve(ServeOpts),
    /// Seed a demo workspace (facilitator account with a fresh password, a
    /// session from the partner-evening template), print its URLs, and serve.
    Demo(ServeOpts),
    /// Measure a running server: N participants join and answer a poll over
    /// the live channel while a screen watches.
    Bench(BenchOpts),
    /// Time every report format on one big generated evening (in a
    /// temporary SQLite database).
    BenchExport(BenchExportOpts),
    /// Manage workspaces (a municipality, or a region sharing an installation).
    #[command(subcommand)]
    Workspace(WorkspaceCmd),
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCmd),
    /// Print the OpenAPI document of the JSON API.
    Openapi,
    /// Write a session's report: PDF, Word, an Excel workbook or Markdown,
    /// or the raw input of every activity as CSV files (a folder, or a zip
    /// when PATH ends in `.zip`); or its archive (JSON), which
    /// `import-session` loads into any Koers installation.
    Export(ExportOpts),
    /// Load a session archive (from `export --format json`) as a new
    /// session of a workspace, with a new join code and new links; prints
    /// the new session's id and join code.
    ImportSession(ImportOpts),
    /// The prevention inventory: import a spreadsheet, export one.
    #[command(subcommand)]
    Inventory(InventoryCmd),
    /// Time the matrix and the analysis page on a generated inventory (in a
    /// temporary SQLite database).
    BenchInventory(BenchInventoryOpts),
    /// Time questionnaire submissions and the results page (in a temporary
    /// SQLite database).
    BenchQuestionnaire(BenchQuestionnaireOpts),
    /// Questionnaires: list a workspace's, export one's responses.
    #[command(subcommand)]
    Questionnaire(QuestionnaireCmd),
}

/// Questionnaire commands.
#[derive(Debug, Subcommand)]
pub enum QuestionnaireCmd {
    /// List a workspace's questionnaires, newest first, one per line: slug,
    /// id, title, responses submitted/total, and open or closed.
    List {
        /// The workspace's slug.
        #[arg(long)]
        workspace: String,
        /// Storage.
        #[command(flatten)]
        storage: StorageOpts,
    },
    /// Export a questionnaire's responses, one row each (numbered, without
    /// ids): `xlsx` (the responses and a sheet of the questions) or `csv`.
    /// Contact details are never in it, only whether someone said yes.
    Export {
        /// The workspace's slug.
        #[arg(long)]
        workspace: String,
        /// The questionnaire: its slug or its id.
        #[arg(long)]
        questionnaire: String,
        /// `xlsx` or `csv`.
        #[arg(long, value_parser = ["xlsx", "csv"])]
        format: String,
        /// Where to write.
        #[arg(long)]
        out: PathBuf,
        /// The language of headers and labels (`nl` or `en`); texts without
        /// English are in Dutch.
        #[arg(long, default_value = "nl", value_parser = ["nl", "en"])]
        lang: String,
        /// Storage.
        #[command(flatten)]
        storage: StorageOpts,
    },
}

/// Inventory commands.
#[derive(Debug, Subcommand)]
pub enum InventoryCmd {
    /// Import partners, results and activities from an xlsx or csv file.
    /// Prints the validation report; imports nothing (and exits non-zero)
    /// when any row has a problem, unless `--skip-invalid` says to import
    /// the good rows and skip the listed ones.
    Import {
        /// The file (`.xlsx` or `.csv`).
        path: PathBuf,
        /// The workspace's slug.
        #[arg(long)]
        workspace: String,
        /// Import the rows without problems and skip the rows with problems
        /// (which are listed).
        #[arg(long)]
        skip_invalid: bool,
        /// Storage.
        #[command(flatten)]
        storage: StorageOpts,
    },
    /// Export the inventory: `xlsx` (raw data, lists and a sheet per matrix
    /// view) or `csv` (the activities).
    Export {
        /// The workspace's slug.
        #[arg(long)]
        workspace: String,
        /// `xlsx` or `csv`.
        #[arg(long, value_parser = ["xlsx", "csv"])]
        format: String,
        /// Where to write.
        #[arg(long)]
        out: PathBuf,
        /// Storage.
        #[command(flatten)]
        storage: StorageOpts,
    },
}

/// Options of `bench-inventory`.
#[derive(Debug, Clone, Args)]
pub struct BenchInventoryOpts {
    /// Activities in the generated inventory.
    #[arg(long, default_value_t = 5000)]
    pub activities: usize,
    /// Partners.
    #[arg(long, default_value_t = 150)]
    pub partners: usize,
    /// Times each page is rendered.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
}

/// Options of `bench-questionnaire`.
#[derive(Debug, Clone, Args)]
pub struct BenchQuestionnaireOpts {
    /// Complete responses submitted one by one through the store.
    #[arg(long, default_value_t = 5000)]
    pub submits: usize,
    /// Concurrent submitting tasks.
    #[arg(long, default_value_t = 16)]
    pub concurrency: usize,
    /// Responses in all for the results page (topped up in bulk).
    #[arg(long, default_value_t = 100_000)]
    pub responses: usize,
    /// Times the results page is rendered.
    #[arg(long, default_value_t = 5)]
    pub runs: usize,
}

/// Options of `import-session`.
#[derive(Debug, Args)]
pub struct ImportOpts {
    /// The archive: a JSON file written by `koers export --format json`.
    pub path: PathBuf,
    /// The workspace's slug; the session becomes one of its sessions.
    #[arg(long)]
    pub workspace: String,
    /// Storage.
    #[command(flatten)]
    pub storage: StorageOpts,
}

/// Options of `export`.
#[derive(Debug, Args)]
pub struct ExportOpts {
    /// Storage.
    #[command(flatten)]
    pub storage: StorageOpts,
    /// The session: its join code (active sessions) or its id.
    #[arg(long)]
    pub session: String,
    /// `pdf`, `docx`, `xlsx`, `md` (one file), `csv` (a file per activity)
    /// or `json` (the session's complete archive, one file).
    #[arg(long, value_parser = ["pdf", "docx", "xlsx", "md", "csv", "json"])]
    pub format: String,
    /// Where to write: a file; for `csv` a folder, or a `.zip` file.
    #[arg(long)]
    pub out: PathBuf,
}

/// Where the data lives.
#[derive(Debug, Clone, Args)]
pub struct StorageOpts {
    /// Data directory (SQLite database, secret key).
    #[arg(long, env = "KOERS_DATA", default_value = "./koers-data")]
    pub data: PathBuf,
    /// Database URL: `sqlite://PATH` or `postgres://USER@HOST/DB`.
    /// Default: `koers.db` in the data directory.
    #[arg(long, env = "KOERS_DATABASE")]
    pub database: Option<String>,
}

impl StorageOpts {
    /// The database URL to use.
    pub fn database_url(&self) -> String {
        self.database.clone().unwrap_or_else(|| {
            format!("sqlite://{}?mode=rwc", self.data.join("koers.db").display())
        })
    }
}

/// Options of `serve` and `demo`.
#[derive(Debug, Clone, Args)]
pub struct ServeOpts {
    /// Address to listen on.
    #[arg(long, env = "KOERS_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Storage.
    #[command(flatten)]
    pub storage: StorageOpts,
    /// The URL people use to reach Koers (for links and QR codes), e.g.
    /// `https://koers.gemeente.nl`. Default: http:// and the listen address.
    #[arg(long, env = "KOERS_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Take client addresses from X-Forwarded-For (only behind your own proxy).
    #[arg(long, env = "KOERS_TRUST_FORWARDED_FOR", default_value_t = false)]
    pub trust_forwarded_for: bool,
    /// Contact for /.well-known/security.txt (`mailto:…` or `https://…`).
    #[arg(long, env = "KOERS_SECURITY_CONTACT")]
    pub security_contact: Option<String>,
    /// A CSS file loaded after Koers' own: the municipality's NL Design
    /// System theme (design tokens as CSS custom properties).
    #[arg(long, env = "KOERS_THEME_CSS")]
    pub theme_css: Option<PathBuf>,
    /// Maximum database connections.
    #[arg(long, env = "KOERS_DB_CONNECTIONS", default_value_t = 8)]
    pub db_connections: u32,
}

/// Options of `bench`.
#[derive(Debug, Clone, Args)]
pub struct BenchOpts {
    /// The running server, e.g. http://127.0.0.1:8080.
    #[arg(long)]
    pub url: String,
    /// A facilitator's e-mail address.
    #[arg(long)]
    pub email: String,
    /// Its password.
    #[arg(long, env = "KOERS_BENCH_PASSWORD")]
    pub password: String,
    /// Number of simulated participants.
    #[arg(long, default_value_t = 1000)]
    pub participants: usize,
    /// Most requests in flight at once while joining.
    #[arg(long, default_value_t = 64)]
    pub concurrency: usize,
    /// Share of answers sent twice with the same client id (a retry), 0–1.
    #[arg(long, default_value_t = 0.1)]
    pub retry_share: f64,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 300)]
    pub timeout: u64,
}

/// Options of `bench-export`.
#[derive(Debug, Clone, Args)]
pub struct BenchExportOpts {
    /// Participants who join and vote.
    #[arg(long, default_value_t = 500)]
    pub participants: usize,
    /// Ideas on the wall.
    #[arg(long, default_value_t = 2000)]
    pub ideas: usize,
    /// Times each format is exported.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
    /// Keep one file of each format in this folder (`bench.pdf`, …), to look
    /// at the pages.
    #[arg(long)]
    pub keep: Option<std::path::PathBuf>,
}

/// Workspace commands.
#[derive(Debug, Subcommand)]
pub enum WorkspaceCmd {
    /// Create a workspace.
    Create {
        /// Short name used in URLs and commands (`landsmeer`).
        #[arg(long)]
        slug: String,
        /// Display name ("Gemeente Landsmeer").
        #[arg(long)]
        name: String,
        /// Storage.
        #[command(flatten)]
        storage: StorageOpts,
    },
    /// List workspaces.
    List {
        /// Storage.
        #[command(flatten)]
        storage: StorageOpts,
    },
    /// Set (or clear) the logo on the workspace's report covers.
    Logo {
        /// The workspace's slug.
        #[arg(long)]
        slug: String,
        /// A PNG image of at most 512 KiB.
        #[arg(long, required_unless_present = "clear")]
        file: Option<PathBuf>,
        /// Remove the logo.
        #[arg(long, conflicts_with = "file")]
        clear: bool,
        /// Storage.
        #[command(flatten)]
        storage: StorageOpts,
    },
}

/// User commands.
#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Create a staff account; prints a generated password.
    Create {
        /// The workspace's slug.
        #[arg(long)]
        workspace: String,
        /// E-mail address (the login name).
        #[arg(long)]
        email: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// `facilitator` or `admin`.
        #[arg(long, default_value = "facilitator")]
        role: String,
        /// Storage.
        #[command(flatten)]
        storage: StorageOpts,
    },
    /// Set a new generated password for an account; prints it.
    ResetPassword {
        /// E-mail address.
        #[arg(long)]
        email: String,
        /// Storage.
        #[command(flatten)]
        storage: StorageOpts,
    },
}
