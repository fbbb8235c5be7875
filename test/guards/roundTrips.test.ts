// Database round trips on a check's critical path, over the cloud-database stand-in with 20 ms per
// call (a network hop in the cloud). Sequential round trips are counted exactly from the stand-in's
// journal (the longest chain of calls each made after the previous answered); the wall-clock
// figures belong in `npm run bench`.
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { roundTrips } from '../../support/cloudDatabaseStandIn';
import { checkEvent, mobileEndingIn } from '../support/people';
import { eventFor, harness, openCloud } from './support';

const CALLER = 'o-latency-caller';
let sandbox: SandboxVendor;
beforeAll(async () => {
  sandbox = await startSandboxVendor();
});
afterAll(() => sandbox.close());

function measuredCloud(env: Record<string, string> = {}, jittery = false) {
  const { store, db } = jittery ? openCloud(undefined, { seed: 16, maxDelayMs: 20 }) : openCloud(20);
  const { check, preAgree } = harness(sandbox, store, env);
  /** One check, and the database calls and sequential round trips it made. */
  return async (event: unknown, caller: string | undefined = CALLER) => {
    if (caller) await preAgree(caller); // agreed before: registering it is not this check's work
    const before = db.journal().length;
    const response = await check(event, caller);
    const calls = db.journal().slice(before);
    return { response, calls: calls.length, roundTrips: roundTrips(calls) };
  };
}

test('a fresh billed check makes at most 3 sequential database round trips, also a caller\'s first of the day', async () => {
  const measure = measuredCloud();
  const first = await measure(checkEvent());
  expect(first.response).toMatchObject({ ok: true, cached: false });
  expect(first.roundTrips).toBeLessThanOrEqual(3);
  const later = await measure(eventFor(2));
  expect(later.response).toMatchObject({ ok: true, cached: false });
  expect(later.roundTrips).toBeLessThanOrEqual(3);
  expect(later.calls).toBeLessThan(first.calls);
});

test('with the network\'s random delays on, a new caller\'s first billed check and a repeat still make at most 3 sequential round trips, a cached one 1', async () => {
  const measure = measuredCloud({}, true);
  const first = await measure(checkEvent(), 'o-jittery');
  expect(first).toMatchObject({ response: { ok: true, cached: false } });
  expect(first.roundTrips).toBeLessThanOrEqual(3);
  const repeat = await measure(eventFor(2), 'o-jittery');
  expect(repeat).toMatchObject({ response: { ok: true, cached: false } });
  expect(repeat.roundTrips).toBeLessThanOrEqual(3);
  expect(await measure(checkEvent(), 'o-jittery')).toMatchObject({ response: { ok: true, cached: true }, roundTrips: 1 });
});

// Giving the reservation back runs beside complete(): one conditional update per counter, no read.
test('a fresh check the vendor refuses without billing makes at most 3 sequential round trips, giving the reservation back on the way', async () => {
  const measure = measuredCloud();
  sandbox.setFault('quotaExhausted');
  try {
    const refused = await measure(checkEvent());
    expect(refused.response).toMatchObject({ code: 'VENDOR_QUOTA_EXHAUSTED' });
    expect(refused.roundTrips).toBeLessThanOrEqual(3);
  } finally {
    sandbox.setFault(undefined);
  }
});

test('a cached answer makes 1 round trip, and so does a refusal by the caller\'s limits', async () => {
  const measure = measuredCloud({ MOBILECHECK_CALLER_DAILY_LIMIT: '1' });
  await measure(checkEvent());
  const cached = await measure(checkEvent());
  expect(cached.response).toMatchObject({ ok: true, cached: true });
  expect(cached.roundTrips).toBe(1);
  const limited = await measure(checkEvent({ mobile: mobileEndingIn(2) }));
  expect(limited.response).toMatchObject({ code: 'RATE_LIMITED' });
  expect(limited.roundTrips).toBe(1);
});

test('a refusal before the store makes no database call, and so does a request over the cap once the instance knows it', async () => {
  const measure = measuredCloud({ MOBILECHECK_REQUEST_DAILY_LIMIT: '1' });
  expect(await measure(checkEvent({ name: '' }))).toMatchObject({ response: { code: 'INVALID_NAME' }, calls: 0 });
  expect(await measure(checkEvent({ consent: undefined }))).toMatchObject({ response: { code: 'CONSENT_REQUIRED' }, calls: 0 });
  await measure(checkEvent());
  expect(await measure(checkEvent())).toMatchObject({ response: { limit: 'requests' }, roundTrips: 1 });
  expect(await measure(checkEvent())).toMatchObject({ response: { limit: 'requests' }, calls: 0 });
});
