// Database round trips on a check's critical path, measured with a cloud-database stand-in that
// adds a fixed latency to every call and journals them: the longest chain of calls each made after
// the previous answered is the number of sequential round trips. Measured twice: with a steady
// 20 ms per call, and with the stand-in's network on (a seeded random 0–20 ms before each request
// is applied and again before its reply arrives).
import { handlerFromEnv } from '../../cloudfunctions/mobileCheck/src/compose';
import type { Handler } from '../../cloudfunctions/mobileCheck/src/handler';
import { cloudStore, COLLECTIONS } from '../../cloudfunctions/mobileCheck/src/store/cloudStore';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { fakeCloudDatabase, roundTrips, type FakeCloudDatabase, type NetworkOptions } from '../support/cloudDatabaseStandIn';
import { benchEvent } from './people';

export const DB_LATENCY_MS = 20;
export const NETWORK: NetworkOptions = { seed: 16, maxDelayMs: 20 };

export interface RoundTripRow {
  kind: 'billed, new caller, new day' | 'billed, repeat by a known caller' | 'cached' | 'refused before the store' | 'refused by the request cap';
  network: 'steady' | 'jittery';
  roundTrips: number;
  databaseCalls: number;
  ms: number;
}

async function measureOn(sandbox: SandboxVendor, network: RoundTripRow['network']): Promise<RoundTripRow[]> {
  const db: FakeCloudDatabase = fakeCloudDatabase({ collections: Object.values(COLLECTIONS), ...(network === 'steady' ? { latencyMs: DB_LATENCY_MS } : { network: NETWORK }) });
  // Each handler is one function instance, with its own memory (a cold one knows no document yet).
  const instance = (): Handler => handlerFromEnv(
    { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_HASH_SECRET: 'bench-round-trips-0123456789abcdef', MOBILECHECK_REQUEST_DAILY_LIMIT: '4', MOBILECHECK_DAILY_BUDGET: '1000' },
    { store: cloudStore(db), log: () => undefined },
  );
  const rows: RoundTripRow[] = [];
  const measure = async (handle: Handler, kind: RoundTripRow['kind'], event: unknown, caller: string) => {
    const calls = db.calls();
    const journalStart = db.journal().length;
    const started = performance.now();
    await handle(event, caller);
    const ms = performance.now() - started;
    // Sequential round trips from the call journal; the added milliseconds confirm them (≈ n × latency).
    rows.push({ kind, network, roundTrips: roundTrips(db.journal().slice(journalStart)), databaseCalls: db.calls() - calls, ms: Math.round(ms) });
  };
  // Someone else checked earlier today on another instance: the day's budget and totals exist.
  await instance()(benchEvent(9), 'o-earlier-today');
  // The common case: a person's first check, on an instance that has not seen them (or anything) yet.
  const handle = instance();
  await measure(handle, 'billed, new caller, new day', benchEvent(1), 'o-round-trips');
  await measure(handle, 'billed, repeat by a known caller', benchEvent(2), 'o-round-trips');
  await measure(handle, 'cached', benchEvent(1), 'o-round-trips');
  await measure(handle, 'refused before the store', { ...benchEvent(3), idCard: '110105194912310021' }, 'o-round-trips');
  await handle(benchEvent(4), 'o-round-trips'); // the fourth request reaching the store: the cap is 4
  await measure(handle, 'refused by the request cap', benchEvent(5), 'o-round-trips');
  return rows;
}

export async function measureRoundTrips(): Promise<RoundTripRow[]> {
  const sandbox = await startSandboxVendor();
  try {
    // Warm up: module loading and the first vendor connection are not database round trips.
    await measureOn(sandbox, 'steady');
    return [...(await measureOn(sandbox, 'steady')), ...(await measureOn(sandbox, 'jittery'))];
  } finally {
    await sandbox.close();
  }
}
