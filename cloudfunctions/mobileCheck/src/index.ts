import cloud from 'wx-server-sdk';
import { partsFromEnv } from './compose';
import { createEntry, createHandler, type Entry } from './entry';
import { createRetentionJob } from './retention';
import type { DatabaseLike } from './store/cloudDatabase';
import { cloudStore } from './store/cloudStore';
import { lazyStore } from './store/lazy';
import { cloudPhoneExchange, type PhoneNumberOpenApi } from './phoneNumber';

type Main = (event: unknown) => ReturnType<Entry>;

/**
 * The entry over a given database. The cloud uses `main` below; tests of this built file pass a
 * stand-in database, since cloud.database() only works inside the cloud. The database is opened on
 * first use, so loading index.js makes no network call.
 */
export function createMain(openDatabase: () => DatabaseLike, env: Record<string, string | undefined> = process.env): Main {
  const parts = partsFromEnv(env, {
    store: lazyStore(() => cloudStore(openDatabase())),
    // cloud.openapi needs no init of its own; the call runs with this function's permissions (config.json).
    phone: cloudPhoneExchange(cloud.openapi as unknown as PhoneNumberOpenApi),
  });
  // Checks and actions from people; the retention purge for the timer trigger (no caller, Timer event).
  const entry = createEntry(createHandler(parts), createRetentionJob(parts));
  // The caller comes from the platform (empty for timer triggers), never from the event.
  return (event) => entry(event, cloud.getWXContext().OPENID || undefined);
}

/** The cloud database, initialised on first use: refusals before the store never pay for init. */
function openCloudDatabase(): DatabaseLike {
  // DYNAMIC_CURRENT_ENV is a symbol at run time; the typings only accept strings.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  return cloud.database();
}

/** WeChat calls this for every `callFunction` and for the retention timer trigger in config.json. */
export const main: Main = createMain(openCloudDatabase);
