//! The shared state of the web layer.

use crate::config::WebConfig;
use crate::error::AppError;
use crate::live::Hub;
use crate::security::limiter::FailureLimiter;
use koers_core::event::Actor;
use koers_core::ids::SessionId;
use koers_store::{Command, Executed, Store};
use std::sync::Arc;
use std::time::Duration;

/// Everything handlers share. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    store: Store,
    config: WebConfig,
    hub: Hub,
    join_failures: FailureLimiter,
    login_failures: FailureLimiter,
    analyses: crate::inventory::analysis_cache::Analyses,
}

impl AppState {
    /// State over an opened store.
    pub fn new(store: Store, config: WebConfig) -> AppState {
        let hub = Hub::new(store.clone(), config.clone());
        AppState {
            inner: Arc::new(Inner {
                store,
                config,
                hub,
                // A venue of hundreds behind one address may mistype now and
                // then; a guesser needs tens of thousands of tries.
                join_failures: FailureLimiter::new(100, Duration::from_secs(600)),
                login_failures: FailureLimiter::new(20, Duration::from_secs(600)),
                analyses: Default::default(),
            }),
        }
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The configuration.
    pub fn config(&self) -> &WebConfig {
        &self.inner.config
    }

    /// The live hub.
    pub fn hub(&self) -> &Hub {
        &self.inner.hub
    }

    /// Failed join-code attempts per address.
    pub fn join_failures(&self) -> &FailureLimiter {
        &self.inner.join_failures
    }

    /// Failed logins per address.
    pub fn login_failures(&self) -> &FailureLimiter {
        &self.inner.login_failures
    }

    /// The inventory analyses computed last, per workspace and year.
    pub(crate) fn analyses(&self) -> &crate::inventory::analysis_cache::Analyses {
        &self.inner.analyses
    }

    /// With several app nodes on PostgreSQL: listens for changes committed
    /// by any node and refreshes this node's live views. Does nothing on SQLite.
    pub async fn start_change_feed(&self) -> Result<(), koers_store::StoreError> {
        let Some(mut feed) = self.store().change_feed().await? else {
            return Ok(());
        };
        let hub = self.hub().clone();
        tokio::spawn(async move {
            loop {
                match feed.next().await {
                    Ok(koers_store::Change::Session(id)) => hub.changed(id),
                    Ok(koers_store::Change::Gap) => hub.changed_all(),
                    Err(e) => {
                        // The listener reconnects on the next call; meanwhile
                        // refresh everything so nothing stays stale.
                        tracing::warn!(error = %e, "change feed interrupted");
                        hub.changed_all();
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(())
    }

    /// Carries out a command and, once it is committed, tells the live
    /// views of the session that something changed.
    pub async fn exec(
        &self,
        session: SessionId,
        actor: Actor,
        cmd: Command,
    ) -> Result<Executed, AppError> {
        let done = self.store().execute(session, actor, cmd).await?;
        if !done.events.is_empty() {
            match actor {
                // The room waits for what the facilitator does.
                Actor::User(_) => self.hub().changed_now(session),
                _ => self.hub().changed(session),
            }
        }
        Ok(done)
    }
}
