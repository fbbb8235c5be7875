// Function overhead: the real handler (sqlite store, sandbox vendor in another process on loopback)
// against a bare axios GET to the same vendor, with distinct people so neither cache nor limits answer.
import http from 'node:http';
import axios from 'axios';
import { handlerFromEnv } from '../../cloudfunctions/mobileCheck/src/compose';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { benchFunctionEnv } from './functionEnv';
import { median, quantile, round, timed } from './stats';
import { agree, distinctPerson, type CheckConsent } from './people';
import { startSandboxProcess } from './sandboxProcess';

export interface OverheadRow {
  concurrency: number;
  requests: number;
  vendorLatencyMs: number;
  handlerMedianMs: number;
  handlerP99Ms: number;
  bareMedianMs: number;
  bareP99Ms: number;
  medianRatio: number;
}

export async function measureOverhead(concurrency: number, requests: number, vendorLatencyMs: number, storeFile: string): Promise<OverheadRow> {
  const sandbox = await startSandboxProcess(vendorLatencyMs);
  const store = openSqliteStore(storeFile);
  const handle = handlerFromEnv(benchFunctionEnv(sandbox, { MOBILECHECK_CALLER_DAILY_LIMIT: '10000', MOBILECHECK_CALLER_IDENTITY_LIMIT: '10000', MOBILECHECK_REQUEST_DAILY_LIMIT: '1000000' }), { store, log: () => undefined });
  const bare = axios.create({ httpAgent: new http.Agent({ keepAlive: true }), headers: { Authorization: `APPCODE ${sandbox.appCode}` } });
  const offset = Math.floor(Math.random() * 1e6);
  try {
    // Warm both paths (connections, JIT) before measuring.
    const consents = new Map<string, CheckConsent>();
    for (const caller of ['bench', ...Array.from({ length: 50 }, (_unused, i) => `bench-${i}`)]) consents.set(caller, await agree(handle, caller));
    const event = (n: number, caller: string) => ({ ...distinctPerson(n), consent: consents.get(caller) });
    await timed(50, concurrency, (i) => handle(event(offset + i, 'bench'), 'bench'));
    await timed(50, concurrency, (i) => bare.get(sandbox.endpoint, { params: distinctPerson(offset + i) }));
    const handler = await timed(requests, concurrency, (i) =>
      handle(event(offset + 100 + i, `bench-${i % 50}`), `bench-${i % 50}`));
    const direct = await timed(requests, concurrency, (i) => bare.get(sandbox.endpoint, { params: distinctPerson(offset + 100 + requests + i) }));
    return {
      concurrency,
      requests,
      vendorLatencyMs,
      handlerMedianMs: round(median(handler)),
      handlerP99Ms: round(quantile(handler, 0.99)),
      bareMedianMs: round(median(direct)),
      bareP99Ms: round(quantile(direct, 0.99)),
      medianRatio: round(median(handler) / median(direct), 3),
    };
  } finally {
    store.close();
    await sandbox.close();
  }
}
