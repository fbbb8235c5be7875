// An error the TCB admin API answers with HTTP 200 and `{ code, message, requestId }`; wx-server-sdk
// maps the code to its errCode (DATABASE_REQUEST_FAILED → -502001, unknown codes → SYS_ERR -501001).
export type WireErrorCode = 'SYS_ERR' | 'DATABASE_REQUEST_FAILED' | 'DATABASE_COLLECTION_NOT_EXIST' | 'INVALID_PARAM';

export class WireError extends Error {
  constructor(readonly code: WireErrorCode, message: string) {
    super(message);
  }
}
