// The race suite once more, over the database the function gets in the cloud: cloud.database() of the
// real wx-server-sdk, every request real HTTP to the TCB wire fake (fresh collections for every run).
// The suite's scheduler still decides when each request is sent and when its reply is delivered.
import { openWireDatabase, type WireDatabase } from '../../support/tcbWire/openWireDatabase';
import { describeRaces } from './raceSuite';

let opened: WireDatabase;
beforeAll(async () => {
  opened = await openWireDatabase();
});
afterAll(() => opened.close());

describeRaces('the real wx-server-sdk over the TCB wire fake', () => opened.fresh(), { numRuns: 25 });
