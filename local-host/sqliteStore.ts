// Store adapter for `npm start` and tests: a better-sqlite3 file that keeps its data across restarts.
// Document ids and the encoding are the cloud adapter's (store/documents.ts), the rules policy.ts's.
// Never imported by the cloud entry, so it stays out of the deployed index.js.
// Each multi-step method runs in one `BEGIN IMMEDIATE` transaction: atomic within a process and
// across processes sharing the file (busy_timeout makes the others wait).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  type Aggregates, applyGiveBack, beijingDayStart, type CallerLimits, type Claim, type ConsentRecord, currentLimits, emptyAggregates, fromDoc, ids,
  limitsDoc, limitsGiveBack, limitsUntil, mergeAggregates, nextBeijingMidnight, prunedLimits, type Reserved, type ReserveInput,
  spendExhausted, type Store, undoneCheck, type VerificationRecord,
} from '../cloudfunctions/mobileCheck/src/host';
import { OLD_TABLES, SCHEMA, SCHEMA_VERSION } from './sqliteSchema';

export interface SqliteStore extends Store {
  /** Every stored row of every table, for inspection in tests. */
  dump(): Record<string, unknown[]>;
  close(): void;
}

type Row = Record<string, unknown>;
/** A stored JSON column, read back through the same guards as the cloud's documents. */
const parsed = (row: Row | undefined): Record<string, unknown> | undefined =>
  typeof row?.json === 'string' ? (JSON.parse(row.json) as Record<string, unknown>) : undefined;

export function openSqliteStore(filePath: string): SqliteStore {
  if (filePath !== ':memory:') mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  // With WAL, NORMAL never corrupts the file; a power cut may lose the last local transactions, which
  // only matters for sandbox records. It skips an fsync per transaction (three per check).
  db.pragma('synchronous = NORMAL');
  if (Number(db.pragma('user_version', { simple: true })) < SCHEMA_VERSION) {
    for (const table of OLD_TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
  db.exec(SCHEMA);
  // Each statement is prepared once: preparing is most of a small statement's cost.
  const statements = new Map<string, Database.Statement>();
  const sql = (text: string): Database.Statement => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = db.prepare(text)));
    return statement;
  };

  const counter = (id: string): number => Number((sql('SELECT count FROM counters WHERE id = ?').get(id) as Row | undefined)?.count ?? 0);
  const bump = (id: string, by: number, until: number | null) =>
    sql('INSERT INTO counters (id, count, until) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET count = MAX(0, count + ?)').run(id, Math.max(0, by), until, by);
  const limitsOf = (caller: string): CallerLimits | undefined =>
    fromDoc.limits(parsed(sql('SELECT json FROM limits WHERE caller = ?').get(caller) as Row | undefined));
  const saveLimits = (caller: string, limits: CallerLimits, until: number) =>
    sql('INSERT INTO limits (caller, json, until) VALUES (?, ?, ?) ON CONFLICT (caller) DO UPDATE SET json = excluded.json, until = excluded.until').run(caller, JSON.stringify(limitsDoc(limits, until)), until);
  const claimOf = (id: string): Claim | undefined => {
    const doc = parsed(sql('SELECT json FROM claims WHERE id = ?').get(id) as Row | undefined);
    return doc && fromDoc.claim(doc);
  };
  const saveClaim = (id: string, caller: string, claim: Claim, at: number) =>
    sql('INSERT INTO claims (id, caller, json, at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json, at = excluded.at').run(id, caller, JSON.stringify(claim), at);
  const spend = (day: string) => ({ today: counter(ids.budget(day)), total: counter(ids.quota) });
  const readStatsOf = (day: string): Aggregates | undefined => {
    const doc = parsed(sql('SELECT json FROM stats WHERE day = ?').get(day) as Row | undefined);
    return doc && fromDoc.aggregates(doc);
  };
  const addAggregates = (stats: Map<string, Aggregates>) => {
    for (const [day, delta] of stats) {
      const merged = mergeAggregates(readStatsOf(day) ?? emptyAggregates(), delta);
      sql('INSERT INTO stats (day, json, at) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET json = excluded.json').run(day, JSON.stringify(merged), beijingDayStart(day));
    }
  };

  const countRequest = db.transaction((input: Parameters<Store['countRequest']>[0]) => {
    const id = ids.requests(input.day, input.caller);
    const counted = counter(id) < input.requestLimit;
    if (counted) bump(id, 1, nextBeijingMidnight(input.now));
    return counted;
  });

  const open = db.transaction((input: Parameters<Store['open']>[0]) => {
    const requestCounted = input.counted === true || countRequest({ ...input, caller: input.keys.caller });
    return { requestCounted, claim: claimOf(ids.claim(input.keys.caller, input.keys.triple)), limits: limitsOf(input.keys.caller), spend: spend(input.day) };
  });

  const reserve = db.transaction((input: ReserveInput): Reserved => {
    const id = ids.claim(input.keys.caller, input.keys.triple);
    const claim = claimOf(id);
    // Like the cloud's compare-and-set: the claim must still be as round trip 1 saw it.
    const seen = input.seenClaim;
    if (claim && (!seen || claim.holder !== seen.holder || claim.state !== seen.state)) return { ok: false, reason: 'claimed' };
    const admitted = input.admit(limitsOf(input.keys.caller));
    if (!admitted.ok) return 'withdrawn' in admitted ? { ok: false, reason: 'withdrawn' } : { ok: false, reason: 'limits', refusal: admitted.refusal };
    if (spendExhausted(spend(input.day), input)) return { ok: false, reason: 'budget' };
    saveClaim(id, input.keys.caller, { state: 'pending', holder: input.traceId, until: input.claimUntil }, input.now);
    saveLimits(input.keys.caller, admitted.next, limitsUntil(admitted.next, input.now));
    bump(ids.budget(input.day), 1, nextBeijingMidnight(input.now));
    bump(ids.quota, 1, null);
    insertConsent(input.consent);
    return { ok: true, reservation: { traceId: input.traceId, keys: input.keys, day: input.day, now: input.now, acceptedAt: input.consent.acceptedAt } };
  });

  const insertConsent = (c: ConsentRecord) =>
    sql('INSERT INTO consents (trace_id, kind, consent_id, caller, triple, agreement_version, accepted_at, at, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)')
      .run(c.traceId, c.kind, c.consentId, c.caller, c.triple, c.agreementVersion, c.acceptedAt, c.at);

  const complete = db.transaction((input: Parameters<Store['complete']>[0]) => {
    const r = input.record;
    addAggregates(input.aggregates);
    const id = ids.claim(input.reservation.keys.caller, input.reservation.keys.triple);
    const claim = claimOf(id);
    // An erasure or a withdrawal since the reservation (policy.ts undoneCheck): no record or claim of it is kept.
    const undone = undoneCheck(limitsOf(input.reservation.keys.caller), input.reservation);
    if (undone) {
      if (undone.consent === 'remove') sql('DELETE FROM consents WHERE trace_id = ?').run(r.traceId);
      else sql('UPDATE consents SET withdrawn_at = ? WHERE trace_id = ? AND withdrawn_at IS NULL').run(undone.withdrawnAt, r.traceId);
      if (claim?.holder === input.reservation.traceId) sql('DELETE FROM claims WHERE id = ?').run(id);
      return;
    }
    sql('INSERT INTO verifications (trace_id, caller, outcome, at, json) VALUES (?, ?, ?, ?, ?)').run(r.traceId, r.caller, r.outcome, r.at, JSON.stringify(r));
    if (claim?.holder === input.reservation.traceId) {
      saveClaim(id, r.caller, { state: 'done', holder: claim.holder, until: claim.until, ...('failed' in input.answer ? { failed: input.answer.failed } : { answer: input.answer }) }, r.at);
    }
  });

  const release = db.transaction((reservation: Parameters<Store['release']>[0]) => {
    const { keys, now } = reservation;
    const limits = limitsOf(keys.caller);
    const given = limits && applyGiveBack(limits, limitsGiveBack(reservation));
    if (given && given !== limits) saveLimits(keys.caller, given, limitsUntil(given, now));
    bump(ids.budget(reservation.day), -1, null);
    bump(ids.quota, -1, null);
  });

  const stampCaller = db.transaction((caller: string, at: number, stamp: 'withdrawnAt' | 'erasedAt') => {
    const limits = limitsOf(caller) ?? currentLimits(undefined, at);
    if ((limits[stamp] ?? 0) >= at) return; // a later stamp is in force already
    const next = { ...limits, [stamp]: at, version: limits.version + 1 };
    // Examined by the next purge, which prunes entry by entry (prunedLimits keeps the stamp a window).
    saveLimits(caller, next, at);
  });

  // The stamps, the consents kept and marked as evidence, the verifications and claims deleted
  // (PIPL art. 47(1)(3)): like the cloud adapter, what was written by then and what checks relying on
  // a consent given by then wrote although timed later.
  const withdraw = db.transaction((caller: string, at: number) => {
    stampCaller(caller, at, 'withdrawnAt');
    stampCaller(caller, at, 'erasedAt');
    sql('UPDATE consents SET withdrawn_at = ? WHERE caller = ? AND withdrawn_at IS NULL AND accepted_at <= ?').run(at, caller, at);
    const late = sql("SELECT trace_id, triple FROM consents WHERE caller = ? AND kind = 'check' AND accepted_at <= ? AND at > ?").all(caller, at, at) as Row[];
    let verifications = sql('DELETE FROM verifications WHERE caller = ? AND at <= ?').run(caller, at).changes;
    let claims = sql('DELETE FROM claims WHERE caller = ? AND at <= ?').run(caller, at).changes;
    for (const { trace_id: traceId, triple } of late) {
      verifications += sql('DELETE FROM verifications WHERE trace_id = ?').run(traceId).changes;
      const id = ids.claim(caller, String(triple));
      if (claimOf(id)?.holder === traceId) claims += sql('DELETE FROM claims WHERE id = ?').run(id).changes;
    }
    return { verifications, claims };
  });

  /** Each limits record whose first entry has ended, rewritten without its ended entries or removed. */
  const pruneLimits = (now: number): number => {
    const due = sql('SELECT caller, json FROM limits WHERE until < ?').all(now) as Row[];
    for (const row of due) {
      const stored = fromDoc.limits(parsed(row));
      const pruned = stored && prunedLimits(stored, now);
      if (pruned) saveLimits(String(row.caller), { ...pruned, version: pruned.version + 1 }, limitsUntil(pruned, now));
      else sql('DELETE FROM limits WHERE caller = ?').run(row.caller);
    }
    return due.length;
  };

  const deleteOwn = db.transaction((caller: string, at: number) => {
    stampCaller(caller, at, 'erasedAt');
    // Like the cloud adapter: only what checks begun by then wrote.
    sql('DELETE FROM claims WHERE caller = ? AND at <= ?').run(caller, at);
    return {
      consents: sql('DELETE FROM consents WHERE caller = ? AND at <= ?').run(caller, at).changes,
      verifications: sql('DELETE FROM verifications WHERE caller = ? AND at <= ?').run(caller, at).changes,
    };
  });

  const purge = db.transaction((cutoff: number, now: number) => ({
    consents: sql('DELETE FROM consents WHERE at < ?').run(cutoff).changes,
    verifications: sql('DELETE FROM verifications WHERE at < ?').run(cutoff).changes,
    claims: sql('DELETE FROM claims WHERE at < ?').run(cutoff).changes,
    counters: sql('DELETE FROM counters WHERE until < ?').run(now).changes + pruneLimits(now),
    stats: sql('DELETE FROM stats WHERE at < ?').run(cutoff).changes,
    // One transaction per release: a give-back never half-fails here, so nothing is ever owed.
    debts: 0,
  }));

  const claimMeta = db.transaction((key: string, value: number, unless: (current: number | undefined) => boolean) => {
    const current = (sql('SELECT value FROM meta WHERE key = ?').get(key) as Row | undefined)?.value as number | undefined;
    if (!unless(current)) return false;
    sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
    return true;
  });

  const verification = (row: Row): VerificationRecord => fromDoc.verification(parsed(row) ?? {});
  const consent = (row: Row): ConsentRecord => ({
    kind: row.kind === 'agreement' ? 'agreement' : 'check', consentId: String(row.consent_id),
    traceId: String(row.trace_id), caller: String(row.caller), triple: String(row.triple), agreementVersion: String(row.agreement_version),
    acceptedAt: Number(row.accepted_at), at: Number(row.at), ...(row.withdrawn_at !== null && { withdrawnAt: Number(row.withdrawn_at) }),
  });

  return {
    open: async (input) => open.immediate(input),
    reserve: async (input) => reserve.immediate(input),
    countRequest: async (input) => countRequest.immediate(input),
    complete: async (input) => {
      complete.immediate(input); // one transaction: all or nothing (a failure throws)
      return { recorded: true, aggregatesWritten: true };
    },
    release: async (reservation) => release.immediate(reservation),
    readClaim: async (keys) => claimOf(ids.claim(keys.caller, keys.triple)),
    recordAgreement: async (consent) => {
      insertConsent(consent);
    },
    readAgreement: async (caller, consentId) => {
      const row = sql("SELECT * FROM consents WHERE consent_id = ? AND caller = ? AND kind = 'agreement'").get(consentId, caller) as Row | undefined;
      return row && consent(row);
    },
    withdraw: async (caller, at) => withdraw.immediate(caller, at),
    stampCaller: async (caller, at, stamp) => stampCaller.immediate(caller, at, stamp),
    ownRecords: async (caller) => ({
      limits: limitsOf(caller),
      verifications: (sql('SELECT json FROM verifications WHERE caller = ? ORDER BY at DESC LIMIT 100').all(caller) as Row[]).map(verification),
      consents: (sql('SELECT * FROM consents WHERE caller = ? ORDER BY at DESC LIMIT 100').all(caller) as Row[]).map(consent),
    }),
    deleteOwn: async (caller, at) => deleteOwn.immediate(caller, at),
    latestPass: async (caller, since) => {
      const row = sql("SELECT json FROM verifications WHERE caller = ? AND outcome = '01' AND at >= ? ORDER BY at DESC LIMIT 1").get(caller, since) as Row | undefined;
      return row && verification(row);
    },
    addAggregates: async (stats) => db.transaction(() => addAggregates(stats)).immediate(),
    readSpend: async (day) => spend(day),
    readAggregates: async (days) => new Map(days.flatMap((day) => {
      const found = readStatsOf(day);
      return found ? [[day, found] as const] : [];
    })),
    markQuotaWarned: async (total) => claimMeta.immediate('quotaWarnedFor', total, (current) => current !== total),
    markOnce: async (slot, until) => claimMeta.immediate(ids.once(slot), until, (current) => current === undefined),
    purge: async (cutoff, now) => {
      const report = purge.immediate(cutoff, now);
      sql("DELETE FROM meta WHERE key LIKE 'o!_%' ESCAPE '!' AND value < ?").run(now);
      return report;
    },
    dump() {
      const tables = ['consents', 'verifications', 'claims', 'limits', 'counters', 'stats', 'meta'];
      return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table}`).all()]));
    },
    close() {
      db.close();
    },
  };
}
