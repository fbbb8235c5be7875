// Shared set-up for the cost-guard tests: the real handler over the sandbox vendor, with each store adapter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ActionAnswer, CheckResponse, StatsAnswer } from '../../src/domain';
import {
  cloudStore, COLLECTIONS, createEntry, createHandler, createHasher, createRetentionJob, partsFromEnv,
  type Entry, type Parts, type LogLine, type Store, tripleValue,
} from '../../cloudfunctions/mobileCheck/src/host';
import type { SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore, type SqliteStore } from '../../local-host/sqliteStore';
import { fakeCloudDatabase, type FakeCloudDatabase, type NetworkOptions } from '../../support/cloudDatabaseStandIn';
import { checkEvent, idCardNumber, PRE_AGREED_ID } from '../support/people';
import { preAgreed } from '../support/preAgreed';
import { SAME_AGREEMENT } from '../support/providers';

export interface OpenedStore {
  store: Store;
  /** A second handle on the same data, as another function instance (or local host) opens it. */
  another(): Store;
  rows(): unknown[];
  /** The cloud-database stand-in underneath, for the cloud adapter. */
  db?: FakeCloudDatabase;
  close(): void;
}

function openSqlite(): OpenedStore {
  const dir = mkdtempSync(path.join(tmpdir(), 'mobilecheck-guards-'));
  const file = path.join(dir, 'store.sqlite');
  const handles: SqliteStore[] = [openSqliteStore(file)];
  return {
    store: handles[0],
    another: () => {
      handles.push(openSqliteStore(file));
      return handles[handles.length - 1];
    },
    rows: () => Object.values(handles[0].dump()).flat(),
    close: () => {
      handles.forEach((handle) => handle.close());
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The cloud adapter over a stand-in database; `latencyMs` delays every call like a network hop, and
 * `network` makes the hop unreliable (seeded delays, lost replies, refused requests).
 */
export function openCloud(latencyMs?: number, network?: NetworkOptions): OpenedStore & { db: FakeCloudDatabase } {
  const db = fakeCloudDatabase({ collections: Object.values(COLLECTIONS), ...(latencyMs !== undefined && { latencyMs }), ...(network && { network }) });
  return { store: cloudStore(db), another: () => cloudStore(db), rows: () => Object.values(db.dump()).flat(), db, close: () => undefined };
}

/** Both adapters, each opened fresh. */
export const ADAPTERS: [string, () => OpenedStore][] = [
  ['sqlite', openSqlite],
  ['cloud database stand-in', () => openCloud()],
];

export const HASH_SECRET = 'guards-test-secret-0123456789abcdef';
export const hasher = createHasher(HASH_SECRET);
export const callerHash = (openid: string) => hasher.hash('caller', openid);
export const tripleHash = (fields: { name: string; idCard: string; mobile: string }) => hasher.hash('triple', tripleValue(fields));

/** Settings for suites that check many distinct people from one caller. */
export const MANY_PEOPLE = { MOBILECHECK_CALLER_IDENTITY_LIMIT: '1000' };

/** The settings that make `sandbox`'s provider the only one, pointed at it. */
export function sandboxEnv(sandbox: SandboxVendor, env: Record<string, string> = {}): Record<string, string> {
  return { MOBILECHECK_PROVIDERS: sandbox.provider, ...sandbox.env, MOBILECHECK_HASH_SECRET: HASH_SECRET, ...env };
}

/** One function instance: its own memory, the given store. */
export interface Harness {
  lines: LogLine[];
  /** A check, answered as the mini-program sees it. */
  check(event: unknown, caller: string | undefined): Promise<CheckResponse>;
  /** Any other action. */
  act(event: unknown, caller: string | undefined): Promise<ActionAnswer>;
  /** The `stats` action, for an admin. */
  stats(caller: string, days?: number): Promise<StatsAnswer>;
  /** What the platform calls: timer events without a caller reach the purge. */
  entry: Entry;
  /** Registers the caller's pre-test agreement now rather than during their first check. */
  preAgree(caller: string): Promise<void>;
}

/** 2025-03-10 12:00 Beijing time: where each guard test's clock starts. */
export const NOON = Date.UTC(2025, 2, 10, 4, 0, 0);

/**
 * A fresh store for each test, with the clock at NOON and the sandbox vendor's record and fault
 * cleared (`sandbox` is read when the test runs: suites start it in beforeAll); closed after the test. A test moves `t.now`; `t.make` builds a harness on that clock.
 */
export interface StorePerTest {
  opened: OpenedStore;
  now: number;
  clock: { now(): number };
  make(env?: Record<string, string>, store?: Store): Harness;
}

export function storePerTest(sandbox: () => SandboxVendor, openStore: () => OpenedStore): StorePerTest {
  const t: StorePerTest = {
    opened: undefined as unknown as OpenedStore,
    now: NOON,
    clock: { now: () => t.now },
    make: (env: Record<string, string> = {}, store: Store = t.opened.store) => harness(sandbox(), store, env, { clock: t.clock }),
  };
  beforeEach(() => {
    t.opened = openStore();
    t.now = NOON;
    sandbox().received.length = 0;
    sandbox().setFault(undefined);
  });
  afterEach(() => t.opened.close());
  return t;
}

export function harness(sandbox: SandboxVendor, store: Store, env: Record<string, string> = {}, overrides: Partial<Parts> = {}): Harness {
  const lines: LogLine[] = [];
  const deps = partsFromEnv(sandboxEnv(sandbox, env), { store: preAgreed(store), log: (line: LogLine) => lines.push(line), ...SAME_AGREEMENT, ...overrides });
  const handle = createHandler(deps);
  return {
    lines,
    check: (event, caller) => {
      // A stand-in that receives digests learns which mobile each stands for, to answer by its last digit.
      if (typeof event === 'object' && event !== null) sandbox.learn(event);
      return handle(event, caller) as Promise<CheckResponse>;
    },
    act: handle,
    stats: (caller, days = 1) => handle({ action: 'stats', days }, caller) as Promise<StatsAnswer>,
    entry: createEntry(handle, createRetentionJob(deps)),
    preAgree: async (caller) => {
      await deps.store?.readAgreement(callerHash(caller), PRE_AGREED_ID);
    },
  };
}

/** A distinct valid person for each n; the mobile ends in 0, so the sandbox answers 01. */
export const personNumber = (n: number) => ({
  name: '李四',
  idCard: idCardNumber(n),
  mobile: `139${String(n).padStart(7, '0')}0`,
});

export const eventFor = (n: number, overrides: Record<string, unknown> = {}) => checkEvent({ ...personNumber(n), ...overrides });

export const countOf = (responses: CheckResponse[], predicate: (r: CheckResponse) => boolean) => responses.filter(predicate).length;
