// Database round trips on a check's critical path, measured with a cloud-database stand-in that
// adds a fixed latency to every call and journals them: the longest chain of calls each made after
// the previous answered is the number of sequential round trips.
import { handlerFromEnv } from '../../cloudfunctions/mobileCheck/src/compose';
import { cloudStore, COLLECTIONS } from '../../cloudfunctions/mobileCheck/src/store/cloudStore';
import { startSandboxVendor } from '../../local-host/sandboxVendor';
import { fakeCloudDatabase, roundTrips } from '../support/cloudDatabaseStandIn';
import { agree, benchEvent } from './people';

export const DB_LATENCY_MS = 20;

export interface RoundTripRow {
  kind: 'fresh' | 'cached' | 'refused before the store' | 'refused by the request cap';
  roundTrips: number;
  databaseCalls: number;
  ms: number;
}

export async function measureRoundTrips(): Promise<RoundTripRow[]> {
  const sandbox = await startSandboxVendor();
  const db = fakeCloudDatabase({ collections: Object.values(COLLECTIONS), latencyMs: DB_LATENCY_MS });
  const handle = handlerFromEnv(
    { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_HASH_SECRET: 'bench-round-trips-0123456789abcdef', MOBILECHECK_REQUEST_DAILY_LIMIT: '4' },
    { store: cloudStore(db), log: () => undefined },
  );
  const rows: RoundTripRow[] = [];
  const measure = async (kind: RoundTripRow['kind'], event: unknown, caller: string) => {
    const calls = db.calls();
    const journalStart = db.journal().length;
    const started = performance.now();
    await handle(event, caller);
    const ms = performance.now() - started;
    // Sequential round trips from the call journal; the added milliseconds confirm them (≈ n × latency).
    rows.push({ kind, roundTrips: roundTrips(db.journal().slice(journalStart)), databaseCalls: db.calls() - calls, ms: Math.round(ms) });
  };
  try {
    // Warm up: module loading and the first vendor connection are not database round trips.
    await handle(benchEvent(9, await agree(handle, 'o-warm-up')), 'o-warm-up');
    const consent = await agree(handle, 'o-round-trips'); // the first request of the caller's 4
    await measure('fresh', benchEvent(1, consent), 'o-round-trips');
    await measure('cached', benchEvent(1, consent), 'o-round-trips');
    await measure('refused before the store', { ...benchEvent(2, consent), idCard: '110105194912310021' }, 'o-round-trips');
    await handle(benchEvent(3, consent), 'o-round-trips'); // the fourth request reaching the store: the cap is 4
    await measure('refused by the request cap', benchEvent(4, consent), 'o-round-trips');
    return rows;
  } finally {
    await sandbox.close();
  }
}
