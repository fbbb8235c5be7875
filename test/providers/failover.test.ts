// Failover through the real handler and both loopback stand-ins: the next provider is asked only
// when the previous one certainly did not bill, at most once each, and the check counts once.
import { createServer } from 'node:net';
import {
  type CheckLogLine, handlerFromEnv, type LogLine, type VerificationRecord,
} from '../../cloudfunctions/mobileCheck/src/host';
import type { SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore } from '../../local-host/sqliteStore';
import type { CheckResponse, ProviderId, StatsAnswer } from '../../src/domain';
import { agreementVersion, checkEvent, mobileEndingIn, person, versionFor } from '../support/people';
import { ENDPOINT_SETTING, startSandbox } from '../support/providers';
import { eventFor, harness, openCloud, type OpenedStore } from '../guards/support';

const ADMIN = 'o-failover-admin';

/** A port nobody listens on: the connection is refused before anything is sent. */
async function refusingUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/`;
}

const ORDERS: [ProviderId, ProviderId][] = [['aliyun-market', 'tencent-faceid'], ['tencent-faceid', 'aliyun-market']];

describe.each(ORDERS)('with %s first and %s second', (first, second) => {
  let primary: SandboxVendor;
  let secondary: SandboxVendor;
  let opened: OpenedStore;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    primary = await startSandbox(first, { slowMs: 2_000 });
    secondary = await startSandbox(second);
  });
  afterAll(async () => {
    await primary.close();
    await secondary.close();
  });
  beforeEach(() => {
    opened = openCloud();
    lines.length = 0;
    for (const sandbox of [primary, secondary]) {
      sandbox.received.length = 0;
      sandbox.setFault(undefined);
    }
  });

  /** One function instance over `store` with both providers; `primaryDown` points the first at a closed port. */
  async function instance(options: { primaryDown?: boolean; env?: Record<string, string>; store?: OpenedStore['store'] } = {}) {
    const env = {
      ...secondary.env, MOBILECHECK_PROVIDERS: `${first},${second}`, MOBILECHECK_ADMIN_OPENIDS: ADMIN, MOBILECHECK_TIMEOUT_MS: '500',
      ...(options.primaryDown && { [ENDPOINT_SETTING[first]]: await refusingUrl() }),
      ...options.env,
    };
    const running = harness(primary, options.store ?? opened.store, env, { log: (line: LogLine) => lines.push(line) });
    return {
      ...running,
      check: (event: Record<string, unknown>, caller: string): Promise<CheckResponse> => {
        secondary.learn(event);
        return running.check(event, caller);
      },
    };
  }
  const verifications = () => opened.rows().filter((row): row is VerificationRecord & { kind?: string } => typeof row === 'object' && row !== null && 'outcome' in row && 'billing' in row);
  const checkLines = () => lines.filter((line): line is CheckLogLine => line.event === 'mobileCheck' && line.action === undefined);

  test('a primary that refuses the connection: the secondary answers, one billed call, its provider recorded and counted', async () => {
    const running = await instance({ primaryDown: true });
    const response = await running.check(checkEvent(), 'o-refused');
    expect(response).toMatchObject({ ok: true, code: '01', provider: second, cached: false });
    expect(secondary.received).toHaveLength(1);
    expect(secondary.billed()).toBe(1);
    expect(verifications()).toEqual([expect.objectContaining({ outcome: '01', provider: second, billing: 'billed' })]);
    expect(checkLines().at(-1)).toMatchObject({ provider: second, providerCalls: 2, billing: 'billed' });
    const stats = (await running.stats(ADMIN)) as StatsAnswer;
    expect(stats.days[0]).toMatchObject({
      requests: 1, vendorCalls: 2, billed: 1, maybeBilled: 0, outcomes: { '01': 1 },
      byProvider: { [first]: { vendorCalls: 1, billed: 0 }, [second]: { vendorCalls: 1, billed: 1 } },
    });
    expect(stats.budget.usedToday).toBe(1);
  });

  test('a primary out of service and unbilled (its own "busy" or gateway refusal): the secondary answers', async () => {
    const running = await instance();
    primary.setFault('gatewayError');
    expect(await running.check(checkEvent(), 'o-busy')).toMatchObject({ ok: true, code: '01', provider: second });
    expect(primary.received).toHaveLength(1);
    expect(secondary.received).toHaveLength(1);
  });

  test('a primary that times out: no failover, VENDOR_TIMEOUT, and the reservation is kept', async () => {
    const running = await instance({ env: { MOBILECHECK_CALLER_DAILY_LIMIT: '1' } });
    primary.setFault('slow');
    expect(await running.check(checkEvent(), 'o-timeout')).toMatchObject({ ok: false, code: 'VENDOR_TIMEOUT' });
    expect(secondary.received).toHaveLength(0);
    expect(verifications()).toEqual([expect.objectContaining({ outcome: 'VENDOR_TIMEOUT', provider: first, billing: 'unknown' })]);
    primary.setFault(undefined);
    expect(await running.check(eventFor(7), 'o-timeout')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });

  test.each(['htmlBody', 'unknownStatus', 'connectionReset'] as const)('a primary whose answer may have been billed (%s): no failover', async (fault) => {
    const running = await instance();
    primary.setFault(fault);
    expect(await running.check(checkEvent(), `o-${fault}`)).toMatchObject({ ok: false });
    expect(primary.received).toHaveLength(1);
    expect(secondary.received).toHaveLength(0);
  });

  test.each([[1, '02'], [5, '205']])('a primary that answered (mobile ending %i → %s): the secondary is never called', async (digit, code) => {
    const running = await instance();
    expect(await running.check(checkEvent({ mobile: mobileEndingIn(digit) }), 'o-answered')).toMatchObject({ ok: true, code, provider: first });
    expect(primary.received).toHaveLength(1);
    expect(secondary.received).toHaveLength(0);
  });

  test('both down: the primary\'s code, one call to each, nothing billed and the reservation given back', async () => {
    const running = await instance({ env: { MOBILECHECK_CALLER_DAILY_LIMIT: '1', [ENDPOINT_SETTING[second]]: await refusingUrl() } });
    primary.setFault('quotaExhausted');
    const response = await running.check(checkEvent(), 'o-both-down');
    expect(response).toMatchObject({ ok: false, code: 'VENDOR_QUOTA_EXHAUSTED' });
    expect(primary.received).toHaveLength(1);
    expect(verifications()).toEqual([expect.objectContaining({ outcome: 'VENDOR_QUOTA_EXHAUSTED', provider: first, billing: 'not-billed' })]);
    expect(checkLines().at(-1)).toMatchObject({ provider: first, providerCalls: 2, billing: 'not-billed' });
    primary.setFault(undefined);
    // The unbilled check gave its call back: the caller's one call a day is still there.
    const next = await instance({ env: { MOBILECHECK_CALLER_DAILY_LIMIT: '1' } });
    expect(await next.check(eventFor(3), 'o-both-down')).toMatchObject({ ok: true, provider: first });
  });

  test('two instances, one check with the primary down: one claim, one call to the secondary, one unit of budget', async () => {
    const env = { MOBILECHECK_DAILY_BUDGET: '1' };
    const [a, b] = [await instance({ primaryDown: true, env }), await instance({ primaryDown: true, env, store: opened.another() })];
    const responses = await Promise.all([a.check(checkEvent(), 'o-two'), b.check(checkEvent(), 'o-two')]);
    expect(responses.map((r) => r.ok && r.code)).toEqual(['01', '01']);
    expect(responses.filter((r) => r.ok && !r.cached)).toHaveLength(1);
    expect(secondary.received).toHaveLength(1);
    expect(verifications()).toHaveLength(1);
    // The budget counted the check once: another person is now refused.
    expect(await b.check(eventFor(11), 'o-two-other')).toMatchObject({ ok: false, code: 'BUDGET_EXHAUSTED' });
    expect(secondary.received).toHaveLength(1);
  });

  test('the raw fields reach only a provider that receives plaintext', () => {
    const tencent = [primary, secondary].find((sandbox) => sandbox.provider === 'tencent-faceid');
    const bodies = tencent?.received.map((request) => request.body).join('\n') ?? '';
    for (const raw of [person.name, person.idCard, person.mobile]) expect(bodies).not.toContain(raw);
  });
});

describe('the agreement with two providers', () => {
  test('agreeing to the one-provider edition is refused, naming the edition that names both, which is accepted', async () => {
    const env = { MOBILECHECK_PROVIDERS: 'tencent-faceid,aliyun-market', ALIYUN_APPCODE: 'a', MOBILECHECK_TENCENT_SECRET_ID: 'b', MOBILECHECK_TENCENT_SECRET_KEY: 'c', MOBILECHECK_HASH_SECRET: 'agreement-two-providers-0123456789abc' };
    const handler = handlerFromEnv(env, { store: openSqliteStore(':memory:') });
    const current = versionFor(['tencent-faceid', 'aliyun-market']);
    expect(current).not.toBe(agreementVersion);
    const agree = { action: 'acceptAgreement', agreementVersion, separate: { idCard: true, provision: true } };
    expect(await handler(agree, 'o-edition')).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', agreementVersion: current });
    expect(await handler({ ...agree, agreementVersion: current }, 'o-edition')).toMatchObject({ ok: true, agreementVersion: current });
  });
});
