import { checkDeployment, releaseInfo } from '../../scripts/deploy/checks';
import { scanForSecrets, secretTaroVariables } from '../../scripts/deploy/secrets';
import { APPCODE, APPID, CLOUD_ENV, failureOf, failures, good } from './snapshotFixture';

describe('deploy checks', () => {
  test('a good configuration passes every check', () => {
    const findings = checkDeployment(good());
    expect(failures(findings)).toEqual([]);
    expect(findings.map((f) => f.what)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^WX_APPID/), expect.stringMatching(/^WX_CLOUD_ENV/), expect.stringMatching(/^WX_UPLOAD_KEY_PATH/),
      expect.stringMatching(/No secret/), expect.stringMatching(/newer than the sources/),
    ]));
  });

  test('a missing WX_APPID blocks with where to find the AppID', () => {
    const f = failureOf(checkDeployment(good({ env: { ...good().env, WX_APPID: undefined } })), /^WX_APPID/);
    expect(f.cause).toMatch(/not set/);
    expect(f.fix).toMatch(/开发设置/);
  });

  test('a blank WX_APPID counts as missing', () => {
    expect(failureOf(checkDeployment(good({ env: { ...good().env, WX_APPID: '   ' } })), /^WX_APPID/).cause).toMatch(/not set/);
  });

  test.each(['touristappid', 'wx0123456789ABCDEF', 'wx0123456789abcde', '0123456789abcdef01'])('a malformed WX_APPID %p blocks', (appid) => {
    const f = failureOf(checkDeployment(good({ env: { ...good().env, WX_APPID: appid } })), /^WX_APPID/);
    expect(f.cause).toContain(appid);
    expect(f.cause).toMatch(/16 lower-case hex/);
  });

  test('a missing cloud environment blocks and names WX_CLOUD_ENV', () => {
    const findings = checkDeployment(good({ env: { ...good().env, WX_CLOUD_ENV: undefined } }));
    const f = failureOf(findings, /^WX_CLOUD_ENV/);
    expect(f.cause).toBe('WX_CLOUD_ENV is not set.');
    expect(f.fix).toMatch(/环境 ID/);
    expect(failures(findings)).toHaveLength(1);
  });

  test('a cloud environment given by display name (with spaces) blocks', () => {
    expect(failureOf(checkDeployment(good({ env: { ...good().env, WX_CLOUD_ENV: '生产 环境' } })), /^WX_CLOUD_ENV/).cause).toMatch(/does not look like/);
  });

  test('a missing upload key path blocks', () => {
    const f = failureOf(checkDeployment(good({ env: { ...good().env, WX_UPLOAD_KEY_PATH: undefined }, keyFile: undefined })), /^WX_UPLOAD_KEY_PATH/);
    expect(f.cause).toMatch(/not set/);
    expect(f.fix).toMatch(/小程序代码上传/);
  });

  test('an unreadable key file blocks with the path and the reason', () => {
    const f = failureOf(
      checkDeployment(good({ keyFile: { path: '/keys/private.wx0123456789abcdef.key', readable: false, error: 'EACCES: permission denied' } })),
      /^WX_UPLOAD_KEY_PATH/,
    );
    expect(f.cause).toContain('/keys/private.wx0123456789abcdef.key');
    expect(f.cause).toContain('EACCES');
    expect(f.fix).toMatch(/chmod|path/);
  });

  test('a key file that is not a PEM private key blocks', () => {
    const f = failureOf(checkDeployment(good({ keyFile: { path: '/keys/private.wx0123456789abcdef.key', readable: true, head: 'AppSecret=abc' } })), /^WX_UPLOAD_KEY_PATH/);
    expect(f.cause).toMatch(/not a PEM private key/);
  });

  test('a key downloaded for another mini-program blocks', () => {
    const f = failureOf(
      checkDeployment(good({ keyFile: { path: '/keys/private.wxffffffffffffffff.key', readable: true, head: '-----BEGIN RSA PRIVATE KEY-----' } })),
      /^WX_UPLOAD_KEY_PATH/,
    );
    expect(f.cause).toContain('wxffffffffffffffff');
    expect(f.cause).toContain(APPID);
  });

  test('a build older than a source file blocks and says to run npm run build', () => {
    const f = failureOf(checkDeployment(good({ newestSource: { path: 'cloudfunctions/mobileCheck/src/entry.ts', mtimeMs: 3_000 } })), /newer than the sources/);
    expect(f.cause).toContain('dist/app.js');
    expect(f.cause).toContain('cloudfunctions/mobileCheck/index.js');
    expect(f.cause).toContain('cloudfunctions/mobileCheck/src/entry.ts');
    expect(f.fix).toMatch(/npm run build/);
  });

  test('only the stale build is named when the other one is fresh', () => {
    const f = failureOf(
      checkDeployment(good({ weappBuild: { path: 'dist/app.js', mtimeMs: 500 }, newestSource: { path: 'src/app.ts', mtimeMs: 1_000 } })),
      /newer than the sources/,
    );
    expect(f.cause).toContain('dist/app.js');
    expect(f.cause).not.toContain('index.js');
  });

  test('a missing function bundle blocks with npm run build:function', () => {
    const f = failureOf(checkDeployment(good({ functionBundle: undefined, functionBundleBytes: 0 })), /Cloud function folder/);
    expect(f.cause).toMatch(/index\.js/);
    expect(f.fix).toMatch(/npm run build:function/);
  });

  test('a missing mini-program build blocks', () => {
    const findings = checkDeployment(good({ weappBuild: undefined, weappAppJson: false, builtCloudEnv: { found: false } }));
    expect(failureOf(findings, /Mini-program build/).cause).toMatch(/dist\/app\.js, dist\/app\.json/);
    // not reported a second time as a wrong cloud environment
    expect(failures(findings)).toHaveLength(1);
  });

  test('a mini-program built without TARO_APP_CLOUD_ENV blocks', () => {
    const f = failureOf(checkDeployment(good({ builtCloudEnv: { found: true, env: '' } })), /TARO_APP_CLOUD_ENV/);
    expect(f.cause).toMatch(/default environment/);
    expect(f.fix).toContain(`TARO_APP_CLOUD_ENV=${CLOUD_ENV} npm run build`);
  });

  test('a mini-program built for another environment blocks', () => {
    const f = failureOf(checkDeployment(good({ builtCloudEnv: { found: true, env: 'test-env-1a2b' } })), /TARO_APP_CLOUD_ENV/);
    expect(f.cause).toContain('test-env-1a2b');
    expect(f.cause).toContain(CLOUD_ENV);
  });

  test('the appCode value found in a client file blocks without printing it', () => {
    const snapshot = good({
      env: { ...good().env, ALIYUN_APPCODE: 'k9-not-hex-secret-value' },
      clientFiles: [{ path: 'dist/common.js', content: 'var a="k9-not-hex-secret-value";' }],
    });
    const f = failureOf(checkDeployment(snapshot), /No secret/);
    expect(f.cause).toContain('dist/common.js');
    expect(f.cause).toContain('the value of ALIYUN_APPCODE');
    expect(JSON.stringify(checkDeployment(snapshot))).not.toContain('k9-not-hex-secret-value');
  });

  test('a 32-hex string next to "APPCODE" in a client file blocks even when ALIYUN_APPCODE is not set here', () => {
    const f = failureOf(
      checkDeployment(good({ clientFiles: [{ path: 'dist-h5/js/app.1234abcd.js', content: `headers:{Authorization:"APPCODE ${APPCODE}"}` }] })),
      /No secret/,
    );
    expect(f.cause).toContain('dist-h5/js/app.1234abcd.js');
    expect(f.cause).not.toContain(APPCODE);
  });

  test('the hash secret value in a client file blocks', () => {
    const hits = scanForSecrets([{ path: 'dist/app.js', content: 'x="pepper-123456"' }], { MOBILECHECK_HASH_SECRET: 'pepper-123456' });
    expect(hits).toEqual([{ path: 'dist/app.js', kind: 'the value of MOBILECHECK_HASH_SECRET' }]);
  });

  test('the Tencent secret key in a client file blocks, by value and by assignment', () => {
    expect(scanForSecrets([{ path: 'dist/app.js', content: 'k="tc-key-123456"' }], { MOBILECHECK_TENCENT_SECRET_KEY: 'tc-key-123456' }))
      .toEqual([{ path: 'dist/app.js', kind: 'the value of MOBILECHECK_TENCENT_SECRET_KEY' }]);
    expect(scanForSecrets([{ path: 'dist/b.js', content: 'MOBILECHECK_TENCENT_SECRET_KEY="abcdefgh"' }], {})).toHaveLength(1);
  });

  test('a TARO_APP_ variable holding an appCode in a .env file blocks', () => {
    const f = failureOf(checkDeployment(good({ envFiles: [{ path: '.env', content: `TARO_APP_ALIYUN_APPCODE=${APPCODE}\n` }] })), /No secret/);
    expect(f.cause).toContain('.env: TARO_APP_ALIYUN_APPCODE');
  });

  test('the browser\'s appCodeName, hashed file names and non-prefixed .env secrets are not secrets in client files', () => {
    expect(scanForSecrets([{ path: 'dist/taro.js', content: 'u={appCodeName:"Mozilla",appName:"Netscape"};"js/app.e63ec138.js"' }], {})).toEqual([]);
    expect(secretTaroVariables([{ path: '.env.local', content: `ALIYUN_APPCODE=${APPCODE}\nTARO_APP_CLOUD_ENV=x` }])).toEqual([]);
  });

  test('the example operator company blocks with the file to edit', () => {
    const f = failureOf(
      checkDeployment(good({ operatorSource: "company: '示例科技有限公司', contact: 'privacy@mouxx.cn'" })),
      /Operator details/,
    );
    expect(f.cause).toContain('示例科技有限公司');
    expect(f.fix).toMatch(/src\/operator\/settings\.ts/);
  });

  test('the example contact address alone also blocks', () => {
    expect(failureOf(checkDeployment(good({ operatorSource: "company: '成都某某网络科技有限公司', contact: 'privacy@example.com'" })), /Operator details/).cause)
      .toMatch(/example\.com/);
  });

  test('a project.config.json appid that differs from WX_APPID is reported but does not block', () => {
    const findings = checkDeployment(good({ projectConfigAppid: 'touristappid' }));
    expect(failures(findings)).toEqual([]);
    expect(findings.find((f) => /project\.config\.json/.test(f.what))?.detail).toMatch(/touristappid.*wx0123456789abcdef/);
  });

  test('the release version comes from package.json unless DEPLOY_VERSION is set', () => {
    expect(releaseInfo({}, '1.2.3')).toEqual({ version: '1.2.3', desc: 'mobileCheck 1.2.3' });
    expect(releaseInfo({ DEPLOY_VERSION: '2.0.0', DEPLOY_DESC: '上线' }, '1.2.3')).toEqual({ version: '2.0.0', desc: '上线' });
  });
});
