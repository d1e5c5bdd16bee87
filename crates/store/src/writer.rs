//! The SQLite writer: one connection that carries out session commands in
//! groups. SQLite allows one writer at a time; funnelling commands through a
//! single task avoids lock waits, and committing a group in one transaction
//! costs one fsync for many answers. Each command runs in its own savepoint,
//! so one refused command does not affect the others in its group. Replies
//! are sent only after the group committed: an acknowledged answer is on disk.

use crate::Dialect;
use crate::commands::{Command, Executed, apply};
use crate::error::{ExecError, StoreError};
use koers_core::event::Actor;
use koers_core::ids::SessionId;
use sqlx::any::AnyConnectOptions;
use sqlx::{AnyConnection, Connection};
use tokio::sync::{Mutex, mpsc, oneshot};
use tokio::task::JoinHandle;

type Reply = oneshot::Sender<Result<Executed, ExecError>>;

struct Job {
    session: SessionId,
    actor: Actor,
    cmd: Command,
    reply: Reply,
}

enum Msg {
    Job(Job),
    Shutdown,
}

/// Handle to the writer task.
#[derive(Debug)]
pub(crate) struct WriterHandle {
    tx: mpsc::Sender<Msg>,
    task: Mutex<Option<JoinHandle<()>>>,
}

/// Starts the writer on its own connection.
pub(crate) async fn spawn(
    connect: AnyConnectOptions,
    dialect: Dialect,
    max_batch: usize,
) -> Result<WriterHandle, StoreError> {
    let conn = AnyConnection::connect_with(&connect).await?;
    let (tx, rx) = mpsc::channel(max_batch.max(1) * 8);
    let task = tokio::spawn(run(conn, connect, dialect, max_batch.max(1), rx));
    Ok(WriterHandle {
        tx,
        task: Mutex::new(Some(task)),
    })
}

impl WriterHandle {
    /// Queues a command and waits until its group committed.
    pub(crate) async fn execute(
        &self,
        session: SessionId,
        actor: Actor,
        cmd: Command,
    ) -> Result<Executed, ExecError> {
        let (reply, rx) = oneshot::channel();
        self.tx
            .send(Msg::Job(Job {
                session,
                actor,
                cmd,
                reply,
            }))
            .await
            .map_err(|_| StoreError::WriterGone)?;
        rx.await.map_err(|_| StoreError::WriterGone)?
    }

    /// Lets the writer finish what is queued, then stops it.
    pub(crate) async fn shutdown(&self) {
        let _ = self.tx.send(Msg::Shutdown).await;
        if let Some(task) = self.task.lock().await.take() {
            let _ = task.await;
        }
    }
}

async fn run(
    conn: AnyConnection,
    connect: AnyConnectOptions,
    dialect: Dialect,
    max_batch: usize,
    mut rx: mpsc::Receiver<Msg>,
) {
    let mut conn = Some(conn);
    let mut stopping = false;
    while !stopping {
        let Some(first) = rx.recv().await else { break };
        let mut batch = Vec::new();
        match first {
            Msg::Job(j) => batch.push(j),
            Msg::Shutdown => stopping = true,
        }
        while batch.len() < max_batch {
            match rx.try_recv() {
                Ok(Msg::Job(j)) => batch.push(j),
                Ok(Msg::Shutdown) => stopping = true,
                Err(_) => break,
            }
        }
        if batch.is_empty() {
            continue;
        }
        if conn.is_none() {
            conn = AnyConnection::connect_with(&connect).await.ok();
        }
        let Some(c) = conn.as_mut() else {
            fail_all(batch, || StoreError::WriterGone);
            continue;
        };
        if let Err(e) = run_batch(c, dialect, batch).await {
            tracing::error!(error = %e, "writer transaction failed; reconnecting");
            conn = None;
        }
    }
}

async fn run_batch(
    conn: &mut AnyConnection,
    dialect: Dialect,
    batch: Vec<Job>,
) -> Result<(), sqlx::Error> {
    let mut tx = match conn.begin_with(dialect.begin_write()).await {
        Ok(tx) => tx,
        Err(e) => {
            let msg = e.to_string();
            fail_all(batch, || {
                StoreError::Config(format!("could not begin a transaction: {msg}"))
            });
            return Err(e);
        }
    };
    let mut done: Vec<(Reply, Result<Executed, ExecError>)> = Vec::with_capacity(batch.len());
    for job in batch {
        let result = match tx.begin().await {
            Ok(mut savepoint) => {
                match apply(&mut savepoint, dialect, job.session, job.actor, job.cmd).await {
                    Ok(executed) => savepoint
                        .commit()
                        .await
                        .map(|_| executed)
                        .map_err(ExecError::from),
                    Err(e) => {
                        let _ = savepoint.rollback().await;
                        Err(e)
                    }
                }
            }
            Err(e) => Err(e.into()),
        };
        done.push((job.reply, result));
    }
    match tx.commit().await {
        Ok(()) => {
            for (reply, result) in done {
                let _ = reply.send(result);
            }
            Ok(())
        }
        Err(e) => {
            let msg = e.to_string();
            for (reply, _) in done {
                let _ = reply.send(Err(
                    StoreError::Config(format!("commit failed: {msg}")).into()
                ));
            }
            Err(e)
        }
    }
}

fn fail_all(batch: Vec<Job>, err: impl Fn() -> StoreError) {
    for job in batch {
        let _ = job.reply.send(Err(err().into()));
    }
}
