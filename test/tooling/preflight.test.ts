// `npm test` starts with scripts/preflight.sh: on a machine without Chromium it installs it as root,
// or stops at once with the one command to run. apt-get, id and dpkg-query are stand-ins here.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const script = path.resolve(__dirname, '../../scripts/preflight.sh');

/** Runs the preflight with stand-in commands: `uid` for id -u, fonts installed or not. */
function preflight({ uid, fonts, chromium }: { uid: number; fonts: boolean; chromium: boolean }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'preflight-'));
  const browser = path.join(dir, 'chromium');
  const aptLog = path.join(dir, 'apt-get.log');
  const stub = (name: string, body: string) => {
    writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(path.join(dir, name), 0o755);
  };
  stub('id', `echo ${uid}`);
  stub('dpkg-query', fonts ? "printf 'install ok installed'" : 'exit 1');
  // The stand-in "installs" the browser so the script's final check passes.
  stub('apt-get', `echo "$*" >> ${aptLog}\ncase "$1" in install) printf '#!/bin/sh\\n' > ${browser}; chmod +x ${browser};; esac`);
  if (chromium) stub('chromium', '');
  const run = spawnSync('bash', [script], {
    encoding: 'utf8',
    env: { PATH: `${dir}:${process.env.PATH ?? ''}`, CHROMIUM: browser },
  });
  return { ...run, apt: existsSync(aptLog) ? readFileSync(aptLog, 'utf8') : '' };
}

describe('npm test preflight', () => {
  test('passes silently when Chromium and the CJK fonts are there', () => {
    const run = preflight({ uid: 1000, fonts: true, chromium: true });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
  });

  test('without root, stops at once with the one command that installs what is missing', () => {
    const run = preflight({ uid: 1000, fonts: false, chromium: false });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Run: sudo apt-get install -y chromium fonts-noto-cjk');
    expect(run.apt).toBe('');
  });

  test('as root, installs Debian chromium and fonts-noto-cjk with apt-get', () => {
    const run = preflight({ uid: 0, fonts: false, chromium: false });
    expect(run.status).toBe(0);
    expect(run.apt).toBe('update -qq\ninstall -y -qq --no-install-recommends chromium fonts-noto-cjk\n');
  });

  test('as root, installs only what is missing', () => {
    const run = preflight({ uid: 0, fonts: false, chromium: true });
    expect(run.status).toBe(0);
    expect(run.apt).toContain('--no-install-recommends fonts-noto-cjk\n');
    expect(run.apt).not.toContain('chromium');
  });
});
