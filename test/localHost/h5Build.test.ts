import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureH5Build, h5BuildIsFresh, h5Fingerprint } from '../../local-host/h5Build';

/** A stand-in repository with the h5 build's inputs; `build` writes dist-h5/ as Taro would. */
function project() {
  const root = mkdtempSync(path.join(tmpdir(), 'h5-fresh-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('src/pages/form/index.tsx', 'export default 1;');
  write('config/index.ts', 'export default {};');
  write('package-lock.json', '{"lockfileVersion":3}');
  const builds: number[] = [];
  const build = () => {
    builds.push(builds.length + 1);
    write('dist-h5/index.html', '<!doctype html>');
  };
  return { root, write, builds, start: (env: Record<string, string> = {}) => ensureH5Build(root, env, build) };
}

describe('npm start reuses an up-to-date h5 build', () => {
  test('the first start builds; a second start with no changes does not', () => {
    const p = project();
    expect(p.start()).toBe(true);
    expect(p.start()).toBe(false);
    expect(p.builds).toHaveLength(1);
  });

  test.each([
    ['a page source', 'src/pages/form/index.tsx'],
    ['a new source file', 'src/components/New.tsx'],
    ['the Taro config', 'config/index.ts'],
    ['the lock file', 'package-lock.json'],
    ['an .env file', '.env'],
  ])('a change to %s rebuilds', (_what, file) => {
    const p = project();
    p.start();
    p.write(file, 'changed');
    expect(p.start()).toBe(true);
    expect(p.builds).toHaveLength(2);
  });

  test('a changed TARO_APP_ variable rebuilds (the build inlines it); other variables do not', () => {
    const p = project();
    p.start({ TARO_APP_CLOUD_ENV: 'a' });
    expect(p.start({ TARO_APP_CLOUD_ENV: 'a', PORT: '1' })).toBe(false);
    expect(p.start({ TARO_APP_CLOUD_ENV: 'b' })).toBe(true);
  });

  test('a deleted dist-h5/ rebuilds even when the stamp matches', () => {
    const p = project();
    p.start();
    rmSync(path.join(p.root, 'dist-h5'), { recursive: true });
    expect(h5BuildIsFresh(p.root, h5Fingerprint(p.root, {}))).toBe(false);
    expect(p.start()).toBe(true);
  });

  test('a failed build leaves no stamp, so the next start builds again', () => {
    const p = project();
    p.start();
    p.write('src/pages/form/index.tsx', 'broken');
    expect(() => ensureH5Build(p.root, {}, () => { throw new Error('build failed'); })).toThrow('build failed');
    expect(p.start()).toBe(true);
  });

  test('files under node_modules never count as sources', () => {
    const p = project();
    p.start();
    p.write('src/node_modules/x/index.js', 'noise');
    expect(p.start()).toBe(false);
  });
});
