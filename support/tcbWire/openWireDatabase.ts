// The cloud database as the function's store code gets it in the cloud, `cloud.database()` of the real
// wx-server-sdk, created in this process against a wire fake: for suites that build the store
// themselves (cloudStore(db)) rather than load the bundle, e.g. race tests over a database factory.
//
//   const opened = await openWireDatabase();        // in beforeAll
//   const db = opened.fresh({ seed, requestJitterMs: 20, replyJitterMs: 20, loseReplyRate: 0.05 });
//   const store = cloudStore(db);                    // a second instance: cloudStore(opened.another())
//   … opened.wire.collections.dump(), opened.wire.journal() …
//   await opened.close();                            // in afterAll; rejects if a request was not imitated
//
// The SDK reads its URL and credentials from process.env on every request, so this sets the cloud's
// variables (cloudEnv.ts) for as long as the database is open: one open database per process (a
// jest test file has its own process.env).
import cloud from 'wx-server-sdk';
import { COLLECTIONS, type DatabaseLike } from '../../cloudfunctions/mobileCheck/src/host';
import { cloudEnv } from './cloudEnv';
import type { WireFaultOptions } from './faults';
import { startTcbWire, type TcbWire, type TcbWireOptions } from './server';

export interface WireDatabase {
  /** cloud.database() of the real SDK, speaking to `wire`. */
  db: DatabaseLike;
  /** Another cloud.database() on the same data, as another function instance opens it. */
  another(): DatabaseLike;
  /** A fresh database on this wire, as a new test wants one: every collection emptied, `faults` (none by default) in force. */
  fresh(faults?: WireFaultOptions): DatabaseLike;
  wire: TcbWire;
  /** Closes the wire and restores process.env; rejects if the wire met a request it does not imitate. */
  close(): Promise<void>;
}

let open = false;

/** `options.collections` defaults to the function's four collections. */
export async function openWireDatabase(options: TcbWireOptions = {}): Promise<WireDatabase> {
  if (open) throw new Error('one wire database per process: the SDK reads its URL from process.env');
  open = true;
  const wire = await startTcbWire({ collections: Object.values(COLLECTIONS), ...options });
  // SILENCE: the SDK's 3-second slow-request warning is a timer it never clears when a reply is lost.
  const variables = { ...cloudEnv(wire), SILENCE: 'true' };
  const saved = Object.fromEntries(Object.keys(variables).map((key) => [key, process.env[key]]));
  Object.assign(process.env, variables);
  // DYNAMIC_CURRENT_ENV is a symbol at run time; the typings only accept strings (as in the function's index.ts).
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const database = () => cloud.database() as unknown as DatabaseLike;
  return {
    db: database(),
    another: database,
    fresh(faults = {}) {
      wire.collections.reset();
      wire.setFaults(faults);
      return database();
    },
    wire,
    async close() {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      open = false;
      await wire.close();
    },
  };
}
