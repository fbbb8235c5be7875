import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  handlerFromEnv, hashSecretSetting, type Logger, missingProviderSecret, readSettings, readTokenSettings, unknownSettings,
} from '../cloudfunctions/mobileCheck/src/host';
import { sandboxPhoneExchange } from './sandboxPhoneExchange';
import { PROVIDER_IDS } from '../src/domain';
import type { VendorMode } from '../src/domain/endpoints';
import { startSandboxTencent } from './sandboxTencent';
import { startSandboxVendor, type SandboxVendor } from './sandboxVendor';
import { DEV_OPENID, startLocalHost } from './server';
import { openSqliteStore } from './sqliteStore';

type Env = Record<string, string | undefined>;

const DEFAULT_DATA_DIR = path.resolve(__dirname, '../.data');

/**
 * Sandbox limits generous enough to explore (the cloud's defaults stop a newcomer after 10 checks);
 * each applies only when the environment leaves it unset. Nothing is billed in the sandbox.
 */
export const SANDBOX_DEFAULTS: Readonly<Env> = {
  MOBILECHECK_CALLER_DAILY_LIMIT: '1000',
  MOBILECHECK_MOBILE_DAILY_LIMIT: '20',
  MOBILECHECK_CALLER_IDENTITY_LIMIT: '1000',
  MOBILECHECK_REQUEST_DAILY_LIMIT: '10000',
  MOBILECHECK_ADMIN_OPENIDS: DEV_OPENID,
};

/** A hashing key made once per checkout, so local records stay comparable across restarts. */
function localHashSecret(dataDir: string): string {
  const file = path.join(dataDir, 'hash-secret');
  // base64url: 48 characters from 64 symbols (hex has only 16, and a random hex key often lacks one of
  // them). A key made by an older version that the function now refuses is replaced: it keys only sandbox records.
  const readable = () => {
    try {
      return Boolean(hashSecretSetting(readFileSync(file, 'utf8').trim()));
    } catch {
      return false;
    }
  };
  if (!existsSync(file) || !readable()) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(36).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** The settings that hold a provider's credentials: any of them set means live mode. */
const CREDENTIALS = ['ALIYUN_APPCODE', 'MOBILECHECK_TENCENT_SECRET_ID', 'MOBILECHECK_TENCENT_SECRET_KEY'];

export const isLive = (env: Env): boolean => CREDENTIALS.some((name) => Boolean(env[name]?.trim()));

/** In the sandbox, a mobile ending in this digit finds the first provider down (unbilled), so the next one answers. */
export const PRIMARY_DOWN_DIGIT = '8';
export const dataDirOf = (env: Env): string => env.MOBILECHECK_DATA_DIR ?? DEFAULT_DATA_DIR;

/** Stands for the stand-ins' settings before they run, so settings can be checked first. */
const SANDBOX_PLACEHOLDER: Env = {
  ALIYUN_APPCODE: 'sandbox-appcode', MOBILECHECK_ENDPOINT: 'http://127.0.0.1/mobileCheck',
  MOBILECHECK_TENCENT_SECRET_ID: 'sandbox-id', MOBILECHECK_TENCENT_SECRET_KEY: 'sandbox-key', MOBILECHECK_TENCENT_ENDPOINT: 'http://127.0.0.1/',
};

/** The function's environment on `npm start`: the given one, the local hash key, and in sandbox mode the stand-ins' settings and limits. */
export function functionEnv(env: Env, sandbox?: Env): Env {
  const unsetDefaults = sandbox ? Object.entries(SANDBOX_DEFAULTS).filter(([name]) => !env[name]?.trim()) : [];
  return {
    ...env,
    ...Object.fromEntries(unsetDefaults),
    MOBILECHECK_HASH_SECRET: env.MOBILECHECK_HASH_SECRET?.trim() || localHashSecret(dataDirOf(env)),
    ...sandbox,
  };
}

/** Throws, naming the setting and the fix, when the function would refuse its settings. */
export function checkSettings(env: Env): void {
  const unknown = unknownSettings(env);
  if (unknown.length > 0) {
    throw new Error(`Refusing to start: ${unknown.join(', ')} is not a setting of this function (misspelt?).\nFix: correct or unset it; docs/contract.md ("Settings") lists every setting.`);
  }
  try {
    const settingsEnv = functionEnv(env, isLive(env) ? undefined : SANDBOX_PLACEHOLDER);
    const missing = missingProviderSecret(readSettings(settingsEnv));
    // Live mode with a listed provider's secret missing would answer every check SERVICE_MISCONFIGURED.
    if (missing) throw new Error(`${missing}, but MOBILECHECK_PROVIDERS lists its provider`);
    readTokenSettings(settingsEnv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const name = /\b(ALIYUN_APPCODE|MOBILECHECK_[A-Z_]+)\b/.exec(message)?.[1];
    const fix = /is not set/.test(message) && name
      ? `set ${name}, or take its provider out of MOBILECHECK_PROVIDERS, or unset every credential to run the sandbox`
      : name ? `correct ${name} in the environment, or unset it (unset ${name}) to use its default` : 'correct the setting named above';
    throw new Error(`Refusing to start: ${message}.\nFix: ${fix}; docs/contract.md ("Settings") gives each setting's range.`);
  }
}

export interface ProductOptions {
  /** As process.env: ALIYUN_APPCODE and the MOBILECHECK_* settings; MOBILECHECK_DATA_DIR moves .data/. */
  env: Env;
  port: number;
  staticDir?: string;
  log?: Logger;
}

export interface RunningProduct {
  url: string;
  mode: VendorMode;
  /** Present in sandbox mode: a loopback stand-in for each provider (first listed first), with its record of requests. */
  sandboxes?: SandboxVendor[];
  close(): Promise<void>;
}

/** What `npm start` runs: the h5 build and the real handler, with a sandbox vendor when no appCode is set. */
export async function startProduct(options: ProductOptions): Promise<RunningProduct> {
  checkSettings(options.env);
  const mode: VendorMode = isLive(options.env) ? 'live' : 'sandbox';
  const sandboxes = mode === 'live' ? undefined : await startSandboxes(options.env);
  const sandbox = sandboxes && Object.assign({}, ...sandboxes.map((s) => s.env)) as Env;
  const store = openSqliteStore(path.join(dataDirOf(options.env), 'mobileCheck.sqlite'));
  // WeChat's phone codes can only be exchanged in the cloud; the sandbox takes "sandbox:<11 digits>".
  const functionHandler = handlerFromEnv(functionEnv(options.env, sandbox), {
    store, ...(sandbox && { phone: sandboxPhoneExchange() }), ...(options.log && { log: options.log }),
  });
  // A stand-in that receives digests is told which mobile each stands for, to answer by its last digit.
  const handler: typeof functionHandler = (event, caller) => {
    if (typeof event === 'object' && event !== null) sandboxes?.forEach((s) => s.learn(event));
    return functionHandler(event, caller);
  };
  const closeParts = async () => {
    await Promise.all((sandboxes ?? []).map((s) => s.close()));
    store.close();
  };
  const host = await startLocalHost({ handler, mode, staticDir: options.staticDir ?? path.resolve(__dirname, '../dist-h5'), port: options.port })
    .catch(async (error: unknown) => {
      await closeParts();
      throw error;
    });
  return {
    url: host.url,
    mode,
    sandboxes,
    close: async () => {
      await host.close();
      await closeParts();
    },
  };
}

/** One stand-in per provider, so MOBILECHECK_PROVIDERS can be switched freely; the first listed can be "down". */
async function startSandboxes(env: Env): Promise<SandboxVendor[]> {
  const order = readSettings(functionEnv(env, SANDBOX_PLACEHOLDER)).providers;
  const ids = [...order, ...PROVIDER_IDS.filter((id) => !order.includes(id))];
  return Promise.all(ids.map((id, i) => {
    const options = i === 0 ? { primaryDownDigit: PRIMARY_DOWN_DIGIT } : {};
    return id === 'aliyun-market' ? startSandboxVendor(options) : startSandboxTencent(options);
  }));
}
