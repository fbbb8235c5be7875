// The whole-run leak scan (test/support/captureLeaks*) only proves something if it captures and if it
// recognizes raw data: this suite checks both, and feeds it what it cannot capture on its own — the
// real index.js in a child process, and the bytes of a sqlite file the handler wrote.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { handlerFromEnv } from '../../cloudfunctions/mobileCheck/src/host';
import type { SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { capture } from '../support/captureLeaks';
import { findRawData, redactedExcerpt } from '../support/captureLeaks.scan';
import { checkEvent, idCardNumber, person, versionFor } from '../support/people';
import { agreedCheck, buildTestBundle, callEventsScript } from '../support/testBundle';
import { preAgreed } from '../support/preAgreed';
import { personNumber, sandboxEnv } from '../guards/support';
import { PRIMARIES, SAME_AGREEMENT, startSandbox } from '../support/providers';

const run = promisify(execFile);
describe.each(PRIMARIES)('with %s as the provider', (primary) => {
  let sandbox: SandboxVendor;
  let dir: string;

  beforeAll(async () => {
    sandbox = await startSandbox(primary);
    dir = mkdtempSync(path.join(tmpdir(), 'mobilecheck-dataleak-'));
  });
  afterAll(() => sandbox.close());

  function captured(): { source: string; test: string; text: string }[] {
    const captureDir = process.env.LEAK_CAPTURE_DIR;
    if (!captureDir) throw new Error('no LEAK_CAPTURE_DIR: jest.config.js must give the node project the captureLeaks globalSetup and setup file');
    return readdirSync(captureDir).filter((file) => file.endsWith('.ndjson'))
      .flatMap((file) => readFileSync(path.join(captureDir, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)));
  }

  describe('the whole-run capture', () => {
    test('sees the real JSON logger on the console, and every log line, store write and response of an in-process handler', async () => {
      // No `log` override: the handler prints with jsonLogger, as in the cloud.
      const handle = handlerFromEnv(sandboxEnv(sandbox), { store: preAgreed(openSqliteStore(':memory:')), ...SAME_AGREEMENT });
      const response = await handle(checkEvent(), 'o-dataleak');
      expect(response).toMatchObject({ ok: true, code: '01' });
      const mine = captured().filter((item) => item.test.endsWith('dataLeak.test.ts') && item.text.includes(response.traceId));
      const sources = new Set(mine.map((item) => item.source));
      // (Run in band, jest's console also writes to process.stdout, which is captured as well.)
      expect([...sources].filter((source) => source !== 'stdout').sort()).toEqual(['console', 'log', 'response', 'store']);
      const consoleLine = mine.find((item) => item.source === 'console');
      expect(JSON.parse(consoleLine?.text ?? '{}')).toMatchObject({ event: 'mobileCheck', traceId: response.traceId, outcome: '01' });
    });
  });

  describe('the raw-data scan', () => {
    test('finds fixture names, IDs and mobiles, and generated IDs and mobiles it was never told about', () => {
      const generated = personNumber(4_321);
      const text = JSON.stringify({ a: person.name, b: `x ${person.idCard} y`, c: person.mobile, d: idCardNumber(777), e: generated.mobile, f: '11010519491231002x' });
      expect(findRawData(text).map((finding) => finding.kind).sort()).toEqual(['idCard', 'idCard', 'idCard', 'mobile', 'mobile', 'name']);
    });

    test('lets masked fields, trace ids, hashes and timestamps through', () => {
      const text = JSON.stringify({
        masked: { name: '张*', idCard: '11**************2X', mobile: '138****8000' }, traceId: '01234567890123456789abcdefabcdef',
        hash: `${'1'.repeat(11)}${'a'.repeat(53)}`, at: 1_764_329_412_345, vendorTraceId: 'sandbox_1764329412345_5', latencyMs: 13,
      });
      expect(findRawData(text)).toEqual([]);
    });

    test('prints an excerpt with every raw value masked', () => {
      const text = `name=${person.name} id=${person.idCard} mobile=${person.mobile}`;
      const [finding] = findRawData(text);
      const excerpt = redactedExcerpt(text, finding);
      for (const raw of [person.name, person.idCard, person.mobile]) expect(excerpt).not.toContain(raw);
      expect(excerpt).toContain('<raw idCard 11**************2X>');
    });
  });

  describe('what the in-process capture cannot see', () => {
    test('the built index.js prints log lines and stores documents without raw data', async () => {
      const { bundle, standInDatabase: standIn } = await buildTestBundle();
      const script = `let db;
        process.on('exit', () => process.stdout.write('\\nDUMP ' + JSON.stringify(db.dump()) + '\\n'));
        ${callEventsScript(`require(${JSON.stringify(bundle)}).createMain(() => (db = require(${JSON.stringify(standIn)}).fakeCloudDatabase()))`)}`;
      const env = {
        PATH: process.env.PATH ?? '', EVENT: JSON.stringify(agreedCheck(checkEvent(), versionFor([primary]))), WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o-dataleak-bundle',
        ...sandboxEnv(sandbox), MOBILECHECK_HASH_SECRET: 'dataleak-secret-0123456789abcdef0123',
      } as unknown as NodeJS.ProcessEnv;
      const { stdout } = await run(process.execPath, ['-e', script], { env });
      capture('child', stdout); // and into the whole-run scan
      const response = JSON.parse(stdout.split('\n').find((line) => line.startsWith('RESULT '))?.slice(7) ?? '{}');
      const dump = JSON.parse(stdout.split('\n').find((line) => line.startsWith('DUMP '))?.slice(5) ?? '{}') as Record<string, unknown[]>;
      expect(response).toMatchObject({ ok: true, code: '01' });
      expect(stdout).toContain(`"traceId":"${response.traceId}"`); // its jsonLogger line
      expect(Object.values(dump).flat().length).toBeGreaterThanOrEqual(2); // a consent and a verification at least
      expect(findRawData(stdout).map((finding) => redactedExcerpt(stdout, finding))).toEqual([]);
    }, 60_000);

    test('the bytes of a sqlite file the handler wrote, write-ahead log included, hold no raw data', async () => {
      const file = path.join(dir, 'store.sqlite');
      const store = openSqliteStore(file);
      const handle = handlerFromEnv(sandboxEnv(sandbox), { store: preAgreed(store), log: () => undefined, ...SAME_AGREEMENT });
      const people = [person, personNumber(1), personNumber(2)];
      for (const [i, p] of people.entries()) expect(await handle(checkEvent(p), `o-sqlite-${i}`)).toMatchObject({ ok: true });
      expect(Object.values(store.dump()).flat().length).toBeGreaterThanOrEqual(people.length * 2);
      const bytes = readdirSync(dir).filter((name) => name.startsWith('store.sqlite')).map((name) => readFileSync(path.join(dir, name)).toString('latin1')).join('\n');
      store.close();
      for (const p of people) {
        for (const raw of [p.name, p.idCard, p.mobile]) {
          expect(bytes.includes(Buffer.from(raw, 'utf8').toString('latin1'))).toBe(false);
        }
      }
      expect(findRawData(bytes)).toEqual([]);
    });
  });
});
