-- Undo records of the categorising board. Each holds only what one step
-- changed (the categories as they were, if the step changed them, and the
-- earlier place of each idea it moved), where board_history held a whole
-- board per step: that grew with ideas times steps. Rows still in
-- board_history are converted when the store opens (store/src/upgrade.rs);
-- the table stays, empty, until a later migration drops it.

CREATE TABLE board_undo (
    activity_id  TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    version      BIGINT NOT NULL,
    undo         TEXT NOT NULL,
    PRIMARY KEY (activity_id, version)
);
