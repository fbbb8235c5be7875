// `npm start`: serves dist-h5/ and the function; without ALIYUN_APPCODE, a sandbox vendor answers.
// Everything that can refuse (port, settings) is checked before the 20–30 s h5 build.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureH5Build } from './h5Build';
import { portIsFree } from '../support/httpServer';
import { checkSettings, dataDirOf, isLive, PRIMARY_DOWN_DIGIT, SANDBOX_DEFAULTS, startProduct } from './product';
import { DEFAULT_PORT } from './server';

const ROOT = path.resolve(__dirname, '..');

function portFrom(value: string | undefined): number {
  if (!value?.trim()) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`PORT must be a whole number from 1 to 65535, not "${value}".`);
  return port;
}

const portTaken = (port: number) =>
  `Port ${port} on 127.0.0.1 is already in use (another npm start?).\nFix: stop that process, or choose another port: PORT=${port + 1} npm start`;

function buildH5(): void {
  const result = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:h5 failed (${result.status ?? result.signal}); see its output above.`);
}

async function main(): Promise<void> {
  const port = portFrom(process.env.PORT);
  if (!(await portIsFree(port, '127.0.0.1'))) throw new Error(portTaken(port));
  checkSettings(process.env);
  // The page's agreement names the providers the function uses; a switch rebuilds the page.
  process.env.TARO_APP_PROVIDERS = process.env.MOBILECHECK_PROVIDERS ?? '';
  if (!ensureH5Build(ROOT, process.env, buildH5)) console.log('dist-h5/ is up to date with the sources: not rebuilding.');

  const product = await startProduct({ env: process.env, port }).catch((error: unknown) => {
    throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? new Error(portTaken(port)) : error;
  });
  console.log(`手机号三要素实名核验 running at ${product.url}`);
  if (isLive(process.env)) {
    console.log(`mode: live — checks call ${process.env.MOBILECHECK_PROVIDERS ?? 'aliyun-market'} and are billed`);
  } else {
    const relaxed = Object.keys(SANDBOX_DEFAULTS).filter((name) => !process.env[name]?.trim());
    const [first, ...others] = product.sandboxes ?? [];
    console.log(`mode: sandbox (沙箱模式) — no provider credentials set; loopback stand-ins answer by the mobile's last digit: ${(product.sandboxes ?? []).map((s) => `${s.provider} at ${s.endpoint}`).join(', ')}`);
    console.log(`a mobile ending in ${PRIMARY_DOWN_DIGIT} finds ${first?.provider} down (not billed)${others.length ? '; with MOBILECHECK_PROVIDERS listing a second provider, it answers instead' : ''}`);
    if (relaxed.length) console.log(`relaxed for the sandbox: ${relaxed.map((name) => `${name}=${SANDBOX_DEFAULTS[name]}`).join(' ')}`);
    const dataDir = dataDirOf(process.env);
    const shown = path.relative(ROOT, dataDir).startsWith('..') ? dataDir : `${path.relative(ROOT, dataDir)}/`;
    console.log(`records and limit counters: ${shown} (delete it to start afresh)`);
  }
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
