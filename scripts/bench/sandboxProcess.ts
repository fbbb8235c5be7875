// The sandbox vendor in a process of its own, so the vendor's work does not share a thread with the
// code being measured (the real vendor is another machine).
import { fork } from 'node:child_process';
import { startSandboxTencent } from '../../local-host/sandboxTencent';
import { startSandboxVendor } from '../../local-host/sandboxVendor';
import type { ProviderId } from '../../src/domain';

export interface RemoteSandbox {
  endpoint: string;
  appCode: string;
  /** The function's settings that point the provider at this stand-in. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export function startSandboxProcess(latencyMs: number, provider: ProviderId = 'aliyun-market'): Promise<RemoteSandbox> {
  const child = fork(__filename, ['--child', String(latencyMs), provider], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`sandbox process exited (${code}) before it started`)));
    child.once('message', (message) => {
      const { endpoint, appCode, env } = message as { endpoint: string; appCode: string; env: Record<string, string> };
      resolve({
        endpoint,
        appCode,
        env,
        close: () => new Promise((done) => {
          child.once('exit', () => done());
          child.kill();
        }),
      });
    });
  });
}

if (process.argv[2] === '--child') {
  const start = process.argv[4] === 'tencent-faceid' ? startSandboxTencent : startSandboxVendor;
  start({ latencyMs: Number(process.argv[3]) }).then((sandbox) => {
    process.send?.({ endpoint: sandbox.endpoint, appCode: sandbox.appCode, env: { MOBILECHECK_PROVIDERS: sandbox.provider, ...sandbox.env } });
  });
}
