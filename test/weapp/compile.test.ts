// The weapp build checked with WeChat's own compilers (wcc for WXML, wcsc for WXSS) from the
// miniprogram-compiler package, plus the shape and size rules of a mini-program main package.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, listFiles, requireFreshDist, ROOT } from './dist';

const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;

let bin: { wcc: string; wcsc: string };

beforeAll(() => {
  requireFreshDist();
  // The package ships the Linux binaries without the execute bit: run copies.
  const source = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json', { paths: [ROOT] })), 'bin', 'linux');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-'));
  bin = { wcc: path.join(dir, 'wcc'), wcsc: path.join(dir, 'wcsc') };
  for (const name of ['wcc', 'wcsc'] as const) {
    fs.copyFileSync(path.join(source, name), bin[name]);
    fs.chmodSync(bin[name], 0o755);
  }
});

const rel = (file: string, root = DIST) => path.relative(root, file).split(path.sep).join('/');

/** Runs wcc the way miniprogram-compiler does: every .wxml, custom components declared per page. */
function wcc(root: string) {
  const wxml = listFiles(root, '.wxml').map((f) => rel(f, root));
  const wxs = listFiles(root, '.wxs').map((f) => rel(f, root));
  const components: string[] = [];
  let count = 0;
  for (const file of wxml) {
    const json = path.join(root, file.replace(/\.wxml$/, '.json'));
    const using = fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, 'utf8')).usingComponents ?? {}) : {};
    const names = Object.keys(using);
    if (names.length) {
      components.push(file, String(names.length), ...names);
      count += 1;
    }
  }
  const args = ['-d', '-cc', [count, ...components].join(' '), ...wxml, ...wxs, '-gn', '$gwx'];
  return spawnSync(bin.wcc, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
}

function wcsc(root: string, file: string) {
  return spawnSync(bin.wcsc, ['-db', '-pc', '0', rel(file, root)], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
}

describe('weapp build: WeChat compilers', () => {
  test('compiles every .wxml in dist/ with wcc without errors', () => {
    const result = wcc(DIST);
    expect({ status: result.status, stderr: result.stderr.toString() }).toEqual({ status: 0, stderr: '' });
    expect(result.stdout.toString()).toContain('$gwx');
  });

  test('reports broken markup, so the check above can fail', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxml-'));
    fs.writeFileSync(path.join(dir, 'broken.wxml'), '<view><text>未闭合</view>\n');
    const result = wcc(dir);
    expect(result.status).not.toBe(0);
    expect(result.stdout.toString() + result.stderr.toString()).toContain("expect end-tag `text`");
  });

  test('compiles every .wxss in dist/ with wcsc without errors', () => {
    const files = listFiles(DIST, '.wxss');
    expect(files.map((f) => rel(f))).toContain('app.wxss');
    for (const file of files) {
      const result = wcsc(DIST, file);
      expect({ file: rel(file), status: result.status, stderr: result.stderr.toString() }).toEqual({ file: rel(file), status: 0, stderr: '' });
    }
  });

  test('reports broken styles, so the check above can fail', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxss-'));
    const file = path.join(dir, 'broken.wxss');
    fs.writeFileSync(file, '.a { color: red;\n');
    expect(wcsc(dir, file).status).not.toBe(0);
  });
});

describe('weapp build: package', () => {
  type AppJson = { pages: string[]; subPackages?: { root: string; pages: string[] }[] };
  const appJson = () => JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson;
  const everyPage = () => [...appJson().pages, ...(appJson().subPackages ?? []).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];

  test('opens on the home page (status on launch), then lists the agreement, form and result in the main package', () => {
    expect(appJson().pages).toEqual(['pages/home/index', 'pages/agreement/index', 'pages/form/index', 'pages/result/index']);
  });

  test('keeps 我的核验记录 and the operators\' console in subpackages, loaded only when opened', () => {
    expect(appJson().subPackages).toEqual([{ root: 'packages/records', pages: ['pages/index', 'pages/edition'] }, { root: 'packages/console', pages: ['pages/index'] }]);
  });

  test('has the script, template and settings of every page, subpackages included', () => {
    for (const page of everyPage()) {
      for (const ext of ['.js', '.wxml', '.json']) expect(fs.existsSync(path.join(DIST, page + ext))).toBe(true);
      const config = JSON.parse(fs.readFileSync(path.join(DIST, `${page}.json`), 'utf8'));
      expect(config.navigationBarTitleText).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('follows WeChat\'s dark mode: darkmode on, window colours from a theme.json that the build put in dist/', () => {
    const app = appJson() as AppJson & { window: Record<string, string> };
    expect(app).toMatchObject({ darkmode: true, themeLocation: 'theme.json' });
    const theme = JSON.parse(fs.readFileSync(path.join(DIST, 'theme.json'), 'utf8')) as Record<string, Record<string, string>>;
    for (const value of Object.values(app.window)) {
      if (value.startsWith('@')) for (const scheme of ['light', 'dark']) expect(theme[scheme]).toHaveProperty(value.slice(1));
    }
    expect(theme.dark.navBgColor).not.toBe(theme.light.navBgColor);
  });

  test('binds aria-label and aria-role on inputs, and aria-live on views, in base.wxml (Taro lists no aria-* of its own)', () => {
    const base = fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8');
    const input = base.match(/<input [^>]*>/)?.[0] ?? '';
    expect(input).toMatch(/ aria-label="\{\{i\.\w+\}\}"/);
    expect(input).toMatch(/ aria-role="\{\{i\.\w+\}\}"/);
    expect(base).toMatch(/<view [^>]* aria-live="\{\{i\.\w+\}\}"/);
  });

  test('stays under the 2 MB main-package limit', () => {
    const total = listFiles(DIST).reduce((sum, f) => sum + fs.statSync(f).size, 0);
    console.log(`weapp dist/ main package: ${total} bytes`);
    expect(total).toBeLessThan(MAIN_PACKAGE_LIMIT);
  });

  test('ships the Chinese texts as UTF-8 characters, half the bytes of \\u escapes', () => {
    const main = listFiles(DIST, '.js').filter((file) => !rel(file).startsWith('packages/')).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    expect({ plain: main.includes('个人信息授权书'), escaped: /\\u4e2a\\u4eba/i.test(main) }).toEqual({ plain: true, escaped: false }); // 个人
  });

  test('ships no secret, no local-host identity header and no local-host call', () => {
    for (const file of listFiles(DIST, '.js')) {
      const code = fs.readFileSync(file, 'utf8');
      expect({ file: rel(file), appcode: /ALIYUN_APPCODE|APPCODE |MOBILECHECK_HASH_SECRET/.test(code), openidHeader: code.includes('x-wx-openid'), status: code.includes('/api/status') }).toEqual({
        file: rel(file),
        appcode: false,
        openidHeader: false,
        status: false,
      });
    }
  });
});
