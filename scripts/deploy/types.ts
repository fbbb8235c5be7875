// What the deploy checks read (a snapshot of environment, key file, builds and client files) and
// what they answer (findings).
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
  MOBILECHECK_TENCENT_SECRET_KEY?: string;
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
  /** src/operator/settings.ts, or undefined when missing. */
  operatorSource?: string;
  /** The appid in the root project.config.json, or undefined when missing/unreadable. */
  projectConfigAppid?: string;
  /** package.json "version". */
  packageVersion?: string;
}

/** True when an environment value is present and not blank. */
export const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
