// `npm start`: serves dist-h5/ and the function; without ALIYUN_APPCODE, a sandbox vendor answers.
import { startProduct } from './product';

async function main(): Promise<void> {
  const product = await startProduct({ env: process.env, port: Number(process.env.PORT ?? 10086) });
  console.log(`手机号三要素实名核验 running at ${product.url}`);
  console.log(product.sandbox
    ? `mode: sandbox (沙箱模式) — no ALIYUN_APPCODE set; a local vendor at ${product.sandbox.endpoint} answers by the mobile's last digit`
    : `mode: live — checks call ${process.env.MOBILECHECK_ENDPOINT ?? 'the vendor'} and are billed`);
  console.log('Press Ctrl-C to stop.');

  const stop = async () => {
    await product.close();
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
