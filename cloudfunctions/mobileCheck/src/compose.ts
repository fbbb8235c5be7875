import { randomUUID } from 'node:crypto';
import { buildAgreement } from '../../../src/domain';
import { operatorSettings } from '../../../src/settings/operator';
import { createHandler, type Handler, type HandlerDeps } from './handler';
import { jsonLogger } from './log';
import { readSettings } from './settings';
import { createVendorClient, unconfiguredVendor, type VendorClient } from './vendor/client';
import { VendorError } from './vendor/VendorError';

type Env = Record<string, string | undefined>;

function vendorFromEnv(env: Env): VendorClient {
  let settings;
  try {
    settings = readSettings(env);
  } catch (error) {
    // A bad setting must not crash every cold start: each check answers SERVICE_MISCONFIGURED instead.
    const detail = error instanceof Error ? error.message : 'invalid settings';
    return { check: () => Promise.reject(new VendorError('SERVICE_MISCONFIGURED', { billing: 'not-billed', detail })) };
  }
  if (!settings.appCode) return unconfiguredVendor;
  return createVendorClient({ ...settings, appCode: settings.appCode });
}

/** The handler wired to real parts from environment variables; tests and the local host swap parts. */
export function handlerFromEnv(env: Env, overrides: Partial<HandlerDeps> = {}): Handler {
  return createHandler({
    agreementVersion: buildAgreement(operatorSettings).version,
    vendor: vendorFromEnv(env),
    clock: { now: () => Date.now() },
    newTraceId: () => randomUUID().replace(/-/g, ''),
    log: jsonLogger,
    ...overrides,
  });
}
