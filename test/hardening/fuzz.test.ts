// Property-based fuzzing of the real handler (sandbox vendor over loopback, in-memory sqlite store):
// whatever arrives, the handler resolves with a response that fits the contract, writes one log line,
// and never calls the paid vendor for an event that cannot be valid. "Cannot be valid" is decided by
// how each event is built below (from the design's field rules), never by asking the code under test.
import fc from 'fast-check';
import type { CheckResponse } from '../../src/domain';
import { type Handler, handlerFromEnv, type LogLine } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor, type SandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore, type SqliteStore } from '../../local-host/sqliteStore';
import { contractProblems } from '../support/contract';
import { agreementVersion, consent as validConsent } from '../support/people';
import { personNumber, sandboxEnv } from '../guards/support';
import { preAgreed } from '../support/preAgreed';

const CALLER = 'o-fuzz-caller';
const FIELD_CODES = ['INVALID_REQUEST', 'INVALID_NAME', 'INVALID_ID_CARD', 'INVALID_MOBILE'];
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

let sandbox: SandboxVendor;
let store: SqliteStore;
let handle: Handler;
const lines: LogLine[] = [];
let calls = 0;
let nextPerson = 1_000;

beforeAll(async () => {
  sandbox = await startSandboxVendor();
  store = openSqliteStore(':memory:');
  handle = handlerFromEnv(sandboxEnv(sandbox, { MOBILECHECK_TIMEOUT_MS: '2000' }), { store: preAgreed(store), log: (line) => lines.push(line) });
});
afterAll(async () => {
  store.close();
  await sandbox.close();
});

const prototypeSnapshot = () => [Object.prototype, Array.prototype, Function.prototype, String.prototype]
  .map((proto) => Object.getOwnPropertyNames(proto).sort().join(','));
const before = prototypeSnapshot();

/** One call through the handler, with the invariants every call must keep. */
async function call(event: unknown, ...callerArg: [string | undefined] | []) {
  const caller = callerArg.length ? callerArg[0] : CALLER;
  const logsBefore = lines.length;
  const vendorBefore = sandbox.received.length;
  const response = (await handle(event, caller)) as CheckResponse; // a rejection fails the property
  calls += 1;
  const problems = contractProblems(response, { agreementVersion });
  if (problems.length) throw new Error(`response breaks the contract: ${problems.join('; ')} — ${safeJson(response)}`);
  const written = lines.slice(logsBefore);
  if (written.length !== 1 || !('traceId' in written[0]) || written[0].traceId !== response.traceId) {
    throw new Error(`expected one log line for trace ${response.traceId}, got ${written.length}`);
  }
  JSON.stringify(written[0]); // the real logger prints JSON: a BigInt or a cycle here would throw
  return { response, vendorCalls: sandbox.received.length - vendorBefore, logText: JSON.stringify(written[0]) };
}

/** JSON text as a client would send it; BigInts (which JSON cannot carry) become strings. */
const toWire = (value: unknown): string => JSON.stringify(value, (_key, v: unknown) =>
  (typeof v === 'bigint' || Object.prototype.toString.call(v) === '[object BigInt]' ? String(v) : v)) ?? 'null';

const safeJson = (value: unknown) => {
  try {
    return JSON.stringify(value).slice(0, 300);
  } catch {
    return String(typeof value);
  }
};

// ---- junk -------------------------------------------------------------------------------------

const TRICKY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'name', 'idCard', 'mobile', 'consent', 'accepted', 'agreementVersion', 'openid', 'OPENID'];
const key = fc.oneof(fc.constantFrom(...TRICKY_KEYS), fc.string({ maxLength: 12 }));
/** Objects no JSON body can carry but an in-process caller could pass: methods, throwing getters and traps. */
const trap = (): never => { throw new Error('trap 11010519491231002X'); };
// Symbol keys pass through, so fast-check itself can still inspect the value.
const onStrings = <T, F>(handler: (key: string) => T, fallback: (target: object, key: symbol) => F) =>
  (target: object, key: string | symbol): T | F => (typeof key === 'symbol' ? fallback(target, key) : handler(key));
const hostile = fc.constantFrom('methods', 'getter', 'getTrap', 'keysTrap', 'frozen', 'symbol', 'function', 'promise', 'error').map((kind): unknown => {
  switch (kind) {
    case 'methods': return { toString: () => '张三', valueOf: () => 13800138000, toJSON: () => ({ name: '张三' }) };
    case 'getter': return Object.defineProperty({}, 'name', { enumerable: true, get: trap });
    case 'getTrap': return new Proxy({}, { get: onStrings(trap, (t, k) => Reflect.get(t, k)), has: onStrings(trap, (t, k) => Reflect.has(t, k)) });
    case 'keysTrap': return new Proxy({ name: '张三' }, { ownKeys: trap, getOwnPropertyDescriptor: onStrings(trap, (t, k) => Reflect.getOwnPropertyDescriptor(t, k)) });
    case 'frozen': return Object.freeze({ name: '张三', idCard: '11010519491231002X', mobile: '13800138000' });
    case 'symbol': return Symbol('event');
    case 'function': return Object.assign(() => undefined, { name2: '张三' });
    case 'promise': return Promise.resolve({});
    default: return new Error('an error as the event');
  }
});
const anythingPlain = fc.anything({
  key,
  maxDepth: 3,
  withObjectString: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: 'binary',
});
const anything = anythingPlain;
/** Long strings, built by repetition: fc.string would take seconds to draw 100 000 characters. */
const huge = fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), fc.integer({ min: 65, max: 100_000 }))
  .map(([chunk, length]) => chunk.repeat(Math.ceil(length / chunk.length)).slice(0, length));
const TRIMMED = [' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\ufeff', '\u2028', '\u2003'];
const blank = fc.array(fc.constantFrom(...TRIMMED), { maxLength: 8 }).map((chars) => chars.join(''));
const oddStrings = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  fc.constantFrom('\u0000', '\ud800', '\udfff张三', '张\u200b三', '张三\u0301', '⼈⼈', '𠀀𠀀', '１３８００１３８０００', 'null', 'undefined', '[object Object]'),
);
const nonString = fc.oneof(
  fc.constantFrom(null, undefined, 0, -0, NaN, Infinity, 13800138000, true, false, [], {}, ['张三'], { toString: () => '张三' }),
  fc.integer(), fc.double(), fc.bigInt(), fc.array(oddStrings, { maxLength: 3 }), fc.dictionary(key, oddStrings, { maxKeys: 3 }), anything,
).filter((value) => typeof value !== 'string');
const junk = fc.oneof(anything, oddStrings, huge, blank, nonString);

/** Inserts one character the field's alphabet never admits, away from the ends (so trimming cannot drop it). */
const withForeign = (foreign: string[]) => fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom(...foreign), fc.string({ maxLength: 20 }))
  .map(([a, c, b]) => a + c + b);
const digits = (lengths: fc.Arbitrary<number>) => lengths.chain((n) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n }));

// Each generator below only yields values that the design's field rules reject.
const INVALID = {
  // Names are 2–20 Han characters, optionally joined by a middle dot.
  name: fc.oneof(nonString, blank, huge, withForeign(['a', 'Z', '0', '9', '!', '<', '_', '⼈']),
    fc.constantFrom('张', '·张三', '张三·', '张··三', '张'.repeat(21))),
  // 18 characters, digits with an optional final X.
  idCard: fc.oneof(nonString, blank, huge, withForeign(['A', 'Y', '-', '中', '０', '.', '+']),
    digits(fc.oneof(fc.integer({ min: 1, max: 17 }), fc.integer({ min: 19, max: 64 }))), fc.constantFrom('X11010519491231002', '1101051949123100XX')),
  // 11 digits starting 13–19, not a virtual-operator range.
  mobile: fc.oneof(nonString, blank, huge, withForeign(['a', '-', '+', '１', 'x', '中']),
    digits(fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 12, max: 64 }))),
    digits(fc.constant(9)).map((rest) => `10${rest}`), digits(fc.constant(9)).map((rest) => `12${rest}`),
    fc.tuple(fc.constantFrom('162', '165', '167', '170', '171'), digits(fc.constant(8))).map(([p, rest]) => p + rest)),
};
const VALID = { name: fc.constantFrom('张三', '李四', '买买提·艾力', ' 王五 '), idCard: fc.constantFrom('11010519491231002X', '11010519491231002x'), mobile: fc.constantFrom('13800138000', '13900139000') };
type Field = keyof typeof INVALID;
const FIELDS: Field[] = ['name', 'idCard', 'mobile'];

/** A consent that is not an explicit acceptance of the current version, built so by construction. */
const badConsent = fc.oneof(
  junk.filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)),
  fc.record({ agreementVersion: fc.constant(agreementVersion), accepted: junk.filter((value) => value !== true) }),
  fc.record({ agreementVersion: fc.oneof(junk, fc.constantFrom(agreementVersion.toUpperCase(), ` ${agreementVersion}`, agreementVersion.slice(1), '')).filter((value) => value !== agreementVersion), accepted: fc.constant(true) }),
  fc.constant(Object.create({ agreementVersion, accepted: true })),
  fc.constant(JSON.parse(`{"__proto__": {"agreementVersion": "${agreementVersion}", "accepted": true}}`)),
  fc.constant([agreementVersion, true]),
  fc.constant(undefined),
);

/** Extra keys that must change nothing, including own "__proto__" and "constructor" properties. */
const extras = fc.dictionary(fc.constantFrom(...TRICKY_KEYS.filter((k) => !['name', 'idCard', 'mobile', 'consent'].includes(k)), 'x', 'userInfo'), junk, { maxKeys: 4 });

/** A real-shaped event in which `bad` (at least one field) cannot be valid; the rest are valid or junk. */
const shapedInvalid = fc.tuple(fc.subarray(FIELDS, { minLength: 1 }), extras, fc.oneof(fc.constant(validConsent), badConsent)).chain(([bad, extra, consent]) =>
  fc.record({
    name: bad.includes('name') ? INVALID.name : fc.oneof(VALID.name, junk),
    idCard: bad.includes('idCard') ? INVALID.idCard : fc.oneof(VALID.idCard, junk),
    mobile: bad.includes('mobile') ? INVALID.mobile : fc.oneof(VALID.mobile, junk),
  }, { requiredKeys: [] }).map((fields) => {
    // Spread, not Object.assign: an own "__proto__" key stays an own property instead of a prototype.
    const event: Record<string, unknown> = { ...extra, ...fields, consent };
    for (const field of bad) if (!(field in fields)) delete event[field]; // a missing field is invalid too
    return { event, bad };
  }));

const FUZZ = { seed: SEED, verbose: 1 } as const;
jest.setTimeout(60_000);

// ---- properties -------------------------------------------------------------------------------

describe('the handler under fuzzing', () => {
  afterEach(() => {
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('answers any value at all with a refusal that fits the contract and calls no vendor', async () => {
    // The event must be a plain object with own, valid name, idCard, mobile and consent for the current
    // agreement version; fc.anything never draws that version string, so no draw can be a valid event.
    await fc.assert(fc.asyncProperty(fc.oneof({ weight: 9, arbitrary: anything }, { weight: 1, arbitrary: hostile }), async (event) => {
      const { response, vendorCalls } = await call(event);
      expect(response.ok).toBe(false);
      expect(vendorCalls).toBe(0);
    }), { ...FUZZ, numRuns: 5_000 });
  });

  test('refuses an event shaped like the real one with a field that cannot be valid, before the vendor and without echoing it', async () => {
    await fc.assert(fc.asyncProperty(shapedInvalid, async ({ event }) => {
      const { response, vendorCalls, logText } = await call(event);
      expect(response.ok).toBe(false);
      expect(FIELD_CODES).toContain(response.code);
      expect(vendorCalls).toBe(0);
      // Nothing the caller typed comes back or reaches the log while the fields are invalid.
      const echoed = JSON.stringify(response) + logText;
      for (const field of FIELDS) {
        const value = event[field];
        if (typeof value === 'string' && value.trim().length >= 8) expect(echoed.includes(value.trim())).toBe(false);
      }
    }), { ...FUZZ, numRuns: 5_000 });
  });

  test('answers CONSENT_REQUIRED with the current version, and calls no vendor, for valid fields with any consent but the right one', async () => {
    await fc.assert(fc.asyncProperty(VALID.name, VALID.idCard, VALID.mobile, badConsent, extras, async (name, idCard, mobile, consent, extra) => {
      const { response, vendorCalls } = await call({ ...extra, name, idCard, mobile, consent });
      expect(response).toMatchObject({ ok: false, code: 'CONSENT_REQUIRED', agreementVersion });
      expect(vendorCalls).toBe(0);
    }), { ...FUZZ, numRuns: 1_500 });
  });

  test('completes a valid check with junk extra keys, sending the vendor only the three fields', async () => {
    await fc.assert(fc.asyncProperty(extras, fc.boolean(), async (extra, viaJson) => {
      nextPerson += 1; // a fresh person and caller, so neither the answer cache nor the limits answer
      const person = personNumber(nextPerson);
      let event: unknown = { ...extra, ...person, consent: validConsent };
      if (viaJson) event = JSON.parse(toWire(event));
      const { response, vendorCalls } = await call(event, `o-fuzz-${nextPerson}`);
      expect(response).toMatchObject({ ok: true, code: '01', cached: false });
      expect(vendorCalls).toBe(1);
      expect(sandbox.received.at(-1)?.query).toEqual(person);
    }), { ...FUZZ, numRuns: 250 });
  });

  test('treats JSON from the wire, own "__proto__" keys included, like any other event', async () => {
    const jsonJunk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), oddStrings);
    const wire = fc.oneof(
      // Shaped events with an invalid field, through JSON (undefined fields drop out: still invalid).
      shapedInvalid.map(({ event }) => toWire(event)),
      // Valid fields and consent only under an own "__proto__" key: never inherited, never valid.
      fc.option(jsonJunk).map((junkValue) =>
        `{"__proto__": ${JSON.stringify({ name: '张三', idCard: '11010519491231002X', mobile: '13800138000', consent: validConsent })}, "x": ${JSON.stringify(junkValue)}}`),
      // Any JSON text at all: a bare value, an array, an object with tricky keys.
      fc.oneof(fc.dictionary(key, jsonJunk, { maxKeys: 5 }), fc.jsonValue()).map(toWire),
    );
    await fc.assert(fc.asyncProperty(wire, async (text) => {
      const event: unknown = JSON.parse(text);
      const { response, vendorCalls } = await call(event);
      expect(response.ok).toBe(false);
      expect(vendorCalls).toBe(0);
    }), { ...FUZZ, numRuns: 3_000 });
  });

  test('answers UNAUTHENTICATED to a missing or empty caller whatever the event, valid ones included', async () => {
    const event = fc.oneof(junk, shapedInvalid.map(({ event: e }) => e), extras.map((extra) => ({ ...extra, ...personNumber(7), consent: validConsent, openid: 'o-forged' })));
    await fc.assert(fc.asyncProperty(event, fc.constantFrom(undefined, ''), async (e, caller) => {
      const { response, vendorCalls } = await call(e, caller);
      expect(response).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      expect(vendorCalls).toBe(0);
    }), { ...FUZZ, numRuns: 1_500 });
  });
});

describe('after the fuzzing', () => {
  test('made thousands of calls, every one refused before the vendor except the valid checks', () => {
    expect(calls).toBe(5_000 + 5_000 + 1_500 + 250 + 3_000 + 1_500);
    expect(sandbox.received.length).toBe(250);
    expect(lines.length).toBe(calls);
  });

  test('left Object.prototype and the other built-in prototypes as they were', () => {
    expect(prototypeSnapshot()).toEqual(before);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
