// The pure part of `npm run deploy`: given a snapshot of what the deploy would use (environment
// values, the key file, build times, client files), say what is ready and what blocks, with the fix.
// No file system, no network, no clock: snapshot.ts gathers the inputs, index.ts prints and uploads.
import { checkSecrets } from './secrets';
import { checkAppid, checkCloudEnv, checkKey, checkOperator } from './settingsChecks';
import { isSet, type DeployEnv, type DeploySnapshot, type FileTime, type Finding } from './types';

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
    { ok: true, what: 'Release', detail: `version ${version}${isSet(s.env.DEPLOY_VERSION) ? '' : ' (package.json; DEPLOY_VERSION overrides)'}, description "${desc}"` },
  ];
  return findings.filter((f): f is Finding => f !== undefined);
}
