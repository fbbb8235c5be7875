// TC3-HMAC-SHA256, Tencent Cloud API 3.0's signature (cloud.tencent.com/document/api/1007/31324),
// from the documented algorithm with node:crypto: the official SDK would add its whole weight to
// the bundle for these few lines (docs/providers.md gives the measurements).
import { createHash, createHmac } from 'node:crypto';

export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** The credential scope's service: `faceid`. */
  service: string;
  /** The Host header as signed: the hostname, without a port. */
  host: string;
  contentType: string;
  /** The exact bytes of the JSON body. */
  payload: string;
  /** Seconds since the epoch; Tencent refuses a signature more than 5 minutes off. */
  timestamp: number;
}

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

/** The UTC date of the timestamp, YYYY-MM-DD: the first part of the credential scope. */
export const tc3Date = (timestamp: number): string => new Date(timestamp * 1000).toISOString().slice(0, 10);

/** The Authorization header for a POST to `/` with signed headers content-type and host. */
export function tc3Authorization(request: Tc3Request): string {
  const signedHeaders = 'content-type;host';
  const canonicalRequest = [
    'POST', '/', '',
    `content-type:${request.contentType}\nhost:${request.host}\n`,
    signedHeaders,
    sha256Hex(request.payload),
  ].join('\n');
  const date = tc3Date(request.timestamp);
  const scope = `${date}/${request.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(request.timestamp), scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${request.secretKey}`, date), request.service), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
  return `TC3-HMAC-SHA256 Credential=${request.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
