import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { handlerFromEnv } from '../cloudfunctions/mobileCheck/src/compose';
import type { Logger } from '../cloudfunctions/mobileCheck/src/log';
import { sandboxPhoneExchange } from '../cloudfunctions/mobileCheck/src/phoneNumber/sandboxPhoneExchange';
import { hashSecretSetting, readSettings, unknownSettings } from '../cloudfunctions/mobileCheck/src/settings';
import { readTokenSettings } from '../cloudfunctions/mobileCheck/src/token';
import { startSandboxVendor, type SandboxVendor } from './sandboxVendor';
import { DEV_OPENID, startLocalHost, type Mode } from './server';
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

export const isLive = (env: Env): boolean => Boolean(env.ALIYUN_APPCODE?.trim());
export const dataDirOf = (env: Env): string => env.MOBILECHECK_DATA_DIR ?? DEFAULT_DATA_DIR;

/** Stands for the sandbox vendor's address before it runs, so settings can be checked first. */
const SANDBOX_PLACEHOLDER = { appCode: 'sandbox-appcode', endpoint: 'http://127.0.0.1/mobileCheck' };

/** The function's environment on `npm start`: the given one, the local hash key, and in sandbox mode the sandbox's vendor and limits. */
export function functionEnv(env: Env, sandbox?: { appCode: string; endpoint: string }): Env {
  const unsetDefaults = sandbox ? Object.entries(SANDBOX_DEFAULTS).filter(([name]) => !env[name]?.trim()) : [];
  return {
    ...env,
    ...Object.fromEntries(unsetDefaults),
    MOBILECHECK_HASH_SECRET: env.MOBILECHECK_HASH_SECRET?.trim() || localHashSecret(dataDirOf(env)),
    ...(sandbox && { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint }),
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
    readSettings(settingsEnv);
    readTokenSettings(settingsEnv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const name = /\b(ALIYUN_APPCODE|MOBILECHECK_[A-Z_]+)\b/.exec(message)?.[1];
    const fix = name ? `correct ${name} in the environment, or unset it (unset ${name}) to use its default` : 'correct the setting named above';
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
  mode: Mode;
  /** Present in sandbox mode: the local vendor, with its record of requests. */
  sandbox?: SandboxVendor;
  close(): Promise<void>;
}

/** What `npm start` runs: the h5 build and the real handler, with a sandbox vendor when no appCode is set. */
export async function startProduct(options: ProductOptions): Promise<RunningProduct> {
  checkSettings(options.env);
  const mode: Mode = isLive(options.env) ? 'live' : 'sandbox';
  const sandbox = mode === 'live' ? undefined : await startSandboxVendor();
  const store = openSqliteStore(path.join(dataDirOf(options.env), 'mobileCheck.sqlite'));
  // WeChat's phone codes can only be exchanged in the cloud; the sandbox takes "sandbox:<11 digits>".
  const handler = handlerFromEnv(functionEnv(options.env, sandbox), {
    store, ...(sandbox && { phone: sandboxPhoneExchange() }), ...(options.log && { log: options.log }),
  });
  const closeParts = async () => {
    await sandbox?.close();
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
    sandbox,
    close: async () => {
      await host.close();
      await closeParts();
    },
  };
}
