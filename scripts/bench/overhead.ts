// Function overhead: the real handler (sqlite store, sandbox vendor in another process on loopback)
// against a bare axios call to the same vendor (for tencent-faceid: the signed POST of the digests,
// the least any client does), with distinct people so neither cache nor limits answer.
import http from 'node:http';
import axios from 'axios';
import {
  handlerFromEnv, requestBody, tc3Authorization, TENCENT_ACTION, TENCENT_VERSION,
} from '../../cloudfunctions/mobileCheck/src/host';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { buildAgreement, type PersonFields, type ProviderId } from '../../src/domain';
import { operatorSettings } from '../../src/settings/operator';
import { benchFunctionEnv } from './functionEnv';
import { median, quantile, round, timed } from './stats';
import { agree, distinctPerson, type CheckConsent } from './people';
import { startSandboxProcess, type RemoteSandbox } from './sandboxProcess';

export interface OverheadRow {
  provider: ProviderId;
  concurrency: number;
  requests: number;
  vendorLatencyMs: number;
  handlerMedianMs: number;
  handlerP99Ms: number;
  bareMedianMs: number;
  bareP99Ms: number;
  medianRatio: number;
}

/** The bare call: what any client of this provider must do, and nothing more. */
function bareCall(provider: ProviderId, sandbox: RemoteSandbox): (person: PersonFields) => Promise<unknown> {
  const client = axios.create({ httpAgent: new http.Agent({ keepAlive: true }) });
  if (provider === 'aliyun-market') {
    return (person) => client.get(sandbox.endpoint, { params: person, headers: { Authorization: `APPCODE ${sandbox.appCode}` } });
  }
  const { MOBILECHECK_TENCENT_SECRET_ID: secretId = '', MOBILECHECK_TENCENT_SECRET_KEY: secretKey = '' } = sandbox.env;
  const contentType = 'application/json; charset=utf-8';
  return (person) => {
    const payload = requestBody(person);
    const timestamp = Math.floor(Date.now() / 1000);
    const authorization = tc3Authorization({ secretId, secretKey, service: 'faceid', host: '127.0.0.1', contentType, payload, timestamp });
    return client.post(sandbox.endpoint, payload, {
      headers: { Authorization: authorization, 'Content-Type': contentType, 'X-TC-Action': TENCENT_ACTION, 'X-TC-Version': TENCENT_VERSION, 'X-TC-Timestamp': String(timestamp) },
    });
  };
}

export async function measureOverhead(concurrency: number, requests: number, vendorLatencyMs: number, storeFile: string, provider: ProviderId = 'aliyun-market'): Promise<OverheadRow> {
  const sandbox = await startSandboxProcess(vendorLatencyMs, provider);
  const store = openSqliteStore(storeFile);
  const version = buildAgreement(operatorSettings, { providers: [provider] }).version;
  const handle = handlerFromEnv(benchFunctionEnv(sandbox, { MOBILECHECK_CALLER_DAILY_LIMIT: '10000', MOBILECHECK_CALLER_IDENTITY_LIMIT: '10000', MOBILECHECK_REQUEST_DAILY_LIMIT: '1000000' }), { store, log: () => undefined });
  const bare = bareCall(provider, sandbox);
  const offset = Math.floor(Math.random() * 1e6);
  try {
    // Warm both paths (connections, JIT) before measuring.
    const consents = new Map<string, CheckConsent>();
    for (const caller of ['bench', ...Array.from({ length: 50 }, (_unused, i) => `bench-${i}`)]) consents.set(caller, await agree(handle, caller, version));
    const event = (n: number, caller: string) => ({ ...distinctPerson(n), consent: consents.get(caller) });
    await timed(50, concurrency, (i) => handle(event(offset + i, 'bench'), 'bench'));
    await timed(50, concurrency, (i) => bare(distinctPerson(offset + i)));
    const handler = await timed(requests, concurrency, (i) =>
      handle(event(offset + 100 + i, `bench-${i % 50}`), `bench-${i % 50}`));
    const direct = await timed(requests, concurrency, (i) => bare(distinctPerson(offset + 100 + requests + i)));
    return {
      provider,
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
