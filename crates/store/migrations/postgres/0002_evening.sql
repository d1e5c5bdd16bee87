-- The whole evening: quiz reveals, the agreed goal, items on shared lists
-- (ideas, actions, questions, pitch feedback), marks on them (up-votes,
-- "ik doe mee"), per-activity documents (the categorising board, a vote's
-- frozen candidates, the pitch timer) and the board's undo history.

ALTER TABLE activities ADD COLUMN revealed BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN goal TEXT;

-- Nothing here is ever deleted while the session lives: withdrawn, hidden
-- and merged items keep their row and say so in `status`.
CREATE TABLE items (
    id           TEXT PRIMARY KEY NOT NULL,
    session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    activity_id  TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    author_kind  TEXT,
    author_id    TEXT,
    device_id    TEXT,
    text         TEXT NOT NULL,
    detail       TEXT NOT NULL,
    status       TEXT NOT NULL,
    merged_into  TEXT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX items_activity ON items(activity_id, created_at);
CREATE INDEX items_author ON items(session_id, author_id);

CREATE TABLE item_marks (
    item_id         TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    participant_id  TEXT NOT NULL,
    kind            TEXT NOT NULL,
    session_id      TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    org_type        TEXT,
    at              BIGINT NOT NULL,
    PRIMARY KEY (item_id, participant_id, kind)
);
CREATE INDEX item_marks_participant ON item_marks(session_id, participant_id);

CREATE TABLE activity_docs (
    activity_id  TEXT PRIMARY KEY NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    doc          TEXT NOT NULL
);

CREATE TABLE board_history (
    activity_id  TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    version      BIGINT NOT NULL,
    doc          TEXT NOT NULL,
    PRIMARY KEY (activity_id, version)
);
