// The race suite over the project's cloud-database stand-in (without its own network delays: the
// suite's scheduler decides the order). Another database of the same API can be passed to describeRaces.
import { COLLECTIONS } from '../../cloudfunctions/mobileCheck/src/host';
import { fakeCloudDatabase } from '../../support/cloudDatabaseStandIn';
import { describeRaces } from './raceSuite';

describeRaces('the cloud database stand-in', () => fakeCloudDatabase({ collections: Object.values(COLLECTIONS) }));
