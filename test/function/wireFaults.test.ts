// Faults at the wire through the built main: for a new caller's check, each of its database requests
// in turn loses its reply (applied, then the connection reset) or is refused with SYS_ERR (not
// applied). The store reads back or retries: the check still answers 01 with one vendor call, its
// repeat is the cached answer, and what is kept is exact (one consent, one counted call, spend as billed).
import { COLLECTIONS } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import type { WireFault } from '../../support/tcbWire/faults';
import { startFunctionProcess, type FunctionProcess } from '../../support/tcbWire/functionProcess';
import { startTcbWire, type TcbWire } from '../../support/tcbWire/server';
import { capture } from '../support/captureLeaks';
import { buildTestBundle } from '../support/testBundle';
import { callerHash, eventFor, HASH_SECRET } from '../guards/support';
import { agreementVersion } from '../support/people';

/** A new caller's check on a warm instance makes 14 requests. */
const POSITIONS = Array.from({ length: 14 }, (_unused, i) => i);
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
  return response as { ok: boolean; code: string; cached?: boolean };
};

describe.each<[string, WireFault]>([
  ['a lost reply', { kind: 'loseReply' }],
  ['SYS_ERR', { kind: 'error', code: 'SYS_ERR' }],
])('%s at one request of a new caller\'s check', (_what, fault) => {
  test.each(POSITIONS)('at request %i: the check answers 01 with one vendor call, its repeat the cached answer, and spend, consent and limits are exact', async (position) => {
    const caller = `o-faults-${fault.kind}-${position}`;
    // The person agreed first (on the agreement page): the faults are in the check's own requests.
    const accepted = await call({ action: 'acceptAgreement', agreementVersion, separate: { idCard: true, provision: true } }, caller) as { consentId?: string };
    const event = eventFor(600 + position + (fault.kind === 'loseReply' ? 0 : 50), { consent: { consentId: accepted.consentId, thisCheck: true } });
    let seen = 0;
    wire.setFaults({ choose: () => (seen++ === position ? fault : undefined) });
    const calls = sandbox.received.length;
    const spendBefore = stored(caller).spend;
    const start = wire.journal().length;
    const first = await call(event, caller);
    expect(wire.journal().slice(start)[position]).toMatchObject(fault.kind === 'loseReply' ? { outcome: 'lost' } : { outcome: 'error', code: 'SYS_ERR' });
    wire.setFaults({});
    const repeat = await call(event, caller);
    expect([first, repeat]).toEqual([expect.objectContaining({ code: '01', cached: false }), expect.objectContaining({ code: '01', cached: true })]);
    expect(sandbox.received.length - calls).toBe(1);
    const after = stored(caller);
    // The agreement and this check's confirmation.
    expect({ consents: after.consents, calls: after.calls, spend: after.spend - spendBefore }).toEqual({ consents: 2, calls: 1, spend: 2 });
  }, 30_000);
});
