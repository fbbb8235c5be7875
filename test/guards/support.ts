// Shared set-up for the cost-guard tests: the real handler over the sandbox vendor, with each store adapter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { entryFromEnv, handlerFromEnv, type EnvDeps } from '../../cloudfunctions/mobileCheck/src/compose';
import type { LogLine } from '../../cloudfunctions/mobileCheck/src/log';
import { cloudStore, COLLECTIONS } from '../../cloudfunctions/mobileCheck/src/store/cloudStore';
import type { Store } from '../../cloudfunctions/mobileCheck/src/store/types';
import type { SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { fakeCloudDatabase } from '../store/fakeCloudDatabase';
import { checkEvent, idCardNumber } from '../support/people';

export interface OpenedStore {
  store: Store;
  rows(): unknown[];
  close(): void;
}

/** Both adapters, each opened fresh. */
export const ADAPTERS: [string, () => OpenedStore][] = [
  ['sqlite', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mobilecheck-guards-'));
    const store = openSqliteStore(path.join(dir, 'store.sqlite'));
    return { store, rows: () => Object.values(store.dump()).flat(), close: () => { store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }],
  ['cloud database stand-in', () => {
    const db = fakeCloudDatabase({ collections: Object.values(COLLECTIONS) });
    return { store: cloudStore(db), rows: () => Object.values(db.dump()).flat(), close: () => undefined };
  }],
];

export const HASH_SECRET = 'test-secret';

export function sandboxEnv(sandbox: SandboxVendor, env: Record<string, string> = {}): Record<string, string> {
  return { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_HASH_SECRET: HASH_SECRET, ...env };
}

export interface Harness {
  lines: LogLine[];
  handle: ReturnType<typeof handlerFromEnv>;
  entry: ReturnType<typeof entryFromEnv>;
}

export function harness(sandbox: SandboxVendor, store: Store, env: Record<string, string> = {}, overrides: Partial<EnvDeps> = {}): Harness {
  const lines: LogLine[] = [];
  const deps = { store, log: (line: LogLine) => lines.push(line), ...overrides };
  return { lines, handle: handlerFromEnv(sandboxEnv(sandbox, env), deps), entry: entryFromEnv(sandboxEnv(sandbox, env), deps) };
}

/** A distinct valid person for each n; the mobile ends in 0, so the sandbox answers 01. */
export const personNumber = (n: number) => ({
  name: '李四',
  idCard: idCardNumber(n),
  mobile: `139${String(n).padStart(7, '0')}0`,
});

export const eventFor = (n: number, overrides: Record<string, unknown> = {}) => checkEvent({ ...personNumber(n), ...overrides });
