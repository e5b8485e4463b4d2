// The SQLite schema of the embedded store, and its version (checked at start-up).

/**
 * 2 added private_notes and votes (sealed input); 3 added a CRC-32 to each snapshot and update (null on rows
 * written before); 4 added participants.device_hash and blocked_devices. An older server refuses a newer file
 * rather than ignore what it does not know.
 */
export const SCHEMA_VERSION = 4;

/** Columns added after a table was first created, added in place when an older file is opened. */
export const ADDED_COLUMNS: { table: string; column: string; definition: string }[] = [
  { table: 'snapshots', column: 'checksum', definition: 'INTEGER' },
  { table: 'updates', column: 'checksum', definition: 'INTEGER' },
  { table: 'participants', column: 'device_hash', definition: 'TEXT' },
];

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  board_id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  facilitator_token_hash TEXT NOT NULL,
  join_code TEXT NOT NULL,
  observer_code TEXT NOT NULL,
  is_archived INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS participants (
  participant_id TEXT NOT NULL,
  board_id TEXT NOT NULL REFERENCES boards(board_id),
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  is_removed INTEGER NOT NULL DEFAULT 0,
  device_hash TEXT,
  PRIMARY KEY (board_id, participant_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS participants_token ON participants(board_id, token_hash);
CREATE TABLE IF NOT EXISTS snapshots (
  board_id TEXT PRIMARY KEY REFERENCES boards(board_id),
  doc BLOB NOT NULL,
  up_to_seq INTEGER NOT NULL,
  checksum INTEGER
);
CREATE TABLE IF NOT EXISTS updates (
  board_id TEXT NOT NULL REFERENCES boards(board_id),
  seq INTEGER NOT NULL,
  update_data BLOB NOT NULL,
  checksum INTEGER,
  PRIMARY KEY (board_id, seq)
);
CREATE TABLE IF NOT EXISTS private_notes (
  board_id TEXT NOT NULL REFERENCES boards(board_id),
  note_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  area_id TEXT NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, note_id)
);
CREATE TABLE IF NOT EXISTS votes (
  board_id TEXT NOT NULL REFERENCES boards(board_id),
  participant_id TEXT NOT NULL,
  note_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (board_id, participant_id, note_id)
);
CREATE TABLE IF NOT EXISTS blocked_devices (
  board_id TEXT NOT NULL REFERENCES boards(board_id),
  device_hash TEXT NOT NULL,
  blocked_at INTEGER NOT NULL,
  PRIMARY KEY (board_id, device_hash)
);
`;
