// Checks of the deploy's own settings: the AppID, the cloud environment, the upload key, and the
// operator's details in the agreement. Pure: they judge values snapshot.ts gathered.
import { isSet, type DeployEnv, type Finding, type KeyFileState } from './types';

export const APPID_PATTERN = /^wx[0-9a-f]{16}$/;
/** WeChat cloud environment ids: letters, digits, hyphens and underscores, e.g. cloud1-9gabc1234de56f78. */
export const CLOUD_ENV_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/;
export const EXAMPLE_COMPANY = '示例科技有限公司';
export const EXAMPLE_CONTACT_DOMAIN = 'example.com';

const APPID_WHERE = '微信公众平台 (mp.weixin.qq.com) → 开发管理 → 开发设置 → 开发者ID → AppID(小程序ID)';
const ENV_WHERE = '云开发控制台 → 设置 → 环境设置 → 环境 ID';
const KEY_WHERE = '微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传 → 生成 (download private.<appid>.key, and set the IP 白名单)';


export function checkAppid(env: DeployEnv): Finding {
  const what = 'WX_APPID (the mini-program AppID)';
  if (!isSet(env.WX_APPID)) {
    return { ok: false, what, cause: 'WX_APPID is not set.', fix: `export WX_APPID=wx… — from ${APPID_WHERE}.` };
  }
  const appid = env.WX_APPID.trim();
  if (!APPID_PATTERN.test(appid)) {
    return {
      ok: false,
      what,
      cause: `WX_APPID "${appid}" does not look like an AppID ("wx" and 16 lower-case hex characters).`,
      fix: `Copy the AppID from ${APPID_WHERE} (not the AppSecret, not "touristappid").`,
    };
  }
  return { ok: true, what, detail: appid };
}

export function checkCloudEnv(env: DeployEnv): Finding {
  const what = 'WX_CLOUD_ENV (the cloud environment id)';
  if (!isSet(env.WX_CLOUD_ENV)) {
    return { ok: false, what, cause: 'WX_CLOUD_ENV is not set.', fix: `export WX_CLOUD_ENV=<环境 ID> — from ${ENV_WHERE}.` };
  }
  const id = env.WX_CLOUD_ENV.trim();
  if (!CLOUD_ENV_PATTERN.test(id)) {
    return {
      ok: false,
      what,
      cause: `WX_CLOUD_ENV "${id}" does not look like an environment id (letters, digits, "-" and "_" only).`,
      fix: `Copy the 环境 ID (not the environment's display name) from ${ENV_WHERE}.`,
    };
  }
  return { ok: true, what, detail: id };
}

export function checkKey(env: DeployEnv, key: KeyFileState | undefined): Finding {
  const what = 'WX_UPLOAD_KEY_PATH (the code upload key)';
  if (!isSet(env.WX_UPLOAD_KEY_PATH) || !key) {
    return { ok: false, what, cause: 'WX_UPLOAD_KEY_PATH is not set.', fix: `export WX_UPLOAD_KEY_PATH=/path/to/private.<appid>.key — from ${KEY_WHERE}.` };
  }
  if (!key.readable) {
    return {
      ok: false,
      what,
      cause: `The key file ${key.path} cannot be read${key.error ? ` (${key.error})` : ''}.`,
      fix: 'Check the path (relative paths start from the directory you run npm in) and that this user may read the file (chmod 600, owned by you).',
    };
  }
  const head = (key.head ?? '').replace(/^\uFEFF/, '').trimStart();
  if (!/^-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(head)) {
    return {
      ok: false,
      what,
      cause: `${key.path} is not a PEM private key (it should start with "-----BEGIN RSA PRIVATE KEY-----").`,
      fix: `Point WX_UPLOAD_KEY_PATH at the downloaded private.<appid>.key itself, unchanged; if it is lost, reset it: ${KEY_WHERE}.`,
    };
  }
  const named = /(wx[0-9a-f]{16})/.exec(key.path.split(/[\\/]/).pop() ?? '');
  const appid = env.WX_APPID?.trim();
  if (named && appid && APPID_PATTERN.test(appid) && named[1] !== appid) {
    return {
      ok: false,
      what,
      cause: `The key file is named for ${named[1]} but WX_APPID is ${appid}: a key only works for its own mini-program.`,
      fix: `Use the key downloaded for ${appid}, or correct WX_APPID.`,
    };
  }
  return { ok: true, what, detail: `${key.path} (PEM private key)` };
}

export function checkOperator(source: string | undefined): Finding {
  const what = 'Operator details for the 个人信息授权书 (src/operator/settings.ts)';
  if (source === undefined) {
    return { ok: false, what, cause: 'src/operator/settings.ts is missing.', fix: 'Restore it from git (git checkout -- src/operator/settings.ts) and fill in your details.' };
  }
  const placeholders: string[] = [];
  if (source.includes(EXAMPLE_COMPANY)) placeholders.push(`company "${EXAMPLE_COMPANY}"`);
  if (source.includes(`@${EXAMPLE_CONTACT_DOMAIN}`)) placeholders.push(`contact "…@${EXAMPLE_CONTACT_DOMAIN}"`);
  if (placeholders.length > 0) {
    return {
      ok: false,
      what,
      cause: `It still has the example ${placeholders.join(' and ')}: people would consent to a company that does not exist.`,
      fix: 'Edit src/operator/settings.ts (company, service, purpose, contact, providers), then npm run build.',
    };
  }
  return { ok: true, what, detail: 'filled in (no example values left)' };
}
