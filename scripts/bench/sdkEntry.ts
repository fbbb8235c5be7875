// The function as it would be with the official Tencent SDK's FaceID client in place of our own
// TC3 signer: only for `npm run bench` to weigh the SDK (scripts/bench/tencentSdk.ts). Never deployed.
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/faceid/v20180301/faceid_client';

export * from '../../cloudfunctions/mobileCheck/src/index';
export const TencentFaceidClient = Client;
