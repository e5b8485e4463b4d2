// The PostgreSQL schema as ordered migrations; the store applies the missing ones at start-up, in one transaction each.

/** Migration n (1-based) brings the schema to version n. Append only: never edit one that has shipped. */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE boards (
    board_id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    template_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    facilitator_token_hash TEXT NOT NULL,
    join_code TEXT NOT NULL,
    observer_code TEXT NOT NULL,
    is_archived BOOLEAN NOT NULL DEFAULT FALSE,
    -- The fencing epoch of the server that holds the board; doc writes carrying an older one are refused.
    current_epoch BIGINT NOT NULL DEFAULT 0
  );
  CREATE TABLE participants (
    participant_id TEXT NOT NULL,
    board_id TEXT NOT NULL REFERENCES boards(board_id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    joined_at BIGINT NOT NULL,
    is_removed BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (board_id, participant_id)
  );
  CREATE UNIQUE INDEX participants_token ON participants(board_id, token_hash);
  CREATE TABLE snapshots (
    board_id TEXT PRIMARY KEY REFERENCES boards(board_id),
    doc BYTEA NOT NULL,
    up_to_seq BIGINT NOT NULL
  );
  CREATE TABLE updates (
    board_id TEXT NOT NULL REFERENCES boards(board_id),
    seq BIGINT NOT NULL,
    update_data BYTEA NOT NULL,
    PRIMARY KEY (board_id, seq)
  );
  CREATE TABLE private_notes (
    board_id TEXT NOT NULL REFERENCES boards(board_id),
    note_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    area_id TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (board_id, note_id)
  );
  CREATE TABLE votes (
    board_id TEXT NOT NULL REFERENCES boards(board_id),
    participant_id TEXT NOT NULL,
    note_id TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (board_id, participant_id, note_id)
  );
  `,
  // 2: the device a participant joined from, and the devices a facilitator blocked from a board.
  `
  ALTER TABLE participants ADD COLUMN IF NOT EXISTS device_hash TEXT;
  CREATE TABLE IF NOT EXISTS blocked_devices (
    board_id TEXT NOT NULL REFERENCES boards(board_id),
    device_hash TEXT NOT NULL,
    blocked_at BIGINT NOT NULL,
    PRIMARY KEY (board_id, device_hash)
  );
  `,
  // 3: a CRC-32 with each snapshot and update, checked on load (NULL on rows written before, which are accepted).
  `
  ALTER TABLE snapshots ADD COLUMN IF NOT EXISTS checksum BIGINT;
  ALTER TABLE updates ADD COLUMN IF NOT EXISTS checksum BIGINT;
  `,
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;
