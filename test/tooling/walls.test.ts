// The walls `npm test` enforces, shown failing on planted violations: dependency rules
// (.dependency-cruiser.cjs), the domain's own tsconfig (no DOM, no Node), and ESLint's hooks rules.
// Plants go into temporary copies or stdin, never into the working tree.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

/** A temporary tree with the repository's dependency rules and tsconfig, plus the given files. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'walls-'));
  for (const config of ['.dependency-cruiser.cjs', 'tsconfig.json']) copyFileSync(path.join(root, config), path.join(dir, config));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** depcruise run as `npm run depcruise` runs it: its exit status and the violations it prints. */
function cruise(dir: string): { status: number | null; rules: string[] } {
  const run = spawnSync(bin('depcruise'), ['src', 'cloudfunctions', 'local-host', 'support', 'scripts', 'test', '--config', '.dependency-cruiser.cjs'],
    { cwd: dir, encoding: 'utf8' });
  const rules = [...run.stdout.matchAll(/^\s*error (\S+: \S+ → \S+)$/gm)].map((m) => m[1]).sort();
  return { status: run.status, rules };
}

const CLEAN = {
  'src/domain/masking.ts': "import { HAN } from './name';\nexport const mask = (s: string) => HAN + s;\n",
  'src/domain/name.ts': "export const HAN = '张';\n",
  'src/pages/form/index.ts': "import { mask } from '../../domain/masking';\nexport const page = mask('x');\n",
  'cloudfunctions/mobileCheck/src/entry.ts': "import { mask } from '../../../src/domain/masking';\nimport type { Logger } from './ports';\nexport const handle = mask;\nexport type Log = Logger;\n",
  'cloudfunctions/mobileCheck/src/ports.ts': "export type Logger = (line: string) => void;\n",
  'cloudfunctions/mobileCheck/src/log.ts': "import type { Logger } from './ports';\nexport const jsonLogger: Logger = (line) => line;\n",
  'cloudfunctions/mobileCheck/src/store/cloudStore.ts': "import type { Logger } from '../ports';\nexport const store = (log: Logger) => log;\n",
  'cloudfunctions/mobileCheck/src/index.ts': "import { jsonLogger } from './log';\nimport { store } from './store/cloudStore';\nimport { handle } from './entry';\nexport const main = [jsonLogger, store, handle];\n",
  'cloudfunctions/mobileCheck/src/host.ts': "export { handle } from './entry';\nexport { store } from './store/cloudStore';\n",
  'local-host/server.ts': "import { handle } from '../cloudfunctions/mobileCheck/src/host';\nimport { listFiles } from '../support/files';\nexport const serve = [handle, listFiles];\n",
  'scripts/bench.ts': "import { serve } from '../local-host/server';\nimport { listFiles } from '../support/files';\nexport const bench = [serve, listFiles];\n",
  'support/files.ts': "export const listFiles = (dir: string) => [dir];\n",
  'test/support/people.ts': "export const person = '张三';\n",
  'test/guards/policy.test.ts': "import { handle } from '../../cloudfunctions/mobileCheck/src/host';\nexport const t = handle;\n",
};

describe('dependency rules (npm run depcruise)', () => {
  test('pass on a tree whose parts import only what they may', () => {
    expect(cruise(tree(CLEAN))).toEqual({ status: 0, rules: [] });
  }, 30_000);

  test('fail on each planted crossing of a wall, naming the rule', () => {
    const planted = tree({
      ...CLEAN,
      'src/domain/clock.ts': "import { readFileSync } from 'node:fs';\nimport os from 'os';\nexport const f = [readFileSync, os];\n",
      'src/domain/view.ts': "import React from 'react';\nimport Taro from '@tarojs/taro';\nexport const v = [React, Taro];\n",
      'src/domain/helper.ts': "import { page } from '../pages/form/index';\nexport const h = page;\n",
      'src/hooks/useForm.ts': "import { page } from '../pages/form/index';\nexport const useForm = () => page;\n",
      'src/components/Cell.ts': "import { figures } from '../packages/console/pages/index';\nexport const Cell = figures;\n",
      'src/packages/console/pages/index.ts': "export const figures = 1;\n",
      'src/services/client.ts': "import { handle } from '../../cloudfunctions/mobileCheck/src/entry';\nimport { serve } from '../../local-host/server';\nexport const c = [handle, serve];\n",
      'cloudfunctions/mobileCheck/src/compose.ts': "import { page } from '../../../src/pages/form/index';\nimport { serve } from '../../../local-host/server';\nexport const c = [page, serve];\n",
      'scripts/build-for-test.ts': "import { person } from '../test/support/people';\nexport const b = person;\n",
      'local-host/product.ts': "import { handle } from '../cloudfunctions/mobileCheck/src/entry';\nimport { bench } from '../scripts/bench';\nexport const p = [handle, bench];\n",
      'support/stand-in.ts': "import { person } from '../test/support/people';\nimport { serve } from '../local-host/server';\nimport { bench } from '../scripts/bench';\nexport const s = [person, serve, bench];\n",
      'cloudfunctions/mobileCheck/src/policy.ts': "export const DAY_MS = 86_400_000;\n",
      // A named exception reaches its own module, and nothing else but host.ts.
      'test/guards/policy.test.ts': "import { DAY_MS } from '../../cloudfunctions/mobileCheck/src/policy';\nimport { handle } from '../../cloudfunctions/mobileCheck/src/entry';\nexport const t = [DAY_MS, handle];\n",
      // The function's core reaching an adapter instead of its port.
      'cloudfunctions/mobileCheck/src/gate.ts': "import { store } from './store/cloudStore';\nexport const g = store;\n",
      'cloudfunctions/mobileCheck/src/check/present.ts': "import { jsonLogger } from '../log';\nexport const present = jsonLogger;\n",
    });
    const { status, rules } = cruise(planted);
    expect(status).not.toBe(0);
    expect(rules).toEqual([
      'domain-no-runtime: src/domain/clock.ts → fs',
      'domain-no-runtime: src/domain/clock.ts → os',
      'domain-stays-pure: src/domain/view.ts → react',
      'domain-stays-pure: src/domain/view.ts → @tarojs/taro',
      'domain-stays-pure: src/domain/helper.ts → src/pages/form/index.ts',
      'shared-ui-not-pages: src/hooks/useForm.ts → src/pages/form/index.ts',
      'shared-ui-not-pages: src/components/Cell.ts → src/packages/console/pages/index.ts',
      'client-not-server: src/services/client.ts → cloudfunctions/mobileCheck/src/entry.ts',
      'client-not-server: src/services/client.ts → local-host/server.ts',
      'function-not-client: cloudfunctions/mobileCheck/src/compose.ts → src/pages/form/index.ts',
      'function-not-client: cloudfunctions/mobileCheck/src/compose.ts → local-host/server.ts',
      'scripts-not-tests: scripts/build-for-test.ts → test/support/people.ts',
      'function-only-through-host: local-host/product.ts → cloudfunctions/mobileCheck/src/entry.ts',
      'function-only-through-host: test/guards/policy.test.ts → cloudfunctions/mobileCheck/src/entry.ts',
      'local-host-not-scripts: local-host/product.ts → scripts/bench.ts',
      'support-stands-alone: support/stand-in.ts → test/support/people.ts',
      'support-stands-alone: support/stand-in.ts → local-host/server.ts',
      'support-stands-alone: support/stand-in.ts → scripts/bench.ts',
      'function-core-not-adapters: cloudfunctions/mobileCheck/src/gate.ts → cloudfunctions/mobileCheck/src/store/cloudStore.ts',
      'function-core-not-adapters: cloudfunctions/mobileCheck/src/check/present.ts → cloudfunctions/mobileCheck/src/log.ts',
    ].sort());
  }, 30_000);
});

describe('the domain type-checks without DOM or Node (src/domain/tsconfig.json)', () => {
  test('a domain file that reads process.env or window fails to compile', () => {
    const dir = tree({ 'src/domain/clock.ts': 'export const now = () => [process.env.TZ, window.location, Buffer.from("")];\n' });
    copyFileSync(path.join(root, 'src/domain/tsconfig.json'), path.join(dir, 'src/domain/tsconfig.json'));
    const run = spawnSync(bin('tsc'), ['-p', 'src/domain', '--noEmit'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stdout).toMatch(/Cannot find name 'process'/);
    expect(run.stdout).toMatch(/Cannot find name 'window'/);
    expect(run.stdout).toMatch(/Cannot find name 'Buffer'/);
  }, 60_000);
});

describe('lint (npm run lint)', () => {
  const lint = (file: string, text: string) =>
    spawnSync(bin('eslint'), ['--max-warnings', '0', '--stdin', '--stdin-filename', file], { cwd: root, input: text, encoding: 'utf8' });

  test('fails on a hook called conditionally in src/hooks', () => {
    const run = lint('src/hooks/usePlanted.ts', [
      "import { useState } from 'react';",
      'export function usePlanted(flag: boolean): number {',
      '  if (!flag) return 0;',
      '  const [value] = useState(1);',
      '  return value;',
      '}',
    ].join('\n'));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('react-hooks/rules-of-hooks');
  }, 60_000);
});
