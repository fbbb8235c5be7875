// Every sandbox fault mode, and a vendor that is not listening at all: the documented code within the
// vendor timeout plus a small margin, a response that fits the contract, and a normal check right
// after the fault clears still completes (no poisoned connection, no stuck reservation).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Handler, handlerFromEnv, type LogLine } from '../../cloudfunctions/mobileCheck/src/host';
import { SANDBOX_FAULTS, type SandboxFault, type SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore } from '../../local-host/sqliteStore';
import type { ErrorCode } from '../../src/domain';
import { contractProblems } from '../support/contract';
import { eventFor, sandboxEnv } from '../guards/support';
import { preAgreed } from '../support/preAgreed';
import { ENDPOINT_SETTING, PRIMARIES, SAME_AGREEMENT, startSandbox } from '../support/providers';

const TIMEOUT_MS = 500;
const MARGIN_MS = 250;
const APP_CODE = 'fault0matrix0appcode0c3d9e1f2a7b4';

// README "A check that did not complete": the code each fault stands for.
const EXPECTED: Record<SandboxFault, ErrorCode> = {
  slow: 'VENDOR_TIMEOUT',
  quotaExhausted: 'VENDOR_QUOTA_EXHAUSTED',
  throttled: 'VENDOR_THROTTLED',
  invalidAppCode: 'SERVICE_MISCONFIGURED',
  serverError: 'VENDOR_UNAVAILABLE',
  gatewayError: 'VENDOR_UNAVAILABLE',
  htmlBody: 'VENDOR_BAD_RESPONSE',
  truncatedJson: 'VENDOR_BAD_RESPONSE',
  unknownStatus: 'VENDOR_BAD_RESPONSE',
  oversizedBody: 'VENDOR_BAD_RESPONSE',
  oversizedErrorPage: 'VENDOR_UNAVAILABLE',
  connectionReset: 'VENDOR_UNAVAILABLE',
};

describe.each(PRIMARIES)('with %s as the provider', (primary) => {
  let sandbox: SandboxVendor;
  let handle: Handler;
  const lines: LogLine[] = [];
  let person = 5_000;

  /** A fresh person per call (the answer cache must not answer) and a fresh caller per fault (limits). */
  async function timedCheck(caller: string, target: Handler = handle) {
    person += 1;
    const started = performance.now();
    const response = await target(eventFor(person), caller);
    return { response, elapsed: performance.now() - started };
  }

  beforeAll(async () => {
    // The slow fault answers long after the function has given up.
    sandbox = await startSandbox(primary, { appCode: APP_CODE, secretKey: APP_CODE, slowMs: 10 * TIMEOUT_MS });
    handle = handlerFromEnv(sandboxEnv(sandbox, { MOBILECHECK_TIMEOUT_MS: String(TIMEOUT_MS) }), {
      store: preAgreed(openSqliteStore(':memory:')), log: (line) => lines.push(line), ...SAME_AGREEMENT,
    });
    // Warm up: the first request pays for module loading and the first connection.
    expect((await timedCheck('o-warm-up')).response.ok).toBe(true);
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.setFault(undefined));

  test('covers every fault mode the sandbox has', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...SANDBOX_FAULTS].sort());
  });

  describe.each(SANDBOX_FAULTS)('the %s fault', (fault) => {
    test(`answers ${EXPECTED[fault]} within the vendor timeout plus ${MARGIN_MS} ms, then the next check completes`, async () => {
      const caller = `o-fault-${fault}`;
      sandbox.setFault(fault);
      const before = sandbox.received.length;
      const failed = await timedCheck(caller);
      expect(failed.response).toMatchObject({ ok: false, code: EXPECTED[fault] });
      expect(contractProblems(failed.response)).toEqual([]);
      expect(failed.elapsed).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      if (fault === 'slow') expect(failed.elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20); // gave the vendor its full time
      expect(sandbox.received.length - before).toBe(1); // never retried: a retry may be billed twice

      sandbox.setFault(undefined);
      const next = await timedCheck(caller);
      expect(next.response).toMatchObject({ ok: true, verified: true, code: '01', cached: false });
      expect(contractProblems(next.response)).toEqual([]);
      expect(next.elapsed).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expect(sandbox.received.length - before).toBe(2);
    });
  });

  describe('a vendor that is not listening', () => {
    test('answers VENDOR_UNAVAILABLE at once, and the same handler completes a check once the vendor is back on that port', async () => {
      // A port that was just free: nothing listens there now.
      const probe = http.createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const { port } = probe.address() as AddressInfo;
      await new Promise<void>((resolve) => probe.close(() => resolve()));

      const endpoint = `http://127.0.0.1:${port}${new URL(sandbox.endpoint).pathname}`;
      const target = handlerFromEnv(sandboxEnv(sandbox, { [ENDPOINT_SETTING[primary]]: endpoint, MOBILECHECK_TIMEOUT_MS: String(TIMEOUT_MS) }), {
        store: preAgreed(openSqliteStore(':memory:')), log: (line) => lines.push(line), ...SAME_AGREEMENT,
      });
      const failed = await timedCheck('o-closed-port', target);
      expect(failed.response).toMatchObject({ ok: false, code: 'VENDOR_UNAVAILABLE' });
      expect(contractProblems(failed.response)).toEqual([]);
      expect(failed.elapsed).toBeLessThan(TIMEOUT_MS + MARGIN_MS);

      const revived = await startSandbox(primary, { appCode: APP_CODE, secretKey: APP_CODE, port });
      try {
        const next = await timedCheck('o-closed-port', target);
        expect(next.response).toMatchObject({ ok: true, verified: true, code: '01', cached: false });
        expect(revived.received).toHaveLength(1);
      } finally {
        await revived.close();
      }
    });
  });

  test('logged every fault with its code and never a vendor body or the appCode', () => {
    const text = JSON.stringify(lines);
    for (const code of new Set(Object.values(EXPECTED))) expect(lines).toContainEqual(expect.objectContaining({ outcome: code }));
    expect(text).not.toContain(APP_CODE);
    expect(text).not.toMatch(/维护中|<html|"status":"09"|"Result":"9"|xxxxxxxx/);
  });
});
