import { randomUUID } from 'node:crypto';
import { buildAgreement } from '../../../src/domain';
import { operatorSettings } from '../../../src/operator/settings';
import { createHandler, type Handler, type Parts } from './entry';
import { createHasher } from './hash';
import { jsonLogger } from './log';
import { DEFAULT_GUARDS, DEFAULT_TIMEOUT_MS, DEFAULT_VERIFIED_DAYS, hashSecretSetting, readSettings, unknownSettings, type Settings } from './settings';
import { providersFrom } from './providers/fromSettings';
import { createTokenIssuer, readTokenSettings, type TokenSettings } from './token';

type Env = Record<string, string | undefined>;

// An identical check on another instance finishes within the vendor timeout; this margin covers
// its database writes. Both stay inside the function timeout (docs/deploy.md: timeout + 1.5 s).
const CLAIM_MARGIN_MS = 1_000;
const CLAIM_POLL_MS = 100;
/** The purge stops deleting after this long; the rest waits for the next run. */
const PURGE_BUDGET_MS = 2_500;

/** Every part wired from environment variables; tests and the local host swap parts (e.g. `store`). */
export function partsFromEnv(env: Env, overrides: Partial<Parts> = {}): Parts {
  let settings: Settings | undefined;
  let tokenSettings: TokenSettings | undefined;
  let misconfigured: string | undefined;
  try {
    settings = readSettings(env);
    tokenSettings = readTokenSettings(env);
  } catch (error) {
    // A bad setting must not crash every cold start: each check answers SERVICE_MISCONFIGURED instead.
    misconfigured = error instanceof Error ? error.message : 'invalid settings';
  }
  const chosen = settings && providersFrom(settings);
  // The person's rights actions need only the store and this key, whatever else is unreadable.
  let hashSecret: string | undefined;
  try {
    hashSecret = settings?.hashSecret ?? hashSecretSetting(env.MOBILECHECK_HASH_SECRET?.trim());
  } catch {
    hashSecret = undefined;
  }
  const log = overrides.log ?? jsonLogger;
  // A misspelt name means a setting silently not applied: say so once, at load.
  for (const name of unknownSettings(env)) log({ level: 'warn', event: 'unknownSetting', name });
  return {
    // Built with the retention, phone source and providers this function applies: a setting that differs
    // from what the mini-program shows changes the version, and checks ask for the current agreement.
    agreementVersion: buildAgreement(operatorSettings, {
      retentionDays: settings?.retentionDays ?? operatorSettings.retentionDays,
      phoneSource: settings?.phoneSource ?? 'typed',
      providers: settings?.providers ?? operatorSettings.providers,
    }).version,
    providers: chosen?.providers ?? [],
    ...(chosen?.missing && { providersMissing: chosen.missing }),
    pricesFen: settings?.pricesFen ?? {},
    clock: { now: () => Date.now() },
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    newTraceId: () => randomUUID().replace(/-/g, ''),
    newConsentId: () => randomUUID().replace(/-/g, ''),
    log,
    store: undefined,
    hasher: hashSecret ? createHasher(hashSecret) : undefined,
    guards: settings?.guards ?? DEFAULT_GUARDS,
    retentionDays: settings?.retentionDays ?? operatorSettings.retentionDays,
    tokens: tokenSettings ? createTokenIssuer(tokenSettings) : undefined,
    phoneSource: settings?.phoneSource ?? 'typed',
    phone: undefined,
    adminOpenids: settings?.adminOpenids ?? new Set(),
    verifiedDays: settings?.verifiedDays ?? DEFAULT_VERIFIED_DAYS,
    claimMs: (settings?.timeoutMs ?? DEFAULT_TIMEOUT_MS) + CLAIM_MARGIN_MS,
    pollMs: CLAIM_POLL_MS,
    purgeBudgetMs: PURGE_BUDGET_MS,
    ...(misconfigured !== undefined && { misconfigured }),
    ...overrides,
  };
}

/** The handler wired to real parts from environment variables; tests and the local host swap parts. */
export function handlerFromEnv(env: Env, overrides: Partial<Parts> = {}): Handler {
  return createHandler(partsFromEnv(env, overrides));
}
