import { createVendorClient, handlerFromEnv, VendorError } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor, type SandboxFault, type SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { checkEvent, person } from '../support/people';
import { preAgreed } from '../support/preAgreed';

const CLOSED_PORT_ENDPOINT = 'http://127.0.0.1:9/mobileCheck';
let sandbox: SandboxVendor;

beforeAll(async () => {
  sandbox = await startSandboxVendor({ slowMs: 2_000 });
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.setFault(undefined));

const client = (endpoint = sandbox.endpoint) =>
  createVendorClient({ endpoint, appCode: sandbox.appCode, timeoutMs: 300, maxResponseBytes: 16 * 1024 });

async function failureOf(promise: Promise<unknown>): Promise<VendorError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof VendorError)) throw new Error(`expected a VendorError, got ${String(error)}`);
  return error;
}

describe('the vendor client', () => {
  test('times out on Node 16.13, which has no AbortSignal.timeout', async () => {
    const original = AbortSignal.timeout;
    Object.defineProperty(AbortSignal, 'timeout', { value: undefined, configurable: true });
    try {
      sandbox.setFault('slow');
      const started = Date.now();
      expect((await failureOf(client().check(person))).code).toBe('VENDOR_TIMEOUT');
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      Object.defineProperty(AbortSignal, 'timeout', { value: original, configurable: true });
    }
  });

  test('marks a refused connection as not billed: the request never left', async () => {
    expect(await failureOf(client(CLOSED_PORT_ENDPOINT).check(person))).toMatchObject({ code: 'VENDOR_UNAVAILABLE', billing: 'not-billed' });
  });

  test.each<[SandboxFault, string, string]>([
    ['connectionReset', 'VENDOR_UNAVAILABLE', 'unknown'],
    ['slow', 'VENDOR_TIMEOUT', 'unknown'],
    ['oversizedBody', 'VENDOR_BAD_RESPONSE', 'billed'],
    ['oversizedErrorPage', 'VENDOR_UNAVAILABLE', 'not-billed'],
  ])('marks the %s fault as %s, billing %s', async (fault, code, billing) => {
    sandbox.setFault(fault);
    expect(await failureOf(client().check(person))).toMatchObject({ code, billing });
  });

  test('renews idle connections without cutting off checks already on their way', async () => {
    const vendor = client();
    const realNow = Date.now.bind(Date);
    const later = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 10_000); // idle for 10 s
    try {
      const answers = await Promise.all(Array.from({ length: 10 }, () => vendor.check(person)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill('01'));
    } finally {
      later.mockRestore();
    }
  });
});

describe('a vendor that cannot be reached', () => {
  test('does not use up the mobile\'s 24-hour limit', async () => {
    const store = preAgreed(openSqliteStore(':memory:'));
    const env = { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_HASH_SECRET: 'vendor-client-secret-0123456789abcdef', MOBILECHECK_MOBILE_DAILY_LIMIT: '1' };
    const unreachable = handlerFromEnv({ ...env, MOBILECHECK_ENDPOINT: CLOSED_PORT_ENDPOINT }, { store, log: () => undefined });
    for (let i = 0; i < 3; i += 1) expect(await unreachable(checkEvent(), 'o-caller')).toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
    const reachable = handlerFromEnv({ ...env, MOBILECHECK_ENDPOINT: sandbox.endpoint }, { store, log: () => undefined });
    expect(await reachable(checkEvent(), 'o-caller')).toMatchObject({ ok: true, code: '01' });
    store.close();
  });
});
