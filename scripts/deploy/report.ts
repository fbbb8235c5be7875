// What the deploy prints: the checklist, and a cause and fix for an upload that failed.
import type { Finding } from './types';

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
