// Cost: a scripted session of 100 attempts by 10 people, with typos, repeats, double taps and a
// missing consent, through the real handler. Billed = what the sandbox vendor would charge for.
import { handlerFromEnv } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxVendor } from '../../local-host/sandboxVendor';
import { openSqliteStore } from '../../local-host/sqliteStore';
import { benchFunctionEnv } from './functionEnv';
import { agree, distinctPerson } from './people';

export interface CostRow {
  attempts: number;
  invalidAttempts: number;
  distinctValidTriples: number;
  vendorRequests: number;
  billedCalls: number;
  cachedAnswers: number;
}

type Person = { name: string; idCard: string; mobile: string };

// Final answers only (01, 02, 204–207): 202/203 may change, so asking again is billed on purpose.
const LAST_DIGITS = ['0', '1', '4', '5', '6', '7', '8', '9', '0', '1'];

export async function measureCostSession(): Promise<CostRow> {
  const sandbox = await startSandboxVendor();
  const store = openSqliteStore(':memory:');
  const handle = handlerFromEnv(benchFunctionEnv(sandbox, { MOBILECHECK_CALLER_IDENTITY_LIMIT: '100' }), { store, log: () => undefined });
  const consent = await agree(handle, 'o-bench-person');
  let attempts = 0;
  let invalid = 0;
  let cached = 0;
  const send = async (event: Record<string, unknown>, expectInvalid = false) => {
    attempts += 1;
    if (expectInvalid) invalid += 1;
    const response = await handle(event, 'o-bench-person');
    if (response.ok && 'cached' in response && response.cached) cached += 1;
    return response;
  };
  try {
    for (let p = 0; p < 10; p += 1) {
      const base = distinctPerson(500 + p);
      const person: Person = { ...base, mobile: base.mobile.slice(0, 10) + LAST_DIGITS[p] };
      const wrongCheck = person.idCard.slice(0, 17) + (person.idCard[17] === '0' ? '1' : '0');
      await send({ ...person, name: 'Zhang San', consent }, true); // latin letters
      await send({ ...person, idCard: wrongCheck, consent }, true); // mistyped ID
      await send({ ...person, mobile: person.mobile.slice(0, 10), consent }, true); // one digit short
      await send({ ...person }, true); // consent not given yet
      await send({ ...person, consent }); // the real check
      await send({ ...person, consent }); // asked again
      await Promise.all([send({ ...person, consent }), send({ ...person, consent })]); // double tap
      await send({ ...person, name: ` ${person.name} `, consent }); // same, with stray spaces
      await send({ ...person, consent }); // back from the result page
    }
    return {
      attempts,
      invalidAttempts: invalid,
      distinctValidTriples: 10,
      vendorRequests: sandbox.received.length,
      billedCalls: sandbox.billed(),
      cachedAnswers: cached,
    };
  } finally {
    store.close();
    await sandbox.close();
  }
}
