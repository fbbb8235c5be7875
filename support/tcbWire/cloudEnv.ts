// The environment a WeChat cloud function runs with, pointed at the wire fake.
//
// Routing: TCB_CONTEXT_CNFG = {"URL": "<fake>/admin"}. @cloudbase/node-sdk's buildUrl() takes the
// URL the platform injects there (getServerInjectUrl) before its default
// http://<env>.internal.<region>.tcb-api.tencentcloudapi.com/admin, and appends the same
// ?env=<env>&seqId=… . Everything else is production code: the bundle is not touched, the SDK signs
// (TC3-HMAC-SHA256 with the injected temporary credentials), builds headers and bodies, and opens one
// connection per request (keepalive off under SCF) exactly as in the cloud. Resolving the real host
// name to 127.0.0.1 instead (a dns.lookup hook preloaded into the function's process) would also
// exercise the SDK's own host name, but it patches the runtime, and the default URL is plain http on
// port 80: a privileged port that parallel test workers on one machine cannot share. What this route
// leaves untested is the default host name (env id format, region, internal endpoint), not the bytes.
/** A temporary key pair as SCF injects it; the fake checks the signature's form, not its value. */
const CREDENTIALS = {
  TENCENTCLOUD_SECRETID: 'AKIDwirefake0000000000000000000000000',
  TENCENTCLOUD_SECRETKEY: 'wirefakesecretkey0000000000000000',
  TENCENTCLOUD_SESSIONTOKEN: 'wirefake-session-token',
};

const WIRE_REGION = 'ap-shanghai';
export const WIRE_APPID = 'wx0000000000wire00';

/**
 * What the platform sets for one invocation: the SCF runtime, the environment id, credentials, the
 * injected API URL, and the caller (WX_OPENID, read by cloud.getWXContext()); no caller for a timer.
 */
export function cloudEnv(wire: { url: string; envId: string }, caller?: string): Record<string, string> {
  return {
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: WIRE_REGION,
    SCF_NAMESPACE: wire.envId,
    TCB_ENV: wire.envId,
    ...CREDENTIALS,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: wire.url }),
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_APPID: WIRE_APPID,
    ...(caller !== undefined && { WX_OPENID: caller }),
  };
}
