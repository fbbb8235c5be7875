// `tencent-faceid`: Tencent Cloud FaceID EncryptedPhoneVerification with EncryptionMode "2". The
// three fields leave the function only as SHA-256 digests; only Result 0 and -4 are billed.
import { createHash } from 'node:crypto';
import type { PersonFields } from '../../../../../src/domain';
import { createExchange } from '../httpExchange';
import type { Provider } from '../../ports';
import { classifyTencent } from './classify';
import { tc3Authorization } from './tc3';

export const TENCENT_ACTION = 'EncryptedPhoneVerification';
export const TENCENT_VERSION = '2018-03-01';
const SERVICE = 'faceid';
const CONTENT_TYPE = 'application/json; charset=utf-8';

export interface TencentOptions {
  endpoint: string;
  secretId: string;
  secretKey: string;
  timeoutMs: number;
  maxResponseBytes: number;
  /** ms since the epoch: the signature's timestamp. */
  now?: () => number;
}

/** Lowercase hex SHA-256 of the UTF-8 bytes, as EncryptionMode "2" asks. */
export const digest = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** The request body: digests of the normalised fields (the ID number with an upper-case X). */
export function requestBody({ name, idCard, mobile }: PersonFields): string {
  return JSON.stringify({ IdCard: digest(idCard.toUpperCase()), Name: digest(name), Phone: digest(mobile), EncryptionMode: '2' });
}

export function tencentFaceidProvider(options: TencentOptions): Provider {
  const exchange = createExchange({ ...options, billedStatus: 200 });
  const host = new URL(options.endpoint).hostname;
  const now = options.now ?? Date.now;
  return {
    id: 'tencent-faceid',
    async ask(fields) {
      const payload = requestBody(fields);
      const timestamp = Math.floor(now() / 1000);
      const authorization = tc3Authorization({ ...options, service: SERVICE, host, contentType: CONTENT_TYPE, payload, timestamp });
      const exchanged = await exchange({
        method: 'POST', url: options.endpoint, body: payload,
        headers: {
          Authorization: authorization, 'Content-Type': CONTENT_TYPE, 'X-TC-Action': TENCENT_ACTION,
          'X-TC-Version': TENCENT_VERSION, 'X-TC-Timestamp': String(timestamp),
        },
      });
      if (!exchanged.ok) return { kind: 'refusal', ...exchanged.failure };
      return classifyTencent(exchanged.response);
    },
  };
}
