// Where the function is reached: its cloud name (weapp, deploy) and the local host's h5 paths.
// One place for the h5 client (src/services/mobileCheckClient.ts) and the server (local-host/server.ts).
export const FUNCTION_NAME = 'mobileCheck';
/** `POST`, JSON body = the function's event, answer = the function's answer. */
export const H5_FUNCTION_URL = `/api/functions/${FUNCTION_NAME}`;
/** `GET`, answers `{ mode: VendorMode }`. */
export const H5_STATUS_URL = '/api/status';
/** Whether the local host asks the sandbox stand-in or the real provider. */
export type VendorMode = 'sandbox' | 'live';
/** Every local host endpoint lives below this prefix; unknown paths there answer 404. */
export const H5_API_PREFIX = '/api/';
