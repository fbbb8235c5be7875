// Runs before every test file of the 'node' project (setupFilesAfterEnv). Appends to the run's
// capture directory (made by captureLeaks.setup.ts) everything that could leak personal data:
//  - console output and process.stdout/stderr writes of this test file;
//  - from every in-process handler (createHandler, however its deps were given): each log line, each
//    record handed to the store's write methods, and each response — including the log lines suites
//    keep in arrays through a `log` override, which never reach the console.
// captureLeaks.teardown.ts scans it all after the run. Child processes (the built index.js) write to
// their own stdout, which this cannot see; test/hardening/dataLeak.test.ts feeds one such run in.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import type { Handler, LogLine, Parts } from '../../cloudfunctions/mobileCheck/src/host';

const dir = process.env.LEAK_CAPTURE_DIR;

export type CaptureSource = 'console' | 'stdout' | 'stderr' | 'log' | 'store' | 'response' | 'child';

/** Appends one captured item; a no-op outside a jest run with the capture set up. */
export function capture(source: CaptureSource, text: string): void {
  if (!dir) return;
  const testPath = path.relative(process.cwd(), expect.getState().testPath ?? '?');
  appendFileSync(path.join(dir, `capture-${process.pid}.ndjson`), `${JSON.stringify({ source, test: testPath, text })}\n`);
}

const safeJson = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return format('%o', value);
  }
};

if (dir) {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      capture('console', format(...args));
      original.apply(console, args);
    };
  }
  for (const stream of ['stdout', 'stderr'] as const) {
    const original = process[stream].write;
    const wrapped = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      capture(stream, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    };
    process[stream].write = wrapped as typeof original;
    afterAll(() => { process[stream].write = original; });
  }

  const STORE_WRITES = new Set(['open', 'reserve', 'complete', 'release', 'withdraw', 'addAggregates']);
  jest.mock('../../cloudfunctions/mobileCheck/src/entry', () => {
    const actual = jest.requireActual<typeof import('../../cloudfunctions/mobileCheck/src/entry')>('../../cloudfunctions/mobileCheck/src/entry');
    return {
      ...actual,
      createHandler(deps: Parts): Handler {
        const store = deps.store && new Proxy(deps.store, {
          get(target, key, receiver) {
            const value = Reflect.get(target, key, receiver);
            if (typeof key !== 'string' || !STORE_WRITES.has(key) || typeof value !== 'function') return value;
            return (...args: unknown[]) => {
              capture('store', `${key} ${safeJson(args)}`);
              return value.apply(target, args);
            };
          },
        });
        const handle = actual.createHandler({
          ...deps,
          store,
          log(line: LogLine) {
            capture('log', safeJson(line));
            deps.log(line);
          },
        });
        return async (event, caller) => {
          const response = await handle(event, caller);
          capture('response', safeJson(response));
          return response;
        };
      },
    };
  });
}
