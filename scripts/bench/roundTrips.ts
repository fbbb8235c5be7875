// Database round trips on a check's critical path: the longest chain of database requests each made
// after the previous answered is the number of sequential round trips; the milliseconds confirm
// them (≈ n × latency). Measured over two databases, each with a steady 20 ms per request and with
// a jittery network (a seeded random 0–20 ms before each request is applied and again before its reply):
// - the cloud-database stand-in, the function's code in this process;
// - the wire: the built index.js in processes of their own, the real wx-server-sdk speaking HTTP to
//   the TCB wire fake (support/tcbWire), which journals each request.
import path from 'node:path';
import { cloudStore, COLLECTIONS, handlerFromEnv } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { REPO_ROOT } from '../../support/files';
import { fakeCloudDatabase, roundTrips, type JournalEntry, type NetworkOptions } from '../../support/cloudDatabaseStandIn';
import { startFunctionProcess, type FunctionProcess } from '../../support/tcbWire/functionProcess';
import { startTcbWire } from '../../support/tcbWire/server';
import { agree, benchEvent } from './people';

export const DB_LATENCY_MS = 20;
export const NETWORK: NetworkOptions = { seed: 16, maxDelayMs: 20 };
/** The least a request takes on the jittery wire (see overWire). */
export const WIRE_FLOOR_MS = 2;

export interface RoundTripRow {
  kind: 'billed, new caller, new day' | 'billed, repeat by a known caller' | 'cached' | 'refused before the store' | 'refused by the request cap';
  via: 'stand-in' | 'wire';
  network: 'steady' | 'jittery';
  roundTrips: number;
  databaseCalls: number;
  ms: number;
}

type Call = (event: unknown, caller: string) => Promise<unknown>;

/** A database and a way to start function instances over it, each with its own memory. */
interface Subject {
  instance(): Promise<Call>;
  journal(): readonly JournalEntry[];
}

const settings = (sandbox: SandboxVendor): Record<string, string> => ({
  ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_HASH_SECRET: 'bench-round-trips-0123456789abcdef',
  MOBILECHECK_REQUEST_DAILY_LIMIT: '5', MOBILECHECK_DAILY_BUDGET: '1000',
});

async function measureOn(subject: Subject, via: RoundTripRow['via'], network: RoundTripRow['network']): Promise<RoundTripRow[]> {
  const rows: RoundTripRow[] = [];
  const measure = async (call: Call, kind: RoundTripRow['kind'], event: unknown, caller: string) => {
    const journalStart = subject.journal().length;
    const started = performance.now();
    await call(event, caller);
    const ms = performance.now() - started;
    const entries = subject.journal().slice(journalStart);
    rows.push({ kind, via, network, roundTrips: roundTrips(entries), databaseCalls: entries.length, ms: Math.round(ms) });
  };
  // Someone else checked earlier today on another instance: the day's budget and totals exist.
  const earlier = await subject.instance();
  await earlier(benchEvent(9, await agree(earlier, 'o-earlier-today')), 'o-earlier-today');
  // The common case: a person's first check, on an instance that has not seen them (or anything) yet,
  // right after they agreed (acceptAgreement, on another instance: the agreement page's request).
  const consent = await agree(await subject.instance(), 'o-round-trips'); // the first of the caller's 5 requests
  const call = await subject.instance();
  await measure(call, 'billed, new caller, new day', benchEvent(1, consent), 'o-round-trips');
  await measure(call, 'billed, repeat by a known caller', benchEvent(2, consent), 'o-round-trips');
  await measure(call, 'cached', benchEvent(1, consent), 'o-round-trips');
  await measure(call, 'refused before the store', { ...benchEvent(3, consent), idCard: '110105194912310021' }, 'o-round-trips');
  await call(benchEvent(4, consent), 'o-round-trips'); // the fifth request reaching the store: the cap is 5
  await measure(call, 'refused by the request cap', benchEvent(5, consent), 'o-round-trips');
  return rows;
}

function standIn(sandbox: SandboxVendor, network: RoundTripRow['network']): Subject {
  const db = fakeCloudDatabase({ collections: Object.values(COLLECTIONS), ...(network === 'steady' ? { latencyMs: DB_LATENCY_MS } : { network: NETWORK }) });
  return {
    instance: async () => handlerFromEnv(settings(sandbox), { store: cloudStore(db), log: () => undefined }),
    journal: () => db.journal(),
  };
}

/** Through the built cloudfunctions/mobileCheck/index.js (`npm run bench` builds it first). */
async function overWire(sandbox: SandboxVendor, network: RoundTripRow['network']): Promise<RoundTripRow[]> {
  // The wire sees when requests arrive, not when they were sent: without a floor, a request answered
  // in 0 ms could end before its parallel neighbour arrives and look like an extra round trip.
  const faults = network === 'steady'
    ? { latencyMs: DB_LATENCY_MS }
    : { latencyMs: WIRE_FLOOR_MS, seed: NETWORK.seed, requestJitterMs: NETWORK.maxDelayMs, replyJitterMs: NETWORK.maxDelayMs };
  const wire = await startTcbWire({ collections: Object.values(COLLECTIONS), faults });
  const bundle = path.join(REPO_ROOT, 'cloudfunctions/mobileCheck/index.js');
  const started: FunctionProcess[] = [];
  const subject: Subject = {
    async instance() {
      const loaded = startFunctionProcess(bundle, wire, settings(sandbox));
      started.push(loaded);
      // Loads the SDK's lazy parts and opens the database, touching nothing the measured callers use.
      await loaded.call({ action: 'status' }, `o-warm-up-${started.length}`);
      return async (event, caller) => (await loaded.call(event, caller)).response;
    },
    journal: () => wire.journal(),
  };
  try {
    return await measureOn(subject, 'wire', network);
  } finally {
    await Promise.all(started.map((loaded) => loaded.close()));
    await wire.close();
  }
}

export async function measureRoundTrips(): Promise<RoundTripRow[]> {
  const sandbox = await startSandboxVendor();
  try {
    // Warm up: module loading and the first vendor connection are not database round trips.
    await measureOn(standIn(sandbox, 'steady'), 'stand-in', 'steady');
    return [
      ...(await measureOn(standIn(sandbox, 'steady'), 'stand-in', 'steady')),
      ...(await measureOn(standIn(sandbox, 'jittery'), 'stand-in', 'jittery')),
      ...(await overWire(sandbox, 'steady')),
      ...(await overWire(sandbox, 'jittery')),
    ];
  } finally {
    await sandbox.close();
  }
}
