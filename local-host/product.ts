import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { handlerFromEnv } from '../cloudfunctions/mobileCheck/src/compose';
import type { Logger } from '../cloudfunctions/mobileCheck/src/log';
import { startSandboxVendor, type SandboxVendor } from './sandboxVendor';
import { startLocalHost, type Mode } from './server';
import { openSqliteStore } from './sqliteStore';

const DEFAULT_DATA_DIR = path.resolve(__dirname, '../.data');

/** A hashing key made once per checkout, so local records stay comparable across restarts. */
function localHashSecret(dataDir: string): string {
  const file = path.join(dataDir, 'hash-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export interface ProductOptions {
  /** As process.env: ALIYUN_APPCODE and the MOBILECHECK_* settings; MOBILECHECK_DATA_DIR moves .data/. */
  env: Record<string, string | undefined>;
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
  const live = Boolean(options.env.ALIYUN_APPCODE?.trim());
  const sandbox = live ? undefined : await startSandboxVendor();
  const dataDir = options.env.MOBILECHECK_DATA_DIR ?? DEFAULT_DATA_DIR;
  const env = {
    ...options.env,
    MOBILECHECK_HASH_SECRET: options.env.MOBILECHECK_HASH_SECRET ?? localHashSecret(dataDir),
    ...(sandbox && { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint }),
  };
  const store = openSqliteStore(path.join(dataDir, 'mobileCheck.sqlite'));
  const mode: Mode = live ? 'live' : 'sandbox';
  const host = await startLocalHost({
    handler: handlerFromEnv(env, { store, ...(options.log && { log: options.log }) }),
    mode,
    staticDir: options.staticDir ?? path.resolve(__dirname, '../dist-h5'),
    port: options.port,
  });
  return {
    url: host.url,
    mode,
    sandbox,
    close: async () => {
      await Promise.all([host.close(), sandbox?.close()]);
      store.close();
    },
  };
}
