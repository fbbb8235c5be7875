// The function over a database reached through an unreliable network: the stand-in adds a seeded
// random 0–20 ms before each request is applied and before each reply arrives (so requests sent
// together are applied in either order), and in some cases loses replies after applying the write.
// Each test is one row of issue 16's table, which today's main failed; every failure names its seed.
import type { CheckResponse } from '../../src/domain';
import type { LogLine } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import type { NetworkOptions } from '../../support/cloudDatabaseStandIn';
import { agreementVersion, checkEvent } from '../support/people';
import { countOf, eventFor, harness, MANY_PEOPLE, openCloud, type Harness } from './support';

const SEED = Number(process.env.NETWORK_SEED ?? 16);
let sandbox: SandboxVendor;
beforeAll(async () => {
  sandbox = await startSandboxVendor({ latencyMs: 5 });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  sandbox.received.length = 0;
});

/** `instances` function instances over one unreliable database. */
function cloudOverNetwork(network: Partial<NetworkOptions> = {}, instances = 1, env: Record<string, string> = {}) {
  const opened = openCloud(undefined, { seed: SEED, maxDelayMs: 20, ...network });
  const harnesses = Array.from({ length: instances }, (_unused, i) => harness(sandbox, i === 0 ? opened.store : opened.another(), env));
  const errorLines = () => harnesses.flatMap((h) => h.lines).filter((line: LogLine) => line.level === 'error');
  return { opened, harnesses, errorLines, seed: `network seed ${SEED}` };
}

const codes = (responses: { code?: string }[]) => responses.map((r) => r.code ?? 'ok');

test(`a new caller's first two requests at once (status + myRecords) are both answered, for 60 callers; nobody is locked out (seed ${SEED})`, async () => {
  const { harnesses: [h], seed } = cloudOverNetwork();
  const callers = Array.from({ length: 60 }, (_unused, i) => `o-launch-${i}`);
  const first = (await Promise.all(callers.map((c) => Promise.all([h.act({ action: 'status' }, c), h.act({ action: 'myRecords' }, c)])))).flat();
  expect({ seed, refused: first.filter((r) => !r.ok).map((r) => r.code) }).toEqual({ seed, refused: [] });
  const rights = await Promise.all(callers.map((c) => h.act({ action: 'withdrawConsent' }, c)));
  expect({ seed, refused: rights.filter((r) => !r.ok).length }).toEqual({ seed, refused: 0 });
});

test.each([['a budget of 100', { MOBILECHECK_DAILY_BUDGET: '100' }], ['no budget', {}]])(
  `the day's first 4 checks on 2 instances with %s are never BUDGET_EXHAUSTED, and raise no error line (20 days, seed ${SEED})`,
  async (_what, env) => {
    const answers: CheckResponse[] = [];
    const errors: LogLine[] = [];
    for (let day = 0; day < 10; day += 1) {
      const { harnesses, errorLines } = cloudOverNetwork({ seed: SEED + day }, 2, env);
      answers.push(...(await Promise.all([0, 1, 2, 3].map((i) => harnesses[i % 2].check(eventFor(i), `o-day-${i}`)))));
      errors.push(...errorLines());
    }
    expect({ seed: SEED, codes: codes(answers).filter((c) => c !== '01') }).toEqual({ seed: SEED, codes: [] });
    expect({ seed: SEED, errors }).toEqual({ seed: SEED, errors: [] });
  },
);

test(`a caller's first check racing their withdrawConsent: every withdrawal is answered ok and stays in force (40 callers, seed ${SEED})`, async () => {
  const { harnesses: [h], seed } = cloudOverNetwork();
  const callers = Array.from({ length: 40 }, (_unused, i) => `o-withdraw-${i}`);
  const raced = await Promise.all(callers.map((c, i) => Promise.all([h.check(eventFor(i), c), h.act({ action: 'withdrawConsent' }, c)])));
  expect({ seed, refused: raced.filter(([, w]) => !w.ok).map(([, w]) => ('code' in w ? w.code : 'refused')) }).toEqual({ seed, refused: [] });
  const billedBefore = sandbox.received.length;
  // The old consent again, with a new mobile (no cached answer): refused, and no vendor call.
  const later = await Promise.all(callers.map((c, i) => h.check(eventFor(i, { mobile: `1370000${String(i).padStart(4, '0')}` }), c)));
  expect({ seed, codes: codes(later).filter((c) => c !== 'CONSENT_REQUIRED') }).toEqual({ seed, codes: [] });
  expect(sandbox.received.length).toBe(billedBefore);
  // And every consent of theirs, including one the racing check wrote, says withdrawn.
  const own = await Promise.all(callers.map((c) => h.act({ action: 'myRecords' }, c)));
  const unwithdrawn = own.flatMap((r) => ('consents' in r ? r.consents : [])).filter((c) => c.withdrawnAt === undefined);
  expect({ seed, unwithdrawn }).toEqual({ seed, unwithdrawn: [] });
});

test(`lost replies of every third add invent no refusal, and a check never waits on its own claim (90 requests, seed ${SEED})`, async () => {
  const { harnesses: [h], errorLines, seed } = cloudOverNetwork({ loseReplies: { calls: /\.collection\.add$/, every: 3 } }, 1, { MOBILECHECK_DAILY_BUDGET: '1000' });
  const responses = await Promise.all(Array.from({ length: 90 }, (_unused, i) => h.check(eventFor(i % 45), `o-lost-${i % 45}`)));
  expect({ seed, codes: codes(responses).filter((c) => c !== '01') }).toEqual({ seed, codes: [] });
  expect(sandbox.received).toHaveLength(45);
  expect({ seed, errors: errorLines() }).toEqual({ seed, errors: [] });
});

test(`40 checks of one caller at once on 5 instances end in the caller's limit, never INTERNAL and never an error line (seed ${SEED})`, async () => {
  const { harnesses, errorLines, seed } = cloudOverNetwork({}, 5, { MOBILECHECK_CALLER_DAILY_LIMIT: '10', ...MANY_PEOPLE });
  const responses = await Promise.all(Array.from({ length: 40 }, (_unused, i) => harnesses[i % 5].check(eventFor(i), 'o-burst')));
  expect({ seed, codes: [...new Set(codes(responses))].sort() }).toEqual({ seed, codes: ['01', 'RATE_LIMITED'] });
  expect(sandbox.received.length).toBeLessThanOrEqual(10);
  expect(countOf(responses, (r) => r.ok)).toBe(sandbox.received.length);
  expect({ seed, errors: errorLines() }).toEqual({ seed, errors: [] });
});

test(`deleteMyRecords while the caller's check is in flight: the record does not come back (seed ${SEED})`, async () => {
  const slow = await startSandboxVendor({ latencyMs: 60 });
  try {
    const opened = openCloud(undefined, { seed: SEED, maxDelayMs: 20 });
    const h: Harness = harness(slow, opened.store);
    const checking = h.check(checkEvent(), 'o-delete');
    while (slow.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    expect(await h.act({ action: 'deleteMyRecords' }, 'o-delete')).toMatchObject({ ok: true });
    expect(await checking).toMatchObject({ ok: true, code: '01' });
    expect(await h.act({ action: 'myRecords' }, 'o-delete')).toMatchObject({ ok: true, records: [], consents: [] });
    expect(await h.act({ action: 'status' }, 'o-delete')).toMatchObject({ ok: true, verified: false });
    // The consent went with the records: the person agrees again. Nor does a cached answer come
    // back: the same check again is a new check (and a new consent).
    expect(await h.check(checkEvent(), 'o-delete')).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED' });
    const { consentId } = (await h.act({ action: 'acceptAgreement', agreementVersion, separate: { idCard: true, provision: true } }, 'o-delete')) as { consentId: string };
    expect(await h.check(checkEvent({ consent: { consentId, thisCheck: true } }), 'o-delete')).toMatchObject({ ok: true, cached: false });
  } finally {
    await slow.close();
  }
});
