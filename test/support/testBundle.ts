import { buildSync } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFunction } from '../../scripts/build-function';
import { agreementVersion } from './people';

/**
 * The function built with the real build options into a private folder (so suites running in
 * parallel never read a half-written index.js), plus the cloud-database stand-in as plain JS.
 */
export async function buildTestBundle(): Promise<{ bundle: string; standInDatabase: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mobilecheck-bundle-'));
  const { outfile } = await buildFunction({ outfile: path.join(dir, 'index.js') });
  const standInDatabase = path.join(dir, 'fakeCloudDatabase.js');
  buildSync({
    entryPoints: [path.join(__dirname, '../../support/cloudDatabaseStandIn.ts')], outfile: standInDatabase,
    bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning',
  });
  return { bundle: outfile, standInDatabase };
}

/** The consent id placeholder in `callEvents`: replaced by the id the event before it answered. */
export const ANSWERED_CONSENT_ID = '$consentId';

/**
 * A child-process script that calls `main` (a JS expression) with each event of process.env.EVENT
 * (one event, or a list run in order within one process, so one database serves them all) and prints
 * the last answer after `RESULT `. A list can start with `acceptAgreement` and check with its consentId.
 */
export const callEventsScript = (main: string): string => `process.on('unhandledRejection', () => { process.stdout.write('\\nUNHANDLED'); });
  (async () => {
    const main = ${main};
    const events = [].concat(JSON.parse(process.env.EVENT));
    let answer, consentId = '';
    for (const event of events) {
      answer = await main(JSON.parse(JSON.stringify(event).split(${JSON.stringify(ANSWERED_CONSENT_ID)}).join(consentId)), {});
      if (answer && typeof answer.consentId === 'string') consentId = answer.consentId;
    }
    process.stdout.write('\\nRESULT ' + JSON.stringify(answer));
  })();`;

/** `acceptAgreement` for the version in force (the function's providers decide it), then `check` with the consent it answered. */
export const agreedCheck = (check: Record<string, unknown>, version: string = agreementVersion): Record<string, unknown>[] => [
  { action: 'acceptAgreement', agreementVersion: version, separate: { idCard: true, provision: true } },
  { ...check, consent: { consentId: ANSWERED_CONSENT_ID, thisCheck: true } },
];
