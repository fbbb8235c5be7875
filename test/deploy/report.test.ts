import { checkDeployment } from '../../scripts/deploy/checks';
import { explainUploadError, formatReport } from '../../scripts/deploy/report';
import { builtCloudEnvOf } from '../../scripts/deploy/snapshot';
import { good } from './snapshotFixture';

describe('deploy report', () => {
  test('prints ✗ with cause and fix for each blocking finding and counts them', () => {
    const text = formatReport(checkDeployment(good({ env: { ...good().env, WX_APPID: undefined, WX_CLOUD_ENV: undefined } })), { dryRun: true, root: '/r' });
    expect(text).toMatch(/^✗ WX_APPID .*\n {4}cause: WX_APPID is not set\.\n {4}fix: {3}export WX_APPID=/m);
    expect(text).toMatch(/^✗ WX_CLOUD_ENV/m);
    expect(text).toMatch(/^✓ WX_UPLOAD_KEY_PATH/m);
    expect(text).toContain('2 problems block the deploy. Nothing was uploaded.');
  });

  test('a good dry run says it is ready and what it could not check', () => {
    const text = formatReport(checkDeployment(good()), { dryRun: true, root: '/r' });
    expect(text).not.toContain('✗');
    expect(text).toMatch(/Ready/);
    expect(text).toMatch(/IP 白名单/);
  });
});

describe('upload errors', () => {
  test.each([
    ['invalid ip: 1.2.3.4, reference: https://developers.weixin.qq.com', /IP白名单/],
    ['getaddrinfo ENOTFOUND servicewechat.com', /network/],
    ['env not found', /WX_CLOUD_ENV/],
    ['there\'s another ongoing update, please wait', /wait a minute/],
  ])('explains %p', (message, fix) => {
    const explained = explainUploadError('function', message);
    expect(explained.cause).toContain(message);
    expect(explained.fix).toMatch(fix);
  });
});

describe('built cloud environment', () => {
  test('reads the literal the production build put into wx.cloud.init', () => {
    expect(builtCloudEnvOf('u().cloud.init({env:"cloud1-abc",traceUser:!0})')).toEqual({ found: true, env: 'cloud1-abc' });
    expect(builtCloudEnvOf('u().cloud.init({env:void 0,traceUser:!0})')).toEqual({ found: true, env: '' });
    expect(builtCloudEnvOf('nothing here')).toEqual({ found: false });
  });
});
