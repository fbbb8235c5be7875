// What the h5 first page loads, found as `npm run bench` measures it: code that only later pages or
// browsers without fetch need stays out of it (the first-page goal in README).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { measureH5FirstPage } from '../../scripts/bench/h5FirstPage';
import { listFiles } from '../../support/files';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(file, 'utf8');

// One string each that survives minification.
const TARO_DIALOGS = 'taro__modal';
const LEFT_OUT: Record<string, string> = {
  'whatwg-fetch': "Failed to construct 'Response'",
  'abortcontroller-polyfill/dist/abortcontroller-polyfill-only': '__FORCE_INSTALL_ABORTCONTROLLER_POLYFILL',
  'jsonp-retry': 'Param url is needed!',
};

let firstPageFiles: string[];
/** The first page's files that contain `text` (names only: a failure prints no minified chunk). */
const loading = (text: string) => firstPageFiles.filter((file) => read(file).includes(text)).map((file) => path.relative(root, file));

beforeAll(async () => {
  const { scripts } = await measureH5FirstPage();
  firstPageFiles = scripts.map((script) => path.join(root, 'dist-h5', script.path));
}, 60_000);

describe('the h5 first page', () => {
  test('loads the agreement it shows', () => {
    expect(loading('个人信息授权书')).not.toEqual([]);
  });

  test("loads none of Taro's dialogs: only the pages that ask before deleting load them", () => {
    const withDialogs = listFiles(path.join(root, 'dist-h5/js')).filter((file) => file.endsWith('.js') && read(file).includes(TARO_DIALOGS));
    expect(withDialogs.length).toBeGreaterThan(0);
    expect(loading(TARO_DIALOGS)).toEqual([]);
  });

  test.each(Object.keys(LEFT_OUT))('loads no %s: the browser has its own fetch, and no call uses JSONP', (name) => {
    expect(read(require.resolve(name, { paths: [root] }))).toContain(LEFT_OUT[name]);
    expect(loading(LEFT_OUT[name])).toEqual([]);
  });
});
