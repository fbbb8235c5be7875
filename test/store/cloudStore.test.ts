import { cloudStore, COLLECTIONS } from '../../cloudfunctions/mobileCheck/src/store/cloudStore';
import { describeStoreContract, consent, plan } from './storeContract';
import { fakeCloudDatabase } from './fakeCloudDatabase';

const collections = Object.values(COLLECTIONS);

describeStoreContract('cloud database (over the stand-in)', async () => {
  const db = fakeCloudDatabase({ collections });
  return { store: cloudStore(db), rows: () => Object.values(db.dump()).flat() };
});

describe('the cloud store on the wx-server-sdk API', () => {
  test('keeps each kind of record in its own collection, named as in database-rules.json', async () => {
    const db = fakeCloudDatabase({ collections });
    const store = cloudStore(db);
    await store.recordConsent(consent());
    await store.reserveAttempt(plan());
    const rules = require('../../cloudfunctions/mobileCheck/database-rules.json') as Record<string, unknown>;
    expect(Object.keys(rules).sort()).toEqual([...collections].sort());
    for (const name of collections) expect(rules[name]).toEqual({ read: false, write: false });
    expect(db.dump()[COLLECTIONS.consents]).toHaveLength(1);
    expect(db.dump()[COLLECTIONS.counters].length).toBeGreaterThan(0);
  });

  test('fails loudly when a collection was not created, instead of pretending to store', async () => {
    const store = cloudStore(fakeCloudDatabase({ collections: [] }));
    await expect(store.recordConsent(consent())).rejects.toThrow(/collection not exists/);
    await expect(store.reserveAttempt(plan())).rejects.toThrow(/collection not exists/);
  });

  test('does not mistake a failing add for a lost race', async () => {
    const db = fakeCloudDatabase({ collections });
    const store = cloudStore(db);
    db.failCalls(/counters\.collection\.add/);
    await expect(store.reserveAttempt(plan())).rejects.toThrow(/system error/);
  });

  test('rejects a database call that returns no promise (the callback form of the typings)', async () => {
    const db = fakeCloudDatabase({ collections });
    const store = cloudStore({ command: db.command, collection: (name) => ({ ...db.collection(name), add: () => undefined }) });
    await expect(store.recordConsent(consent())).rejects.toThrow(/no promise/);
  });
});
