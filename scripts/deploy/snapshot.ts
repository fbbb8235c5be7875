// Gathers what checks.ts judges: environment values, the key file, build times, client files.
// Reads the local disk only; never the network.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../support/files';
import type { BuiltCloudEnv, DeployEnv, DeploySnapshot, FileTime, KeyFileState, TextFile } from './types';

/** What the builds are made from, folders and files (a change there means the builds are stale). */
export const SOURCES = ['src', 'cloudfunctions/mobileCheck/src', 'config', 'package-lock.json', 'scripts/build-function.ts'];
/** Folders that ship to phones or browsers. */
export const CLIENT_DIRS = ['dist', 'dist-h5'];
const TEXT_EXTENSIONS = /\.(js|mjs|cjs|json|wxml|wxss|wxs|html|css|txt|map|xml|svg)$/i;
const MAX_SCANNED_BYTES = 8 * 1024 * 1024;

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

function fileTime(root: string, file: string): FileTime | undefined {
  try {
    return { path: rel(root, file), mtimeMs: statSync(file).mtimeMs };
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function readKeyFile(keyPath: string, cwd: string): KeyFileState {
  const resolved = path.resolve(cwd, keyPath.trim());
  try {
    const stat = statSync(resolved);
    if (stat.isDirectory()) return { path: resolved, readable: false, error: 'EISDIR: it is a directory' };
    const head = readFileSync(resolved).subarray(0, 200).toString('utf8');
    return { path: resolved, readable: true, head };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'ENOENT: no such file' : code === 'EACCES' ? 'EACCES: permission denied' : code ?? 'unreadable';
    return { path: resolved, readable: false, error: reason };
  }
}

/**
 * The cloud environment the weapp build passed to wx.cloud.init. The build replaces
 * process.env.TARO_APP_CLOUD_ENV with a literal: `env:"cloud1-…"`, or `env:void 0` when it was empty.
 */
export function builtCloudEnvOf(appJs: string): BuiltCloudEnv {
  const m = /cloud\.init\(\s*\{\s*env\s*:\s*(?:"([^"]*)"|'([^']*)'|(void 0|undefined))/.exec(appJs);
  if (!m) return { found: false };
  return { found: true, env: m[1] ?? m[2] ?? '' };
}

function newest(root: string, dirs: string[]): FileTime | undefined {
  let best: FileTime | undefined;
  for (const dir of dirs) {
    for (const file of listFiles(path.join(root, dir))) {
      const t = fileTime(root, file);
      if (t && (!best || t.mtimeMs > best.mtimeMs)) best = t;
    }
  }
  return best;
}

function clientFiles(root: string): TextFile[] {
  const files: TextFile[] = [];
  let budget = MAX_SCANNED_BYTES * 8;
  for (const dir of CLIENT_DIRS) {
    for (const file of listFiles(path.join(root, dir))) {
      if (!TEXT_EXTENSIONS.test(file)) continue;
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        continue;
      }
      if (size > MAX_SCANNED_BYTES || size > budget) continue;
      const content = readText(file);
      if (content === undefined) continue;
      budget -= size;
      files.push({ path: rel(root, file), content });
    }
  }
  return files;
}

function envFiles(root: string): TextFile[] {
  let names: string[] = [];
  try {
    names = readdirSync(root).filter((n) => n === '.env' || n.startsWith('.env.'));
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const content = readText(path.join(root, n));
    return content === undefined ? [] : [{ path: n, content }];
  });
}

function jsonField(file: string, field: string): string | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  try {
    const value = (JSON.parse(text) as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function pickDeployEnv(env: NodeJS.ProcessEnv): DeployEnv {
  const { WX_APPID, WX_CLOUD_ENV, WX_UPLOAD_KEY_PATH, DEPLOY_VERSION, DEPLOY_DESC, ALIYUN_APPCODE, MOBILECHECK_HASH_SECRET, MOBILECHECK_TENCENT_SECRET_KEY } = env;
  return { WX_APPID, WX_CLOUD_ENV, WX_UPLOAD_KEY_PATH, DEPLOY_VERSION, DEPLOY_DESC, ALIYUN_APPCODE, MOBILECHECK_HASH_SECRET, MOBILECHECK_TENCENT_SECRET_KEY };
}

export function takeSnapshot(root: string, env: DeployEnv, cwd: string): DeploySnapshot {
  const appJsPath = path.join(root, 'dist/app.js');
  const bundlePath = path.join(root, 'cloudfunctions/mobileCheck/index.js');
  const appJs = readText(appJsPath);
  const weappBuild = appJs === undefined ? undefined : fileTime(root, appJsPath);
  const functionBundle = existsSync(bundlePath) ? fileTime(root, bundlePath) : undefined;
  let functionBundleBytes = 0;
  try {
    functionBundleBytes = statSync(bundlePath).size;
  } catch {
    functionBundleBytes = 0;
  }
  return {
    env,
    keyFile: env.WX_UPLOAD_KEY_PATH?.trim() ? readKeyFile(env.WX_UPLOAD_KEY_PATH, cwd) : undefined,
    weappBuild,
    weappAppJson: existsSync(path.join(root, 'dist/app.json')),
    builtCloudEnv: appJs === undefined ? { found: false } : builtCloudEnvOf(appJs),
    functionBundle,
    functionBundleBytes,
    functionPackageJson: existsSync(path.join(root, 'cloudfunctions/mobileCheck/package.json')),
    functionConfigJson: existsSync(path.join(root, 'cloudfunctions/mobileCheck/config.json')),
    newestSource: newest(root, SOURCES),
    clientFiles: clientFiles(root),
    envFiles: envFiles(root),
    operatorSource: readText(path.join(root, 'src/settings/operator.ts')),
    projectConfigAppid: jsonField(path.join(root, 'project.config.json'), 'appid'),
    packageVersion: jsonField(path.join(root, 'package.json'), 'version'),
  };
}

/** The first timer trigger declared in the function's config.json, if any (miniprogram-ci takes one). */
export function timerTriggerOf(root: string): { name: string; type: string; config: string } | undefined {
  const text = readText(path.join(root, 'cloudfunctions/mobileCheck/config.json'));
  if (text === undefined) return undefined;
  try {
    const triggers = (JSON.parse(text) as { triggers?: unknown }).triggers;
    if (!Array.isArray(triggers)) return undefined;
    for (const t of triggers as Array<Record<string, unknown>>) {
      if (t && t.type === 'timer' && typeof t.name === 'string' && typeof t.config === 'string') {
        return { name: t.name, type: 'timer', config: t.config };
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}
