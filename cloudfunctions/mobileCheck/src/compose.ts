import { randomUUID } from 'node:crypto';
import { buildAgreement } from '../../../src/domain';
import { operatorSettings } from '../../../src/settings/operator';
import { createHandler, type Handler, type HandlerDeps } from './handler';
import { createHasher } from './hash';
import { jsonLogger } from './log';
import { createEntry, createRetentionJob, type Entry } from './retention';
import { DEFAULT_GUARDS, DEFAULT_RETENTION_DAYS, readSettings, type Settings } from './settings';
import { createVendorClient } from './mobileCheckApi/client';

type Env = Record<string, string | undefined>;

export interface EnvDeps extends HandlerDeps {
  retentionDays: number;
}

/** Every part wired from environment variables; tests and the local host swap parts (e.g. `store`). */
export function depsFromEnv(env: Env, overrides: Partial<EnvDeps> = {}): EnvDeps {
  let settings: Settings | undefined;
  let misconfigured: string | undefined;
  try {
    settings = readSettings(env);
  } catch (error) {
    // A bad setting must not crash every cold start: each check answers SERVICE_MISCONFIGURED instead.
    misconfigured = error instanceof Error ? error.message : 'invalid settings';
  }
  return {
    agreementVersion: buildAgreement(operatorSettings).version,
    vendor: settings?.appCode ? createVendorClient({ ...settings, appCode: settings.appCode }) : undefined,
    clock: { now: () => Date.now() },
    newTraceId: () => randomUUID().replace(/-/g, ''),
    log: jsonLogger,
    store: undefined,
    hasher: settings?.hashSecret ? createHasher(settings.hashSecret) : undefined,
    guards: settings?.guards ?? DEFAULT_GUARDS,
    retentionDays: settings?.retentionDays ?? DEFAULT_RETENTION_DAYS,
    ...(misconfigured !== undefined && { misconfigured }),
    ...overrides,
  };
}

/** The handler wired to real parts from environment variables; tests and the local host swap parts. */
export function handlerFromEnv(env: Env, overrides: Partial<EnvDeps> = {}): Handler {
  return createHandler(depsFromEnv(env, overrides));
}

/** Checks from people, and the retention purge for the timer trigger (no caller, Timer event). */
export function entryFromEnv(env: Env, overrides: Partial<EnvDeps> = {}): Entry {
  const deps = depsFromEnv(env, overrides);
  return createEntry(createHandler(deps), createRetentionJob(deps));
}
