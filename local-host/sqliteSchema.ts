// Tables of the SQLite store: the same records as the cloud collections, keyed hashes only.
/** Bumped when tables change shape: an older local file is emptied (it holds only sandbox records). */
export const SCHEMA_VERSION = 3;
export const OLD_TABLES = ['consents', 'verifications', 'attempts', 'quota', 'claims', 'limits', 'counters', 'stats', 'meta'];
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS consents (
  trace_id TEXT PRIMARY KEY, kind TEXT NOT NULL, consent_id TEXT NOT NULL, caller TEXT NOT NULL, triple TEXT NOT NULL,
  agreement_version TEXT NOT NULL, accepted_at INTEGER NOT NULL, at INTEGER NOT NULL, withdrawn_at INTEGER);
CREATE INDEX IF NOT EXISTS consents_id ON consents (consent_id);
CREATE INDEX IF NOT EXISTS consents_caller ON consents (caller, at);
CREATE INDEX IF NOT EXISTS consents_at ON consents (at);
CREATE TABLE IF NOT EXISTS verifications (
  trace_id TEXT PRIMARY KEY, caller TEXT NOT NULL, outcome TEXT NOT NULL, at INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS verifications_caller ON verifications (caller, outcome, at);
CREATE INDEX IF NOT EXISTS verifications_at ON verifications (at);
CREATE TABLE IF NOT EXISTS claims (id TEXT PRIMARY KEY, caller TEXT NOT NULL, json TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS claims_caller ON claims (caller);
CREATE TABLE IF NOT EXISTS limits (caller TEXT PRIMARY KEY, json TEXT NOT NULL, until INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS counters (id TEXT PRIMARY KEY, count INTEGER NOT NULL, until INTEGER);
CREATE TABLE IF NOT EXISTS stats (day TEXT PRIMARY KEY, json TEXT NOT NULL, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;
