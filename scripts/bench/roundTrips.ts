// Database round trips on a check's critical path, measured twice with 20 ms per database request:
// - over the cloud-database stand-in (the function's code in this process, the stand-in journaling calls);
// - through the wire: the built index.js in a process of its own, the real wx-server-sdk sending
//   HTTP to the TCB wire fake (scripts/support/tcbWire), which journals each request.
// The longest chain of requests each made after the previous answered is the number of sequential
// round trips; the milliseconds confirm it (≈ n × latency).
import path from 'node:path';
import { handlerFromEnv } from '../../cloudfunctions/mobileCheck/src/compose';
import { cloudStore, COLLECTIONS } from '../../cloudfunctions/mobileCheck/src/store/cloudStore';
import { startSandboxVendor } from '../../local-host/sandboxVendor';
import { REPO_ROOT } from '../files';
import { fakeCloudDatabase, roundTrips, type JournalEntry } from '../support/cloudDatabaseStandIn';
import { startFunctionProcess } from '../support/tcbWire/functionProcess';
import { startTcbWire } from '../support/tcbWire/server';
import { benchFunctionEnv } from './functionEnv';
import { benchEvent } from './people';

export const DB_LATENCY_MS = 20;
const REQUEST_CAP = '3';

export interface RoundTripRow {
  kind: 'fresh' | 'cached' | 'refused before the store' | 'known caller, new person' | 'refused by the request cap';
  roundTrips: number;
  databaseCalls: number;
  ms: number;
}

interface Subject {
  call(event: unknown, caller: string): Promise<unknown>;
  journal(): readonly JournalEntry[];
}

/** The same sequence for both: "fresh" is a new caller's first check (after another caller warmed the instance up). */
async function measureSequence(subject: Subject): Promise<RoundTripRow[]> {
  const rows: RoundTripRow[] = [];
  const measure = async (kind: RoundTripRow['kind'], event: unknown, caller: string) => {
    const journalStart = subject.journal().length;
    const started = performance.now();
    await subject.call(event, caller);
    const ms = performance.now() - started;
    const entries = subject.journal().slice(journalStart);
    rows.push({ kind, roundTrips: roundTrips(entries), databaseCalls: entries.length, ms: Math.round(ms) });
  };
  // Warm up: module loading and the first vendor connection are not database round trips.
  await subject.call(benchEvent(9), 'o-warm-up');
  await measure('fresh', benchEvent(1), 'o-round-trips');
  await measure('cached', benchEvent(1), 'o-round-trips');
  await measure('refused before the store', { ...benchEvent(2), idCard: '110105194912310021' }, 'o-round-trips');
  await measure('known caller, new person', benchEvent(3), 'o-round-trips'); // the third request reaching the store: the cap
  await measure('refused by the request cap', benchEvent(4), 'o-round-trips');
  return rows;
}

export async function measureRoundTrips(): Promise<RoundTripRow[]> {
  const sandbox = await startSandboxVendor();
  const db = fakeCloudDatabase({ collections: Object.values(COLLECTIONS), latencyMs: DB_LATENCY_MS });
  const handle = handlerFromEnv(benchFunctionEnv(sandbox, { MOBILECHECK_REQUEST_DAILY_LIMIT: REQUEST_CAP }), { store: cloudStore(db), log: () => undefined });
  try {
    return await measureSequence({ call: handle, journal: () => db.journal() });
  } finally {
    await sandbox.close();
  }
}

/** Through the built cloudfunctions/mobileCheck/index.js (`npm run bench` builds it first). */
export async function measureWireRoundTrips(): Promise<RoundTripRow[]> {
  const sandbox = await startSandboxVendor();
  const wire = await startTcbWire({ collections: Object.values(COLLECTIONS), faults: { latencyMs: DB_LATENCY_MS } });
  const bundle = path.join(REPO_ROOT, 'cloudfunctions/mobileCheck/index.js');
  const loaded = startFunctionProcess(bundle, wire, benchFunctionEnv(sandbox, { MOBILECHECK_REQUEST_DAILY_LIMIT: REQUEST_CAP }));
  try {
    return await measureSequence({ call: (event, caller) => loaded.call(event, caller), journal: () => wire.journal() });
  } finally {
    await loaded.close();
    await sandbox.close();
    await wire.close();
  }
}
