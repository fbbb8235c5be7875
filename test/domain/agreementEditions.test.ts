// Every edition ever shown is kept in full: in src/operator/agreementArchive.ts (for the edition viewer
// of 我的核验记录) and in docs/agreements/<version>.md. To (re)write the files after adding an edition:
//   UPDATE_AGREEMENTS=1 npx jest test/domain/agreementEditions.test.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { agreementMarkdown, versionOf } from '../../src/domain';
import { currentTexts, editionText } from '../../src/packages/records/editions';
import { agreementArchive } from '../../src/operator/agreementArchive';
import { agreementEditions } from '../../src/operator/agreementEditions';

const DIR = path.resolve(__dirname, '../../docs/agreements');
const fileOf = (version: string) => path.join(DIR, `${version}.md`);

if (process.env.UPDATE_AGREEMENTS) {
  for (const { version } of agreementEditions) {
    const agreement = editionText(version);
    if (agreement) writeFileSync(fileOf(version), agreementMarkdown(agreement));
  }
}

describe('the kept editions', () => {
  test.each(agreementEditions.map((e) => [e.label, e.version]))('%s has its full text in the app and in docs/agreements/', (_label, version) => {
    const agreement = editionText(version);
    expect(agreement?.version).toBe(version);
    expect(existsSync(fileOf(version))).toBe(true);
    expect(readFileSync(fileOf(version), 'utf8')).toBe(agreementMarkdown(agreement!));
  });

  test('every archived text hashes to its own version: it is exactly what was shown', () => {
    for (const archived of agreementArchive) expect(versionOf(archived)).toBe(archived.version);
  });

  test('the archive holds the earlier editions, and the current texts are built from src/', () => {
    const current = currentTexts().map((a) => a.version);
    const earlier = agreementEditions.map((e) => e.version).filter((v) => !current.includes(v));
    expect(agreementArchive.map((a) => a.version).sort()).toEqual(earlier.sort());
  });

  test('docs/agreements/ holds nothing but the listed editions', () => {
    expect(readdirSync(DIR).sort()).toEqual(agreementEditions.map((e) => `${e.version}.md`).sort());
  });
});
