// Store adapter for `npm start` and tests: a better-sqlite3 file that keeps its data across restarts.
// Never imported by the cloud entry, so it stays out of the deployed index.js.
//
// Concurrency: better-sqlite3 runs each statement synchronously, and every multi-step operation
// below runs in one `BEGIN IMMEDIATE` transaction, so limit checks and counts are atomic within a
// process and across processes sharing the file (busy_timeout makes the others wait).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AttemptPlan, ReserveResult, Store } from '../cloudfunctions/mobileCheck/src/store/types';

export interface SqliteStore extends Store {
  /** Every stored row of every table, for inspection in tests. */
  dump(): Record<string, unknown[]>;
  close(): void;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS consents (
  trace_id TEXT NOT NULL, caller TEXT NOT NULL, agreement_version TEXT NOT NULL,
  person_hash TEXT NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS consents_at ON consents (at);
CREATE TABLE IF NOT EXISTS verifications (
  trace_id TEXT NOT NULL, caller TEXT NOT NULL, triple_hash TEXT NOT NULL, mobile_hash TEXT NOT NULL,
  outcome TEXT NOT NULL, final INTEGER NOT NULL, carrier TEXT NOT NULL, billing TEXT NOT NULL,
  vendor_trace_id TEXT NOT NULL, latency_ms INTEGER NOT NULL, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS verifications_reuse ON verifications (caller, triple_hash, at);
CREATE INDEX IF NOT EXISTS verifications_at ON verifications (at);
-- One row per reserved vendor call: kind 'caller' keyed by caller hash + Beijing day, kind 'mobile'
-- keyed by mobile hash; a row limits until \`until\`.
CREATE TABLE IF NOT EXISTS attempts (
  reservation_id TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, at INTEGER NOT NULL, until INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS attempts_key ON attempts (kind, key, until);
CREATE INDEX IF NOT EXISTS attempts_reservation ON attempts (reservation_id);
CREATE TABLE IF NOT EXISTS quota (id INTEGER PRIMARY KEY CHECK (id = 1), billed INTEGER NOT NULL, warned_for INTEGER NOT NULL);
`;

export function openSqliteStore(filePath: string): SqliteStore {
  if (filePath !== ':memory:') mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const insertConsent = db.prepare(
    'INSERT INTO consents (trace_id, caller, agreement_version, person_hash, at) VALUES (@traceId, @caller, @agreementVersion, @personHash, @at)');
  const insertVerification = db.prepare(`INSERT INTO verifications
    (trace_id, caller, triple_hash, mobile_hash, outcome, final, carrier, billing, vendor_trace_id, latency_ms, at)
    VALUES (@traceId, @caller, @tripleHash, @mobileHash, @outcome, @final, @carrier, @billing, @vendorTraceId, @latencyMs, @at)`);
  const reusable = db.prepare(`SELECT outcome, carrier, trace_id AS traceId, at FROM verifications
    WHERE caller = ? AND triple_hash = ? AND final = 1 AND at >= ? ORDER BY at DESC LIMIT 1`);
  const liveAttempts = db.prepare('SELECT COUNT(*) AS n, MIN(until) AS soonest FROM attempts WHERE kind = ? AND key = ? AND until > ?');
  const insertAttempt = db.prepare('INSERT INTO attempts (reservation_id, kind, key, at, until) VALUES (?, ?, ?, ?, ?)');
  const deleteAttempts = db.prepare('DELETE FROM attempts WHERE reservation_id = ?');
  const addBilled = db.prepare(
    'INSERT INTO quota (id, billed, warned_for) VALUES (1, 1, 0) ON CONFLICT (id) DO UPDATE SET billed = billed + 1');
  const billed = db.prepare('SELECT billed FROM quota WHERE id = 1');
  const claimWarning = db.prepare('UPDATE quota SET warned_for = ? WHERE id = 1 AND warned_for != ?');

  const reserve = db.transaction((plan: AttemptPlan): ReserveResult => {
    const callerKey = `${plan.callerDay}:${plan.caller}`;
    const callers = liveAttempts.get('caller', callerKey, plan.now) as { n: number };
    if (callers.n >= plan.callerLimit) return { ok: false, limit: 'caller', retryAt: plan.callerResetAt };
    const mobiles = liveAttempts.get('mobile', plan.mobile, plan.now) as { n: number; soonest: number | null };
    if (mobiles.n >= plan.mobileLimit) return { ok: false, limit: 'mobile', retryAt: mobiles.soonest ?? plan.now + plan.mobileWindowMs };
    insertAttempt.run(plan.reservationId, 'caller', callerKey, plan.now, plan.callerResetAt);
    insertAttempt.run(plan.reservationId, 'mobile', plan.mobile, plan.now, plan.now + plan.mobileWindowMs);
    return { ok: true, reservation: { reservationId: plan.reservationId, callerKey, mobileKey: plan.mobile } };
  });

  const purge = db.transaction((cutoff: number, now: number) => ({
    consents: db.prepare('DELETE FROM consents WHERE at < ?').run(cutoff).changes,
    verifications: db.prepare('DELETE FROM verifications WHERE at < ?').run(cutoff).changes,
    counters: db.prepare('DELETE FROM attempts WHERE until < ?').run(now).changes,
  }));

  const recordVerification = db.transaction((record: Parameters<Store['recordVerification']>[0]) => {
    insertVerification.run({ ...record, final: record.final ? 1 : 0 });
    if (record.billing === 'billed') addBilled.run();
  });

  return {
    async recordConsent(record) {
      insertConsent.run(record);
    },
    async findReusableAnswer({ caller, tripleHash, since }) {
      const row = reusable.get(caller, tripleHash, since) as { outcome: string; carrier: string; traceId: string; at: number } | undefined;
      return row && { code: row.outcome as never, carrier: row.carrier, traceId: row.traceId, at: row.at };
    },
    async reserveAttempt(plan) {
      return reserve.immediate(plan);
    },
    async releaseAttempt(reservation) {
      deleteAttempts.run(reservation.reservationId);
    },
    async recordVerification(record) {
      recordVerification.immediate(record);
    },
    async countBilled() {
      return (billed.get() as { billed: number } | undefined)?.billed ?? 0;
    },
    async claimQuotaWarning(total) {
      return claimWarning.run(total, total).changes > 0;
    },
    async purgeOlderThan(cutoff, now) {
      return purge.immediate(cutoff, now);
    },
    dump() {
      const tables = ['consents', 'verifications', 'attempts', 'quota'];
      return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table}`).all()]));
    },
    close() {
      db.close();
    },
  };
}
