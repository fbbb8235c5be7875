// A deploy snapshot where every check passes; each test changes one thing.
import type { DeploySnapshot, Finding } from '../../scripts/deploy/types';

export const APPID = 'wx0123456789abcdef';
export const CLOUD_ENV = 'cloud1-9gabc1234de56f78';
// Built at run time so no appCode-shaped literal is committed (the before-stop hook looks for them).
export const APPCODE = '0a1b2c3d'.repeat(4);

export function good(overrides: Partial<DeploySnapshot> = {}): DeploySnapshot {
  return {
    env: { WX_APPID: APPID, WX_CLOUD_ENV: CLOUD_ENV, WX_UPLOAD_KEY_PATH: '/keys/private.wx0123456789abcdef.key' },
    keyFile: { path: '/keys/private.wx0123456789abcdef.key', readable: true, head: '-----BEGIN RSA PRIVATE KEY-----\nMIIE' },
    weappBuild: { path: 'dist/app.js', mtimeMs: 2_000 },
    weappAppJson: true,
    builtCloudEnv: { found: true, env: CLOUD_ENV },
    functionBundle: { path: 'cloudfunctions/mobileCheck/index.js', mtimeMs: 2_000 },
    functionBundleBytes: 1_400_000,
    functionPackageJson: true,
    functionConfigJson: true,
    newestSource: { path: 'src/app.ts', mtimeMs: 1_000 },
    clientFiles: [
      { path: 'dist/app.js', content: 'wx.cloud.init({env:"cloud1-9gabc1234de56f78"});var u={appCodeName:"Mozilla"}' },
      { path: 'dist-h5/index.html', content: '<html><body></body></html>' },
    ],
    envFiles: [{ path: '.env.production', content: `TARO_APP_CLOUD_ENV=${CLOUD_ENV}\n` }],
    operatorSource: "export const operatorSettings = { company: '成都某某网络科技有限公司', service: '会员实名', purpose: '核验', contact: 'privacy@mouxx.cn' };",
    projectConfigAppid: APPID,
    packageVersion: '1.0.0',
    ...overrides,
  };
}

export const failures = (findings: Finding[]) => findings.filter((f) => !f.ok);
export const failureOf = (findings: Finding[], what: RegExp): Finding => {
  const found = failures(findings).find((f) => what.test(f.what));
  if (!found) throw new Error(`no failed check matching ${what}; failed: ${failures(findings).map((f) => f.what).join(' | ')}`);
  return found;
};
