// `npm start`: serves dist-h5/ and the function; without ALIYUN_APPCODE, a sandbox vendor answers.
import path from 'node:path';
import { handlerFromEnv } from '../cloudfunctions/mobileCheck/src/compose';
import { startSandboxVendor } from './sandboxVendor';
import { startLocalHost } from './server';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const live = Boolean(process.env.ALIYUN_APPCODE?.trim());
  const sandbox = live ? undefined : await startSandboxVendor();
  const env = sandbox
    ? { ...process.env, ALIYUN_APPCODE: sandbox.appCode, MOBILECHECK_ENDPOINT: sandbox.endpoint }
    : process.env;
  const host = await startLocalHost({
    handler: handlerFromEnv(env),
    mode: live ? 'live' : 'sandbox',
    staticDir: path.join(root, 'dist-h5'),
    port: Number(process.env.PORT ?? 10086),
  });
  console.log(`手机号三要素实名核验 running at ${host.url}`);
  console.log(live
    ? `mode: live — checks call ${process.env.MOBILECHECK_ENDPOINT ?? 'the vendor'} and are billed`
    : `mode: sandbox (沙箱模式) — no ALIYUN_APPCODE set; a local vendor at ${sandbox?.endpoint} answers by the mobile's last digit`);
  console.log('Press Ctrl-C to stop.');

  const stop = async () => {
    await Promise.all([host.close(), sandbox?.close()]);
    console.log('stopped');
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
