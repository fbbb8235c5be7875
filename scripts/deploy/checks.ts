// The pure part of `npm run deploy`: given a snapshot of what the deploy would use (environment
// values, the key file, build times, client files), say what is ready and what blocks, with the fix.
// No file system, no network, no clock: snapshot.ts gathers the inputs, index.ts prints and uploads.

/** One line of the checklist. `ok: false` blocks the deploy. */
export interface Finding {
  ok: boolean;
  what: string;
  /** For a passed check: what was found (never a secret). */
  detail?: string;
  /** For a failed check: what is wrong. */
  cause?: string;
  /** For a failed check: what to do. */
  fix?: string;
}

/** The environment variables the deploy reads, plus the function's secrets (only to look for them in client files). */
export interface DeployEnv {
  WX_APPID?: string;
  WX_CLOUD_ENV?: string;
  WX_UPLOAD_KEY_PATH?: string;
  DEPLOY_VERSION?: string;
  DEPLOY_DESC?: string;
  ALIYUN_APPCODE?: string;
  MOBILECHECK_HASH_SECRET?: string;
}

export interface KeyFileState {
  /** The path as resolved (absolute). */
  path: string;
  readable: boolean;
  /** Why it could not be read (e.g. ENOENT, EACCES, EISDIR). */
  error?: string;
  /** The first bytes of the file, enough to see a PEM header. */
  head?: string;
}

export interface FileTime {
  /** Relative to the project root, with forward slashes. */
  path: string;
  mtimeMs: number;
}

export interface TextFile {
  /** Relative to the project root, with forward slashes. */
  path: string;
  content: string;
}

/** What the weapp build passed to wx.cloud.init: a string ('' = the default environment), or not found. */
export type BuiltCloudEnv = { found: true; env: string } | { found: false };

export interface DeploySnapshot {
  env: DeployEnv;
  /** Undefined when WX_UPLOAD_KEY_PATH is not set. */
  keyFile?: KeyFileState;
  /** dist/app.js, or undefined when missing. */
  weappBuild?: FileTime;
  /** dist/app.json exists. */
  weappAppJson: boolean;
  builtCloudEnv: BuiltCloudEnv;
  /** cloudfunctions/mobileCheck/index.js, or undefined when missing. */
  functionBundle?: FileTime;
  /** Size of index.js in bytes (0 when missing). */
  functionBundleBytes: number;
  functionPackageJson: boolean;
  functionConfigJson: boolean;
  /** The newest file under the sources the builds are made from, or undefined when none. */
  newestSource?: FileTime;
  /** Every text file under dist/ and dist-h5/. */
  clientFiles: TextFile[];
  /** .env files at the root (Taro ships their TARO_APP_ values to phones). */
  envFiles: TextFile[];
  /** src/settings/operator.ts, or undefined when missing. */
  operatorSource?: string;
  /** The appid in the root project.config.json, or undefined when missing/unreadable. */
  projectConfigAppid?: string;
  /** package.json "version". */
  packageVersion?: string;
}

export const APPID_PATTERN = /^wx[0-9a-f]{16}$/;
/** WeChat cloud environment ids: letters, digits, hyphens and underscores, e.g. cloud1-9gabc1234de56f78. */
export const CLOUD_ENV_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/;
export const EXAMPLE_COMPANY = '示例科技有限公司';
export const EXAMPLE_CONTACT_DOMAIN = 'example.com';

const APPID_WHERE = '微信公众平台 (mp.weixin.qq.com) → 开发管理 → 开发设置 → 开发者ID → AppID(小程序ID)';
const ENV_WHERE = '云开发控制台 → 设置 → 环境设置 → 环境 ID';
const KEY_WHERE = '微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传 → 生成 (download private.<appid>.key, and set the IP 白名单)';

const set = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

function checkAppid(env: DeployEnv): Finding {
  const what = 'WX_APPID (the mini-program AppID)';
  if (!set(env.WX_APPID)) {
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

function checkCloudEnv(env: DeployEnv): Finding {
  const what = 'WX_CLOUD_ENV (the cloud environment id)';
  if (!set(env.WX_CLOUD_ENV)) {
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

function checkKey(env: DeployEnv, key: KeyFileState | undefined): Finding {
  const what = 'WX_UPLOAD_KEY_PATH (the code upload key)';
  if (!set(env.WX_UPLOAD_KEY_PATH) || !key) {
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

function checkOperator(source: string | undefined): Finding {
  const what = 'Operator details for the 个人信息授权书 (src/settings/operator.ts)';
  if (source === undefined) {
    return { ok: false, what, cause: 'src/settings/operator.ts is missing.', fix: 'Restore it from git (git checkout -- src/settings/operator.ts) and fill in your details.' };
  }
  const placeholders: string[] = [];
  if (source.includes(EXAMPLE_COMPANY)) placeholders.push(`company "${EXAMPLE_COMPANY}"`);
  if (source.includes(`@${EXAMPLE_CONTACT_DOMAIN}`)) placeholders.push(`contact "…@${EXAMPLE_CONTACT_DOMAIN}"`);
  if (placeholders.length > 0) {
    return {
      ok: false,
      what,
      cause: `It still has the example ${placeholders.join(' and ')}: people would consent to a company that does not exist.`,
      fix: 'Edit src/settings/operator.ts (company, service, purpose, contact), then npm run build.',
    };
  }
  return { ok: true, what, detail: 'filled in (no example values left)' };
}

function checkFunctionFolder(s: DeploySnapshot): Finding {
  const what = 'Cloud function folder cloudfunctions/mobileCheck/ (index.js, package.json, config.json)';
  const missing: string[] = [];
  if (!s.functionBundle || s.functionBundleBytes === 0) missing.push('index.js (the bundle)');
  if (!s.functionPackageJson) missing.push('package.json');
  if (!s.functionConfigJson) missing.push('config.json');
  if (missing.length > 0) {
    return {
      ok: false,
      what,
      cause: `Missing: ${missing.join(', ')}.`,
      fix: missing[0].startsWith('index.js') && missing.length === 1
        ? 'Run npm run build:function (or npm run build).'
        : 'Restore the missing files from git (git checkout -- cloudfunctions/mobileCheck), then npm run build:function.',
    };
  }
  return { ok: true, what, detail: `index.js ${(s.functionBundleBytes / 1024).toFixed(0)} KB` };
}

function checkWeappBuild(s: DeploySnapshot): Finding {
  const what = 'Mini-program build dist/ (app.js, app.json)';
  const missing: string[] = [];
  if (!s.weappBuild) missing.push('dist/app.js');
  if (!s.weappAppJson) missing.push('dist/app.json');
  if (missing.length > 0) {
    return { ok: false, what, cause: `Missing: ${missing.join(', ')}.`, fix: 'Run npm run build (or npm run build:weapp).' };
  }
  return { ok: true, what };
}

function checkFresh(s: DeploySnapshot): Finding | undefined {
  const what = 'Builds are newer than the sources (src/, cloudfunctions/mobileCheck/src/, config/)';
  if (!s.weappBuild && !s.functionBundle) return undefined; // already reported as missing
  if (!s.newestSource) return { ok: true, what, detail: 'no source files found to compare' };
  const newest = s.newestSource;
  const stale = [s.weappBuild, s.functionBundle].filter((b): b is FileTime => b !== undefined && b.mtimeMs < newest.mtimeMs);
  if (stale.length > 0) {
    return {
      ok: false,
      what,
      cause: `${stale.map((b) => b.path).join(' and ')} ${stale.length > 1 ? 'are' : 'is'} older than ${newest.path}: the upload would ship old code.`,
      fix: 'Run npm run build (with the same TARO_APP_CLOUD_ENV), then deploy again.',
    };
  }
  return { ok: true, what };
}

function checkBuiltCloudEnv(s: DeploySnapshot): Finding | undefined {
  const what = 'Cloud environment built into the mini-program (TARO_APP_CLOUD_ENV) equals WX_CLOUD_ENV';
  if (!s.weappBuild) return undefined; // already reported as missing
  const wanted = s.env.WX_CLOUD_ENV?.trim();
  const rebuild = `Run TARO_APP_CLOUD_ENV=${wanted || '<环境 ID>'} npm run build (or put TARO_APP_CLOUD_ENV=${wanted || '<环境 ID>'} in .env.production), then deploy again.`;
  if (!s.builtCloudEnv.found) {
    return { ok: false, what, cause: 'dist/app.js has no recognisable wx.cloud.init({ env }) call.', fix: rebuild };
  }
  const built = s.builtCloudEnv.env;
  if (!wanted) {
    // WX_CLOUD_ENV itself is reported as missing; say what the build holds so the operator can match it.
    return undefined;
  }
  if (built === '') {
    return {
      ok: false,
      what,
      cause: `dist/ was built without TARO_APP_CLOUD_ENV, so the mini-program calls its default environment, which need not be ${wanted}.`,
      fix: rebuild,
    };
  }
  if (built !== wanted) {
    return {
      ok: false,
      what,
      cause: `dist/ was built for "${built}" but the function would go to "${wanted}": the mini-program would call a function that is not there.`,
      fix: rebuild,
    };
  }
  return { ok: true, what, detail: built };
}

/** Where secrets appear in client files. Never returns the secret itself. */
export interface SecretHit {
  path: string;
  kind: string;
}

const MIN_SECRET_LENGTH = 6;

export function scanForSecrets(files: TextFile[], env: DeployEnv): SecretHit[] {
  const values: Array<{ value: string; kind: string }> = [];
  const appCode = env.ALIYUN_APPCODE?.trim();
  const hashSecret = env.MOBILECHECK_HASH_SECRET?.trim();
  if (appCode && appCode.length >= MIN_SECRET_LENGTH) values.push({ value: appCode, kind: 'the value of ALIYUN_APPCODE' });
  if (hashSecret && hashSecret.length >= MIN_SECRET_LENGTH) values.push({ value: hashSecret, kind: 'the value of MOBILECHECK_HASH_SECRET' });
  const patterns: Array<{ pattern: RegExp; kind: string }> = [
    { pattern: /appcode[^0-9a-z]{0,40}?\b[0-9a-f]{32}\b/i, kind: 'a 32-hex appCode next to "appcode"' },
    { pattern: /\b[0-9a-f]{32}\b[^0-9a-z]{0,40}?appcode/i, kind: 'a 32-hex appCode next to "appcode"' },
    { pattern: /(ALIYUN_APPCODE|MOBILECHECK_HASH_SECRET)["']?\s*[:=]\s*["'`][^"'`\s]{6,}/, kind: 'a value given to ALIYUN_APPCODE / MOBILECHECK_HASH_SECRET' },
  ];
  const hits: SecretHit[] = [];
  for (const file of files) {
    const kinds = new Set<string>();
    for (const { value, kind } of values) if (file.content.includes(value)) kinds.add(kind);
    for (const { pattern, kind } of patterns) if (pattern.test(file.content)) kinds.add(kind);
    for (const kind of kinds) hits.push({ path: file.path, kind });
  }
  return hits;
}

/** TARO_APP_ variables whose names say they hold a secret: Taro copies them into client code. */
export function secretTaroVariables(envFiles: TextFile[]): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const file of envFiles) {
    for (const line of file.content.split(/\r?\n/)) {
      const m = /^\s*(?:export\s+)?(TARO_APP_[A-Z0-9_]*)\s*=\s*(.*)$/.exec(line);
      if (m && /APPCODE|SECRET|PRIVATE|PASSWORD|TOKEN/i.test(m[1]) && m[2].trim() !== '') {
        hits.push({ path: file.path, kind: `${m[1]} (TARO_APP_ values ship to phones)` });
      }
    }
  }
  return hits;
}

function checkSecrets(s: DeploySnapshot): Finding {
  const what = 'No secret in client files (dist/, dist-h5/, .env files)';
  const hits = [...scanForSecrets(s.clientFiles, s.env), ...secretTaroVariables(s.envFiles)];
  if (hits.length > 0) {
    const shown = hits.slice(0, 5).map((h) => `${h.path}: ${h.kind}`);
    if (hits.length > 5) shown.push(`… and ${hits.length - 5} more`);
    return {
      ok: false,
      what,
      cause: `Found ${shown.join('; ')}. Everything in the mini-program ships to phones.`,
      fix: 'Remove the secret from src/, config/ and .env files (it belongs only in 云函数 → mobileCheck → 函数配置 → 环境变量), rebuild with npm run build, and rotate the appCode (docs/deploy.md, "Rotating the appCode") because it may have leaked.',
    };
  }
  const checked = [
    `${s.clientFiles.length} files`,
    set(s.env.ALIYUN_APPCODE) ? 'incl. the ALIYUN_APPCODE value' : 'ALIYUN_APPCODE not set here, so pattern search only',
  ];
  return { ok: true, what, detail: checked.join(', ') };
}

function noteProjectConfig(s: DeploySnapshot): Finding | undefined {
  const appid = s.env.WX_APPID?.trim();
  const what = 'project.config.json appid (used by WeChat DevTools only; this deploy uses WX_APPID)';
  if (s.projectConfigAppid === undefined) return undefined;
  if (appid && s.projectConfigAppid !== appid) {
    return { ok: true, what, detail: `it says "${s.projectConfigAppid}"; set it to ${appid} if you also deploy from DevTools` };
  }
  return { ok: true, what, detail: s.projectConfigAppid };
}

/** The version and description the upload would use. */
export function releaseInfo(env: DeployEnv, packageVersion: string | undefined): { version: string; desc: string } {
  const version = env.DEPLOY_VERSION?.trim() || packageVersion || '0.0.0';
  const desc = env.DEPLOY_DESC?.trim() || `mobileCheck ${version}`;
  return { version, desc };
}

export function checkDeployment(s: DeploySnapshot): Finding[] {
  const { version, desc } = releaseInfo(s.env, s.packageVersion);
  const findings: Array<Finding | undefined> = [
    checkAppid(s.env),
    checkCloudEnv(s.env),
    checkKey(s.env, s.keyFile),
    checkOperator(s.operatorSource),
    checkFunctionFolder(s),
    checkWeappBuild(s),
    checkFresh(s),
    checkBuiltCloudEnv(s),
    checkSecrets(s),
    noteProjectConfig(s),
    { ok: true, what: 'Release', detail: `version ${version}${set(s.env.DEPLOY_VERSION) ? '' : ' (package.json; DEPLOY_VERSION overrides)'}, description "${desc}"` },
  ];
  return findings.filter((f): f is Finding => f !== undefined);
}

export const blocking = (findings: Finding[]): Finding[] => findings.filter((f) => !f.ok);

export function formatReport(findings: Finding[], opts: { dryRun: boolean; root: string }): string {
  const lines = [`mobileCheck deploy${opts.dryRun ? ' — dry run (no network, nothing uploaded)' : ''}`, `project root: ${opts.root}`, ''];
  for (const f of findings) {
    lines.push(`${f.ok ? '✓' : '✗'} ${f.what}${f.ok && f.detail ? `: ${f.detail}` : ''}`);
    if (!f.ok) {
      if (f.cause) lines.push(`    cause: ${f.cause}`);
      if (f.fix) lines.push(`    fix:   ${f.fix}`);
    }
  }
  const failed = blocking(findings);
  lines.push('');
  if (failed.length > 0) {
    lines.push(`${failed.length} problem${failed.length > 1 ? 's' : ''} block${failed.length > 1 ? '' : 's'} the deploy. Nothing was uploaded.`);
  } else if (opts.dryRun) {
    lines.push('Ready: every local check passed. Run npm run deploy (without --dry-run) to upload.');
    lines.push('Not checked without network: the IP 白名单 for the upload key, that the environment exists, the function settings in the cloud console.');
  } else {
    lines.push('Every local check passed; uploading.');
  }
  return lines.join('\n');
}

/** A cause and a fix for an error thrown by miniprogram-ci during the upload. */
export function explainUploadError(step: 'function' | 'trigger' | 'mini-program', message: string): { cause: string; fix: string } {
  const m = message.toLowerCase();
  const cause = `${step === 'function' ? 'Uploading the cloud function' : step === 'trigger' ? 'Creating the timer trigger' : 'Uploading the mini-program'} failed: ${message}`;
  if (/enotfound|eai_again|econnrefused|etimedout|econnreset|socket hang up|network/.test(m)) {
    return { cause, fix: 'This machine cannot reach servicewechat.com / the cloud API: check the network or proxy, then try again.' };
  }
  if (/invalid ip|\bip\b.*(whitelist|white list)|白名单/.test(m)) {
    return { cause, fix: 'Add this machine\'s public IP under 微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传 → IP白名单, then try again.' };
  }
  if (/env not found/.test(m)) {
    return { cause, fix: 'WX_CLOUD_ENV is not an environment of this mini-program: copy the 环境 ID from 云开发控制台 → 设置 → 环境设置.' };
  }
  if (/private ?key|privatekey|签名|signature|密钥|decrypt|rsa/.test(m)) {
    return { cause, fix: 'The upload key does not match WX_APPID or was reset: download a new one (微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传 → 重置) and point WX_UPLOAD_KEY_PATH at it.' };
  }
  if (/appid/.test(m)) {
    return { cause, fix: 'Check WX_APPID against 微信公众平台 → 开发管理 → 开发设置 → AppID.' };
  }
  if (/another ongoing update/.test(m)) {
    return { cause, fix: 'Another deploy of mobileCheck is still running: wait a minute and run npm run deploy again.' };
  }
  return { cause, fix: 'Read the message above; docs/deploy.md ("npm run deploy") lists the usual causes. Nothing after this step was uploaded.' };
}
