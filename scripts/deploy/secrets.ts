// Secrets in what ships to phones and browsers: the function's appCode and hash key, 32-hex
// appCodes next to the word, and TARO_APP_ variables named like secrets.
import { isSet, type DeployEnv, type DeploySnapshot, type Finding, type TextFile } from './types';

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
  const tencentKey = env.MOBILECHECK_TENCENT_SECRET_KEY?.trim();
  if (tencentKey && tencentKey.length >= MIN_SECRET_LENGTH) values.push({ value: tencentKey, kind: 'the value of MOBILECHECK_TENCENT_SECRET_KEY' });
  const patterns: Array<{ pattern: RegExp; kind: string }> = [
    { pattern: /appcode[^0-9a-z]{0,40}?\b[0-9a-f]{32}\b/i, kind: 'a 32-hex appCode next to "appcode"' },
    { pattern: /\b[0-9a-f]{32}\b[^0-9a-z]{0,40}?appcode/i, kind: 'a 32-hex appCode next to "appcode"' },
    { pattern: /(ALIYUN_APPCODE|MOBILECHECK_HASH_SECRET|MOBILECHECK_TENCENT_SECRET_KEY)["']?\s*[:=]\s*["'`][^"'`\s]{6,}/, kind: 'a value given to ALIYUN_APPCODE / MOBILECHECK_HASH_SECRET / MOBILECHECK_TENCENT_SECRET_KEY' },
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

export function checkSecrets(s: DeploySnapshot): Finding {
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
    isSet(s.env.ALIYUN_APPCODE) ? 'incl. the ALIYUN_APPCODE value' : 'ALIYUN_APPCODE not set here, so pattern search only',
  ];
  return { ok: true, what, detail: checked.join(', ') };
}
