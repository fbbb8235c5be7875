// The cloud store over the real wx-server-sdk, speaking HTTP to the TCB wire fake: what the SDK
// actually sends for each Store method, and the whole Store contract once more on those bytes.
import { cloudStore } from '../../cloudfunctions/mobileCheck/src/store/cloudStore';
import { openWireDatabase, type WireDatabase } from '../../scripts/support/tcbWire/openWireDatabase';
import { describeStoreContract } from './storeContract';

let opened: WireDatabase;
beforeAll(async () => {
  opened = await openWireDatabase();
});
afterAll(() => opened.close());

describeStoreContract('cloud database (real wx-server-sdk over the TCB wire fake)', () => {
  opened.wire.collections.reset();
  return cloudStore(opened.another());
});
