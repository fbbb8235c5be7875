// The documents a newcomer reads stay true to the code: the README names the local endpoints and
// how to reset the sandbox, docs/contract.md names every setting, code and action, and nothing in
// the repository cites a file outside it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../support/files';
import { ACTIONS, ERROR_CODES } from '../../src/domain';
import { H5_FUNCTION_URL, H5_STATUS_URL } from '../../src/domain/endpoints';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const readme = read('README.md');
const contract = read('docs/contract.md');

describe('README', () => {
  test('names the local endpoints the h5 page calls', () => {
    expect(readme).toContain(`POST ${H5_FUNCTION_URL}`);
    expect(readme).toContain(`GET ${H5_STATUS_URL}`);
  });

  test('says the MOBILECHECK_* settings apply to npm start and how to reset the sandbox', () => {
    expect(readme).toMatch(/`MOBILECHECK_\*` settings[\s\S]{0,80}apply to `npm start` too/);
    expect(readme).toMatch(/reset the sandbox's records and limit counters, stop it and delete `\.data\/`/);
  });

  test('points at docs/contract.md for the contract', () => {
    expect(readme).toContain('](docs/contract.md)');
  });
});

describe('docs/contract.md', () => {
  test('lists every setting the function reads, in its settings table', () => {
    const sources = ['cloudfunctions/mobileCheck/src/settings.ts', 'cloudfunctions/mobileCheck/src/token/tokenSettings.ts'];
    const names = new Set(sources.flatMap((file) => read(file).match(/\b(ALIYUN_APPCODE|MOBILECHECK_[A-Z_]+)\b/g) ?? []));
    const settingsSection = contract.slice(contract.indexOf('## Settings'), contract.indexOf('## Retention'));
    expect(names.size).toBeGreaterThan(5);
    for (const name of names) expect(settingsSection).toContain(`| \`${name}\` |`);
  });

  test.each(ERROR_CODES)('explains the refusal code %s', (code) => {
    expect(contract).toMatch(new RegExp(`^\\|.*\`${code}\`.*\\|$`, 'm'));
  });

  test.each(ACTIONS)('explains the action %s', (action) => {
    expect(contract).toContain(`\`"${action}"\``);
  });

  test('names both local endpoints', () => {
    expect(contract).toContain(`POST ${H5_FUNCTION_URL}`);
    expect(contract).toContain(`GET ${H5_STATUS_URL}`);
  });
});

test('no file of the repository cites the design outside it (../shared)', () => {
  const files = ['src', 'cloudfunctions/mobileCheck/src', 'local-host', 'support', 'scripts', 'test', 'docs', 'config', 'README.md']
    .flatMap((dir) => listFiles(path.join(root, dir)))
    .filter((file) => /\.(ts|tsx|js|md|json)$/.test(file) && file !== __filename);
  const citing = files.filter((file) => /shared\/design\.md|\.\.\/shared\//.test(readFileSync(file, 'utf8')));
  expect(citing.map((file) => path.relative(root, file))).toEqual([]);
});
