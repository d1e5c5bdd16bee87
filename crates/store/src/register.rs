//! The stakeholder register's storage: contact persons, groups and their
//! members, and the conversation log ([`koers_core::register`]).
//!
//! Every write checks, inside its transaction, that what it refers to is in
//! the same workspace (a partner, a group, a contact), so a form posted with
//! another workspace's ids changes nothing. Erasing a contact person (a
//! data-protection request) removes it everywhere in one transaction and
//! leaves an audit entry that names no one.

use crate::Store;
use crate::error::{ExecError, StoreError};
use crate::util::{now_ms, parse_json, to_json};
use koers_core::DomainError;
use koers_core::ids::{ContactId, ConversationId, GroupId, PartnerId, UserId, WorkspaceId};
use koers_core::inventory::lists::fold;
use koers_core::register::{Contact, Conversation, Group, MAX_GROUP_MEMBERS};
use sqlx::{Any, Connection, Row, Transaction};

/// A workspace's whole register, as its pages show it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Register {
    /// Contact persons, by name.
    pub contacts: Vec<Contact>,
    /// Groups: the core group first, then by name.
    pub groups: Vec<Group>,
    /// Memberships (group, contact).
    pub members: Vec<(GroupId, ContactId)>,
    /// Conversations, newest first.
    pub conversations: Vec<Conversation>,
}

impl Register {
    /// A contact by id.
    pub fn contact(&self, id: ContactId) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// A group by id.
    pub fn group(&self, id: GroupId) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// A group's members, by name.
    pub fn members_of(&self, group: GroupId) -> Vec<&Contact> {
        self.contacts
            .iter()
            .filter(|c| self.members.contains(&(group, c.id)))
            .collect()
    }

    /// The groups a contact is in.
    pub fn groups_of(&self, contact: ContactId) -> Vec<&Group> {
        self.groups
            .iter()
            .filter(|g| self.members.contains(&(g.id, contact)))
            .collect()
    }

    /// The conversations a contact took part in, newest first.
    pub fn conversations_with(&self, contact: ContactId) -> Vec<&Conversation> {
        self.conversations
            .iter()
            .filter(|c| c.contacts.contains(&contact))
            .collect()
    }

    /// An organisation's contact persons.
    pub fn contacts_of(&self, partner: PartnerId) -> Vec<&Contact> {
        self.contacts
            .iter()
            .filter(|c| c.partner == Some(partner))
            .collect()
    }
}

/// What erasing a contact person removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Erased {
    /// Group memberships removed.
    pub memberships: u64,
    /// Conversations it was taken out of (the conversations stay).
    pub conversations: u64,
}

impl Store {
    /// A workspace's register.
    pub async fn register(&self, workspace: WorkspaceId) -> Result<Register, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_read()).await?;
        let ws = workspace.to_string();
        let mut reg = Register::default();
        for r in sqlx::query(
            "SELECT data FROM register_contacts WHERE workspace_id = $1 ORDER BY name_key, id",
        )
        .bind(&ws)
        .fetch_all(&mut *tx)
        .await?
        {
            reg.contacts
                .push(parse_json(&r.try_get::<String, _>("data")?)?);
        }
        for r in sqlx::query(
            "SELECT data FROM register_groups WHERE workspace_id = $1 ORDER BY name_key",
        )
        .bind(&ws)
        .fetch_all(&mut *tx)
        .await?
        {
            reg.groups
                .push(parse_json(&r.try_get::<String, _>("data")?)?);
        }
        // The core group leads; the sort is stable, so the rest stay by name.
        reg.groups.sort_by_key(|g| !g.core);
        for r in
            sqlx::query("SELECT group_id, contact_id FROM register_members WHERE workspace_id = $1")
                .bind(&ws)
                .fetch_all(&mut *tx)
                .await?
        {
            reg.members.push((
                crate::util::parse_id(&r.try_get::<String, _>("group_id")?)?,
                crate::util::parse_id(&r.try_get::<String, _>("contact_id")?)?,
            ));
        }
        for r in sqlx::query(
            "SELECT data FROM register_conversations WHERE workspace_id = $1 \
             ORDER BY held_on DESC, id DESC",
        )
        .bind(&ws)
        .fetch_all(&mut *tx)
        .await?
        {
            reg.conversations
                .push(parse_json(&r.try_get::<String, _>("data")?)?);
        }
        tx.commit().await?;
        Ok(reg)
    }

    /// Creates or replaces a contact person. Its organisation must be a
    /// partner of the workspace ([`DomainError::NotFound`] otherwise).
    pub async fn save_contact(&self, workspace: WorkspaceId, c: &Contact) -> Result<(), ExecError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        if let Some(p) = c.partner
            && !partner_exists(&mut tx, workspace, p).await?
        {
            return Err(DomainError::NotFound.into());
        }
        let ws = workspace.to_string();
        let id = c.id.to_string();
        sqlx::query("DELETE FROM register_contacts WHERE workspace_id = $1 AND id = $2")
            .bind(&ws)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO register_contacts (id, workspace_id, partner_id, name_key, data, \
             updated_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&id)
        .bind(&ws)
        .bind(c.partner.map(|p| p.to_string()))
        .bind(fold(&c.name))
        .bind(to_json(c)?)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Creates or replaces a group; a name another group has is refused
    /// ([`StoreError::Duplicate`]).
    pub async fn save_group(&self, workspace: WorkspaceId, g: &Group) -> Result<(), ExecError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let ws = workspace.to_string();
        let id = g.id.to_string();
        let key = fold(&g.name);
        let taken = sqlx::query(
            "SELECT id FROM register_groups WHERE workspace_id = $1 AND name_key = $2 AND id <> $3",
        )
        .bind(&ws)
        .bind(&key)
        .bind(&id)
        .fetch_optional(&mut *tx)
        .await?;
        if taken.is_some() {
            return Err(StoreError::Duplicate("group name").into());
        }
        sqlx::query("DELETE FROM register_groups WHERE workspace_id = $1 AND id = $2")
            .bind(&ws)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO register_groups (id, workspace_id, name_key, data, updated_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&id)
        .bind(&ws)
        .bind(&key)
        .bind(to_json(g)?)
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .map_err(|e| {
            if StoreError::is_unique_violation(&e) {
                StoreError::Duplicate("group name")
            } else {
                e.into()
            }
        })?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes a group and its memberships (the people stay). `false`: no
    /// such group in the workspace.
    pub async fn delete_group(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
    ) -> Result<bool, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let ws = workspace.to_string();
        let gone = sqlx::query("DELETE FROM register_groups WHERE workspace_id = $1 AND id = $2")
            .bind(&ws)
            .bind(group.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("DELETE FROM register_members WHERE workspace_id = $1 AND group_id = $2")
            .bind(&ws)
            .bind(group.to_string())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(gone == 1)
    }

    /// Puts contact persons in a group or takes them out; adding one already
    /// in, or removing one not in, changes nothing. Every contact and the
    /// group must be the workspace's ([`DomainError::NotFound`]); a group
    /// is at most [`MAX_GROUP_MEMBERS`] strong ([`DomainError::TooManyItems`]).
    /// Returns how many memberships changed.
    pub async fn set_members(
        &self,
        workspace: WorkspaceId,
        group: GroupId,
        contacts: &[ContactId],
        member: bool,
    ) -> Result<u64, ExecError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let ws = workspace.to_string();
        let g = group.to_string();
        let found =
            sqlx::query("SELECT id FROM register_groups WHERE workspace_id = $1 AND id = $2")
                .bind(&ws)
                .bind(&g)
                .fetch_optional(&mut *tx)
                .await?;
        if found.is_none() {
            return Err(DomainError::NotFound.into());
        }
        let mut changed = 0;
        for c in contacts {
            if !contact_exists(&mut tx, workspace, *c).await? {
                return Err(DomainError::NotFound.into());
            }
            let done = if member {
                let sql = match self.dialect() {
                    crate::Dialect::Sqlite => {
                        "INSERT OR IGNORE INTO register_members \
                         (workspace_id, group_id, contact_id, added_at) VALUES ($1, $2, $3, $4)"
                    }
                    crate::Dialect::Postgres => {
                        "INSERT INTO register_members \
                         (workspace_id, group_id, contact_id, added_at) VALUES ($1, $2, $3, $4) \
                         ON CONFLICT DO NOTHING"
                    }
                };
                sqlx::query(sql)
                    .bind(&ws)
                    .bind(&g)
                    .bind(c.to_string())
                    .bind(now_ms())
                    .execute(&mut *tx)
                    .await?
            } else {
                sqlx::query(
                    "DELETE FROM register_members WHERE workspace_id = $1 AND group_id = $2 \
                     AND contact_id = $3",
                )
                .bind(&ws)
                .bind(&g)
                .bind(c.to_string())
                .execute(&mut *tx)
                .await?
            };
            changed += done.rows_affected();
        }
        let size: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM register_members WHERE workspace_id = $1 AND group_id = $2",
        )
        .bind(&ws)
        .bind(&g)
        .fetch_one(&mut *tx)
        .await?
        .try_get("n")?;
        if size as usize > MAX_GROUP_MEMBERS {
            return Err(DomainError::TooManyItems {
                max: MAX_GROUP_MEMBERS as u32,
            }
            .into());
        }
        tx.commit().await?;
        Ok(changed)
    }

    /// Creates or replaces a conversation. Its organisation and people must
    /// be the workspace's ([`DomainError::NotFound`]), checked in the same
    /// transaction as the write, so a person erased meanwhile is not put back.
    pub async fn save_conversation(
        &self,
        workspace: WorkspaceId,
        c: &Conversation,
        by: UserId,
    ) -> Result<(), ExecError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        if let Some(p) = c.partner
            && !partner_exists(&mut tx, workspace, p).await?
        {
            return Err(DomainError::NotFound.into());
        }
        for person in &c.contacts {
            if !contact_exists(&mut tx, workspace, *person).await? {
                return Err(DomainError::NotFound.into());
            }
        }
        write_conversation(&mut tx, workspace, c, Some(by)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deletes a conversation. `false`: no such conversation.
    pub async fn delete_conversation(
        &self,
        workspace: WorkspaceId,
        id: ConversationId,
    ) -> Result<bool, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let gone = delete_conversation_rows(&mut tx, workspace, id).await?;
        tx.commit().await?;
        Ok(gone)
    }

    /// Erases a contact person on request: its record, its group
    /// memberships and its place in conversations (which stay, without it),
    /// in one transaction, with an audit entry that keeps only the counts.
    /// `None`: no such contact in the workspace.
    pub async fn erase_contact(
        &self,
        workspace: WorkspaceId,
        contact: ContactId,
        by: UserId,
    ) -> Result<Option<Erased>, StoreError> {
        let mut conn = self.pool().acquire().await?;
        let mut tx = conn.begin_with(self.dialect().begin_write()).await?;
        let ws = workspace.to_string();
        let id = contact.to_string();
        let gone = sqlx::query("DELETE FROM register_contacts WHERE workspace_id = $1 AND id = $2")
            .bind(&ws)
            .bind(&id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone != 1 {
            return Ok(None);
        }
        let memberships =
            sqlx::query("DELETE FROM register_members WHERE workspace_id = $1 AND contact_id = $2")
                .bind(&ws)
                .bind(&id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        let rows = sqlx::query(
            "SELECT c.data FROM register_conversations c JOIN register_conversation_people p \
             ON p.workspace_id = c.workspace_id AND p.conversation_id = c.id \
             WHERE c.workspace_id = $1 AND p.contact_id = $2",
        )
        .bind(&ws)
        .bind(&id)
        .fetch_all(&mut *tx)
        .await?;
        let mut conversations = 0;
        for r in rows {
            let mut conv: Conversation = parse_json(&r.try_get::<String, _>("data")?)?;
            conv.contacts.retain(|c| *c != contact);
            write_conversation(&mut tx, workspace, &conv, None).await?;
            conversations += 1;
        }
        let detail = format!("{memberships} memberships, {conversations} conversations");
        sqlx::query(
            "INSERT INTO audit_log (id, workspace_id, at, user_id, action, subject, detail) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(&ws)
        .bind(now_ms())
        .bind(by.to_string())
        .bind("contact_erased")
        .bind(&id)
        .bind(&detail)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(Erased {
            memberships,
            conversations,
        }))
    }
}

async fn partner_exists(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
    partner: PartnerId,
) -> Result<bool, StoreError> {
    Ok(sqlx::query(
        "SELECT id FROM inventory_records WHERE workspace_id = $1 AND id = $2 AND kind = 'partner'",
    )
    .bind(workspace.to_string())
    .bind(partner.to_string())
    .fetch_optional(&mut **tx)
    .await?
    .is_some())
}

async fn contact_exists(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
    contact: ContactId,
) -> Result<bool, StoreError> {
    Ok(
        sqlx::query("SELECT id FROM register_contacts WHERE workspace_id = $1 AND id = $2")
            .bind(workspace.to_string())
            .bind(contact.to_string())
            .fetch_optional(&mut **tx)
            .await?
            .is_some(),
    )
}

async fn delete_conversation_rows(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
    id: ConversationId,
) -> Result<bool, StoreError> {
    let ws = workspace.to_string();
    let gone =
        sqlx::query("DELETE FROM register_conversations WHERE workspace_id = $1 AND id = $2")
            .bind(&ws)
            .bind(id.to_string())
            .execute(&mut **tx)
            .await?
            .rows_affected();
    sqlx::query(
        "DELETE FROM register_conversation_people WHERE workspace_id = $1 AND conversation_id = $2",
    )
    .bind(&ws)
    .bind(id.to_string())
    .execute(&mut **tx)
    .await?;
    Ok(gone == 1)
}

async fn write_conversation(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
    c: &Conversation,
    by: Option<UserId>,
) -> Result<(), StoreError> {
    delete_conversation_rows(tx, workspace, c.id).await?;
    let ws = workspace.to_string();
    let id = c.id.to_string();
    sqlx::query(
        "INSERT INTO register_conversations (id, workspace_id, held_on, data, updated_at, \
         updated_by) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(&ws)
    .bind(c.date.to_string())
    .bind(to_json(c)?)
    .bind(now_ms())
    .bind(by.map(|u| u.to_string()))
    .execute(&mut **tx)
    .await?;
    for person in &c.contacts {
        sqlx::query(
            "INSERT INTO register_conversation_people (workspace_id, conversation_id, contact_id) \
             VALUES ($1, $2, $3)",
        )
        .bind(&ws)
        .bind(&id)
        .bind(person.to_string())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// When a partner is deleted its contact persons and conversations stay,
/// without an organisation (called in the deleting transaction).
pub(crate) async fn forget_partner(
    tx: &mut Transaction<'_, Any>,
    workspace: WorkspaceId,
    partner: &str,
) -> Result<(), StoreError> {
    let ws = workspace.to_string();
    let contacts = sqlx::query(
        "SELECT data FROM register_contacts WHERE workspace_id = $1 AND partner_id = $2",
    )
    .bind(&ws)
    .bind(partner)
    .fetch_all(&mut **tx)
    .await?;
    for r in contacts {
        let mut c: Contact = parse_json(&r.try_get::<String, _>("data")?)?;
        c.partner = None;
        sqlx::query(
            "UPDATE register_contacts SET partner_id = NULL, data = $1 \
             WHERE workspace_id = $2 AND id = $3",
        )
        .bind(to_json(&c)?)
        .bind(&ws)
        .bind(c.id.to_string())
        .execute(&mut **tx)
        .await?;
    }
    let rows = sqlx::query("SELECT data FROM register_conversations WHERE workspace_id = $1")
        .bind(&ws)
        .fetch_all(&mut **tx)
        .await?;
    for r in rows {
        let mut conv: Conversation = parse_json(&r.try_get::<String, _>("data")?)?;
        if conv.partner.map(|p| p.to_string()).as_deref() == Some(partner) {
            conv.partner = None;
            sqlx::query(
                "UPDATE register_conversations SET data = $1 WHERE workspace_id = $2 AND id = $3",
            )
            .bind(to_json(&conv)?)
            .bind(&ws)
            .bind(conv.id.to_string())
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}
