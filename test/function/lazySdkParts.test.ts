import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFunction, lazyModuleSource } from '../../scripts/build-function';

const dir = mkdtempSync(path.join(tmpdir(), 'lazy-parts-'));
const loaded = globalThis as unknown as Record<string, boolean>;

function fixture(name: string, source: string): string {
  const real = path.join(dir, `${name}.js`);
  writeFileSync(real, source);
  const shim = path.join(dir, `${name}.lazy.js`);
  writeFileSync(shim, lazyModuleSource(real));
  return shim;
}

const plainShim = fixture('plain', 'globalThis.plainLoaded = true; module.exports = function plain() { return 1; }; module.exports.extra = 2;');
const compiledShim = fixture('compiled', 'globalThis.compiledLoaded = true; exports.__esModule = true; exports.default = "D"; exports.named = "N";');

describe('a lazily loaded SDK part', () => {
  test('does not load the real module when required, nor when asked whether it is an ES module', () => {
    const shim = require(plainShim);
    expect(shim.__esModule).toBe(true);
    expect(loaded.plainLoaded).toBeUndefined();
  });

  test('loads the real module on first use and gives a plain module as its default export', () => {
    const shim = require(plainShim);
    expect(shim.default()).toBe(1);
    expect(shim.extra).toBe(2);
    expect(loaded.plainLoaded).toBe(true);
  });

  test('passes default and named exports of a compiled ES module through, with `in` and keys', () => {
    const shim = require(compiledShim);
    expect(shim.default).toBe('D');
    expect(shim.named).toBe('N');
    expect('named' in shim).toBe(true);
    expect(Object.keys(shim)).toEqual(expect.arrayContaining(['default', 'named']));
  });
});

describe('wx-server-sdk bundled with the lazy parts', () => {
  test('initialises and offers the same API and database as the SDK itself', async () => {
    const entry = path.join(__dirname, 'fixtures/sdkProbe.ts');
    const bundled = path.join(dir, 'probe.js');
    await buildFunction({ entry, outfile: bundled });
    // The same probe over the SDK as npm installed it.
    const unbundled = path.join(dir, 'probe-unbundled.js');
    buildSync({ entryPoints: [entry], outfile: unbundled, bundle: true, platform: 'node', format: 'cjs', external: ['wx-server-sdk'], logLevel: 'warning' });
    const run = (target: string) => JSON.parse(execFileSync(process.execPath, ['-e', `process.stdout.write(JSON.stringify(require(${JSON.stringify(target)}).probe()))`], {
      timeout: 20_000,
      env: { PATH: process.env.PATH, NODE_PATH: path.resolve(__dirname, '../../node_modules') } as unknown as NodeJS.ProcessEnv,
    }).toString());
    expect(run(bundled)).toMatchObject({ collection: 'function', inc: 'function', uploadFile: 'function' });
    expect(run(bundled)).toEqual(run(unbundled));
  }, 60_000);
});
