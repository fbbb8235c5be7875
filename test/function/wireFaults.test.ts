// Faults at the wire through the built main: for a new caller's check, each of its database requests
// in turn loses its reply (applied, then the connection reset) or is refused with SYS_ERR (not
// applied). Whatever happens, the caller is never charged twice, never refused for a limit they
// did not reach, and never shown anything but the answer or a refusal that says "try again".
import { COLLECTIONS } from '../../cloudfunctions/mobileCheck/src/store/cloudStore';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import type { WireFault } from '../../scripts/support/tcbWire/faults';
import { startFunctionProcess, type FunctionProcess } from '../../scripts/support/tcbWire/functionProcess';
import { startTcbWire, type TcbWire } from '../../scripts/support/tcbWire/server';
import { capture } from '../support/captureLeaks';
import { buildTestBundle } from '../support/testBundle';
import { callerHash, eventFor, HASH_SECRET } from '../guards/support';

/** A new caller's check makes 14 or 15 requests (15 while the day's stats document is new to the instance). */
const POSITIONS = Array.from({ length: 15 }, (_unused, i) => i);
let sandbox: SandboxVendor;
let wire: TcbWire;
let loaded: FunctionProcess;

beforeAll(async () => {
  let bundle: string;
  [{ bundle }, sandbox, wire] = await Promise.all([buildTestBundle(), startSandboxVendor(), startTcbWire({ collections: Object.values(COLLECTIONS) })]);
  loaded = startFunctionProcess(bundle, wire, { ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint, MOBILECHECK_HASH_SECRET: HASH_SECRET });
  await loaded.call({ action: 'status' }, 'o-faults-warm-up');
}, 60_000);
afterAll(async () => {
  capture('store', JSON.stringify(wire.collections.dump()));
  await loaded.close();
  await sandbox.close();
  await wire.close();
});

/** The caller's consents and counted calls, and today's budget count plus the quota's billed count. */
function stored(caller: string) {
  const docs = wire.collections.dump();
  const hash = callerHash(caller);
  const counters = docs[COLLECTIONS.counters];
  const limits = counters.find((doc) => doc._id === `u_${hash}`);
  const spend = counters.filter((doc) => doc.kind === 'budget' || doc._id === 'quota').reduce((sum, doc) => sum + Number(doc.count ?? doc.billed ?? 0), 0);
  return { consents: docs[COLLECTIONS.consents].filter((doc) => doc.caller === hash).length, calls: Number(limits?.calls ?? 0), spend };
}

const call = async (event: unknown, caller: string) => {
  const { response, logLines } = await loaded.call(event, caller);
  capture('child', [...logLines, JSON.stringify(response)].join('\n'));
  return response as { ok: boolean; code: string };
};

describe.each<[string, WireFault]>([
  ['a lost reply', { kind: 'loseReply' }],
  ['SYS_ERR', { kind: 'error', code: 'SYS_ERR' }],
])('%s at one request of a new caller\'s check', (_what, fault) => {
  test.each(POSITIONS)('at request %i: the check answers 01 or a retryable refusal, its retry too, with at most one vendor call', async (position) => {
    const caller = `o-faults-${fault.kind}-${position}`;
    const event = eventFor(600 + position + (fault.kind === 'loseReply' ? 0 : 50));
    let seen = 0;
    wire.setFaults({ choose: () => (seen++ === position ? fault : undefined) });
    const calls = sandbox.received.length;
    const spendBefore = stored(caller).spend;
    const start = wire.journal().length;
    const first = await call(event, caller);
    const made = wire.journal().slice(start);
    const firstCalls = sandbox.received.length - calls;
    wire.setFaults({});
    const retry = await call(event, caller);
    const vendorCalls = sandbox.received.length - calls;
    if (position < made.length) expect(made[position]).toMatchObject(fault.kind === 'loseReply' ? { outcome: 'lost' } : { outcome: 'error', code: 'SYS_ERR' });
    // "Try again": INTERNAL; VENDOR_TIMEOUT says the vendor may have answered, so only once it was called.
    const unexpected = (code: string, called: number) => code !== '01' && code !== 'INTERNAL' && !(code === 'VENDOR_TIMEOUT' && called > 0);
    expect({ first: unexpected(first.code, firstCalls) && first.code, retry: unexpected(retry.code, vendorCalls) && retry.code }).toEqual({ first: false, retry: false });
    expect(vendorCalls).toBeLessThanOrEqual(1);
    // What was kept: one consent per vendor call, the caller's call counted once, and (when no reply
    // of a spend write was lost, which only a write token could settle) the budget and quota as billed.
    const after = stored(caller);
    expect({ consents: after.consents, calls: after.calls }).toEqual({ consents: vendorCalls, calls: vendorCalls });
    if (fault.kind === 'error') expect(after.spend - spendBefore).toEqual(2 * vendorCalls);
  }, 30_000);
});
