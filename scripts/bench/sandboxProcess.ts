// The sandbox vendor in a process of its own, so the vendor's work does not share a thread with the
// code being measured (the real vendor is another machine).
import { fork } from 'node:child_process';
import { startSandboxVendor } from '../../local-host/sandboxVendor';

export interface RemoteSandbox {
  endpoint: string;
  appCode: string;
  close(): Promise<void>;
}

export function startSandboxProcess(latencyMs: number): Promise<RemoteSandbox> {
  const child = fork(__filename, ['--child', String(latencyMs)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`sandbox process exited (${code}) before it started`)));
    child.once('message', (message) => {
      const { endpoint, appCode } = message as { endpoint: string; appCode: string };
      resolve({
        endpoint,
        appCode,
        close: () => new Promise((done) => {
          child.once('exit', () => done());
          child.kill();
        }),
      });
    });
  });
}

if (process.argv[2] === '--child') {
  startSandboxVendor({ latencyMs: Number(process.argv[3]) }).then((sandbox) => {
    process.send?.({ endpoint: sandbox.endpoint, appCode: sandbox.appCode });
  });
}
