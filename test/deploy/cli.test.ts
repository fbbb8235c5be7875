import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, type CiLike } from '../../scripts/deploy/index';
import { APPID, CLOUD_ENV } from './snapshotFixture';

const repo = path.resolve(__dirname, '../..');
const tsx = path.join(repo, 'node_modules/.bin/tsx');
const cli = path.join(repo, 'scripts/deploy/index.ts');

let root: string, keyPath: string, noNetwork: string;

function write(rel: string, content: string, mtime?: Date): void {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  if (mtime) utimesSync(file, mtime, mtime);
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'deploy-root-'));
  const old = new Date(Date.now() - 3_600_000);
  write('src/app.ts', 'export {};', old);
  write('src/operator/settings.ts', "export const operatorSettings = { company: '成都某某网络科技有限公司', contact: 'privacy@mouxx.cn' };", old);
  write('cloudfunctions/mobileCheck/src/index.ts', 'export {};', old);
  write('config/index.ts', 'export {};', old);
  write('package.json', JSON.stringify({ name: 'x', version: '3.4.5' }));
  write('project.config.json', JSON.stringify({ appid: 'touristappid', miniprogramRoot: 'dist/' }));
  write('dist/app.js', `u().cloud.init({env:"${CLOUD_ENV}",traceUser:!0});`);
  write('dist/app.json', '{"pages":["pages/agreement/index"]}');
  write('dist-h5/index.html', '<html></html>');
  write('cloudfunctions/mobileCheck/index.js', 'exports.main=async()=>({});');
  write('cloudfunctions/mobileCheck/package.json', '{"name":"mobileCheck"}');
  write('cloudfunctions/mobileCheck/config.json', JSON.stringify({ permissions: { openapi: [] }, triggers: [{ name: 'purge', type: 'timer', config: '0 0 3 * * * *' }] }));
  keyPath = path.join(root, `keys/private.${APPID}.key`);
  write(`keys/private.${APPID}.key`, '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n');
  // Preloaded into the CLI: any TCP connection or DNS lookup ends the process with 99.
  noNetwork = path.join(root, 'no-network.js');
  writeFileSync(noNetwork, `
const net = require('net'); const dns = require('dns');
const stop = (what) => { process.stderr.write('NETWORK ATTEMPT: ' + what + '\\n'); process.exit(99); };
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect() passes its normalized [options, callback] array as the first argument.
  const o = Array.isArray(args[0]) ? args[0][0] : args[0];
  const local = (o && typeof o === 'object' && o.path) || (typeof o === 'string' && isNaN(Number(o)));
  if (!local) stop('connect'); return connect.apply(this, args);
};
dns.lookup = () => stop('dns.lookup');
dns.promises.lookup = () => stop('dns.promises.lookup');
`);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Runs the real CLI in a child process with only the given deploy settings. */
function runCli(args: string[], settings: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_OPTIONS: `--require ${noNetwork}`, ...settings };
  return new Promise((resolve) => {
    execFile(tsx, [cli, ...args], { env, cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const goodSettings = () => ({ WX_APPID: APPID, WX_CLOUD_ENV: CLOUD_ENV, WX_UPLOAD_KEY_PATH: keyPath, DEPLOY_ROOT: root });

describe('npm run deploy -- --dry-run (the real CLI)', () => {
  test('with no settings it exits 1 and names each missing setting', async () => {
    const { code, stdout, stderr } = await runCli(['--dry-run', '--root', root], {});
    expect(stderr).not.toContain('NETWORK ATTEMPT');
    expect(code).toBe(1);
    expect(stdout).toContain('✗ WX_APPID');
    expect(stdout).toContain('WX_APPID is not set.');
    expect(stdout).toContain('WX_CLOUD_ENV is not set.');
    expect(stdout).toContain('WX_UPLOAD_KEY_PATH is not set.');
    expect(stdout).toContain('3 problems block the deploy. Nothing was uploaded.');
    expect(stdout).toMatch(/✓ Builds are newer than the sources/);
  }, 30_000);

  test('with a key path that does not exist it exits 1 and says the file cannot be read', async () => {
    const missing = path.join(root, 'keys/nope.key');
    const { code, stdout } = await runCli(['--dry-run'], { ...goodSettings(), WX_UPLOAD_KEY_PATH: missing });
    expect(code).toBe(1);
    expect(stdout).toContain(`The key file ${missing} cannot be read (ENOENT: no such file)`);
    expect(stdout).toContain('1 problem blocks the deploy.');
  }, 30_000);

  test('with a directory as the key it exits 1', async () => {
    const { code, stdout } = await runCli(['--dry-run'], { ...goodSettings(), WX_UPLOAD_KEY_PATH: path.join(root, 'keys') });
    expect(code).toBe(1);
    expect(stdout).toMatch(/cannot be read \(EISDIR/);
  }, 30_000);

  test('with a good configuration it exits 0 without touching the network', async () => {
    const { code, stdout, stderr } = await runCli(['--dry-run'], goodSettings());
    expect(stderr).not.toContain('NETWORK ATTEMPT');
    expect(stdout).not.toContain('✗');
    expect(stdout).toContain(`project root: ${root}`);
    expect(stdout).toContain(`✓ WX_CLOUD_ENV (the cloud environment id): ${CLOUD_ENV}`);
    expect(stdout).toContain('version 3.4.5');
    expect(stdout).toContain('Ready');
    expect(code).toBe(0);
  }, 30_000);

  test('an unknown argument is a usage error with exit code 2', async () => {
    const { code, stderr } = await runCli(['--dryrun'], goodSettings());
    expect(code).toBe(2);
    expect(stderr).toContain('unknown argument "--dryrun"');
    expect(stderr).toContain('Usage: npm run deploy');
  }, 30_000);
});

describe('npm run deploy (upload, with a stand-in for miniprogram-ci)', () => {
  function fakeCi(failAt?: 'function' | 'mini-program') {
    const calls: Array<[string, Record<string, unknown>]> = [];
    class Project {
      constructor(public options: Record<string, unknown>) {
        calls.push(['Project', options]);
      }
    }
    const ci: CiLike = {
      Project: Project as unknown as CiLike['Project'],
      upload: async (options) => {
        calls.push(['upload', options as unknown as Record<string, unknown>]);
        if (failAt === 'mini-program') throw new Error('invalid ip: 203.0.113.9, reference: https://developers.weixin.qq.com/miniprogram/dev/devtools/ci.html');
        return {};
      },
      cloud: {
        uploadFunction: async (options) => {
          calls.push(['uploadFunction', options as unknown as Record<string, unknown>]);
          if (failAt === 'function') throw new Error('env not found');
          return { filesCount: 5, packSize: 1_500_000 };
        },
        createTimeTrigger: async (options) => {
          calls.push(['createTimeTrigger', options as unknown as Record<string, unknown>]);
          return '创建定时触发器成功';
        },
      },
    };
    return { ci, calls };
  }

  async function deploy(argv: string[], ci: CiLike | undefined) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await run({
      argv,
      env: { ...goodSettings(), DEPLOY_DESC: 'first release' },
      cwd: root,
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      loadCi: () => {
        if (!ci) throw new Error('the dry run must not load miniprogram-ci');
        return ci;
      },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  test('a dry run never loads miniprogram-ci', async () => {
    const { code, err } = await deploy(['--dry-run'], undefined);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  test('uploads the function, its timer trigger, then the mini-program with the settings from the environment', async () => {
    const { ci, calls } = fakeCi();
    const { code, out } = await deploy([], ci);
    expect(code).toBe(0);
    expect(calls.map(([name]) => name)).toEqual(['Project', 'uploadFunction', 'createTimeTrigger', 'upload']);
    expect(calls[0][1]).toEqual({ appid: APPID, type: 'miniProgram', projectPath: path.join(root, 'dist'), privateKeyPath: keyPath, ignores: ['node_modules/**/*'] });
    expect(calls[1][1]).toMatchObject({ env: CLOUD_ENV, name: 'mobileCheck', path: path.join(root, 'cloudfunctions/mobileCheck'), remoteNpmInstall: false });
    expect(calls[2][1]).toMatchObject({ envId: CLOUD_ENV, functionName: 'mobileCheck', triggersConfig: [{ name: 'purge', type: 'timer', config: '0 0 3 * * * *' }] });
    expect(calls[3][1]).toMatchObject({ version: '3.4.5', desc: 'first release', setting: { es6: true, minify: true }, robot: 1 });
    expect(out).toContain('✓ mini-program 3.4.5 uploaded');
  });

  test('a failed function upload stops before the mini-program and names the cause and fix', async () => {
    const { ci, calls } = fakeCi('function');
    const { code, err } = await deploy([], ci);
    expect(code).toBe(1);
    expect(calls.map(([name]) => name)).not.toContain('upload');
    expect(err).toContain('Uploading the cloud function failed: env not found');
    expect(err).toMatch(/fix: {3}WX_CLOUD_ENV is not an environment of this mini-program/);
  });

  test('an IP whitelist refusal says where to add the IP', async () => {
    const { ci } = fakeCi('mini-program');
    const { code, err } = await deploy([], ci);
    expect(code).toBe(1);
    expect(err).toContain('Uploading the mini-program failed: invalid ip');
    expect(err).toContain('IP白名单');
  });
});
