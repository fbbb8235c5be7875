// Our TC3-HMAC-SHA256 signer (node:crypto, from the documented algorithm) against the official SDK's
// own signer, for the same request; and the loopback stand-in's verifier against a request the
// official SDK client makes by itself.
import Sign from 'tencentcloud-sdk-nodejs/tencentcloud/common/sign';
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/faceid/v20180301/faceid_client';
import { requestBody, tc3Authorization, tc3Date } from '../../cloudfunctions/mobileCheck/src/host';
import { startSandboxTencent } from '../../local-host/sandboxTencent';
import { person } from '../support/people';

const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';

describe('the TC3-HMAC-SHA256 signature', () => {
  test.each([
    ['the body of a check', requestBody(person), 1_764_806_400, 'application/json; charset=utf-8'],
    ['another body, another day, the SDK\'s content type', requestBody({ ...person, name: '买买提·艾力' }), 1_551_113_065, 'application/json'],
    ['a timestamp a second before UTC midnight', '{}', 1_764_892_799, 'application/json'],
  ])('is the same as the official SDK\'s for %s', (_label, payload, timestamp, contentType) => {
    const ours = tc3Authorization({ secretId: SECRET_ID, secretKey: SECRET_KEY, service: 'faceid', host: 'faceid.tencentcloudapi.com', contentType, payload, timestamp });
    const sdk = Sign.sign3({
      method: 'POST', url: 'https://faceid.tencentcloudapi.com/', payload: JSON.parse(payload) as object, timestamp, service: 'faceid',
      secretId: SECRET_ID, secretKey: SECRET_KEY, multipart: false, boundary: '', headers: { 'Content-Type': contentType },
    });
    expect(ours).toBe(sdk);
    expect(ours).toContain(`Credential=${SECRET_ID}/${tc3Date(timestamp)}/faceid/tc3_request, SignedHeaders=content-type;host, Signature=`);
  });

  test('changes when any signed part changes', () => {
    const base = { secretId: SECRET_ID, secretKey: SECRET_KEY, service: 'faceid', host: 'faceid.tencentcloudapi.com', contentType: 'application/json', payload: '{}', timestamp: 1_764_806_400 };
    const signature = (changes: Partial<typeof base>) => tc3Authorization({ ...base, ...changes }).split('Signature=')[1];
    const variants = [{ secretKey: `${SECRET_KEY}x` }, { service: 'cvm' }, { host: 'cvm.tencentcloudapi.com' }, { contentType: 'text/plain' }, { payload: '{ }' }, { timestamp: base.timestamp + 1 }];
    expect(new Set([signature({}), ...variants.map(signature)]).size).toBe(variants.length + 1);
  });

  test('the loopback stand-in accepts a request the official SDK client signs by itself (service read from the credential scope)', async () => {
    const sandbox = await startSandboxTencent({ secretId: SECRET_ID, secretKey: SECRET_KEY });
    try {
      const client = new Client({
        credential: { secretId: SECRET_ID, secretKey: SECRET_KEY },
        region: '',
        profile: { httpProfile: { endpoint: new URL(sandbox.endpoint).host, protocol: 'http://', reqTimeout: 5 } },
      });
      const answer = await client.EncryptedPhoneVerification(JSON.parse(requestBody(person)) as { IdCard: string; Name: string; Phone: string; EncryptionMode: string });
      expect(answer.Result).toBe('0');
      expect(sandbox.received[0].headers.authorization).toContain('/127/tc3_request');
      expect(sandbox.signatureFailures()).toBe(0);
    } finally {
      await sandbox.close();
    }
  });
});
