// npm run deploy [-- --dry-run] [-- --root <dir>]
// Uploads the mobileCheck cloud function and the mini-program with the official miniprogram-ci.
// Settings come from environment variables (see docs/deploy.md): WX_APPID, WX_CLOUD_ENV,
// WX_UPLOAD_KEY_PATH, optional DEPLOY_VERSION / DEPLOY_DESC; DEPLOY_ROOT or --root picks the project.
// --dry-run checks everything it can on this machine and stops: it never loads miniprogram-ci and
// never touches the network.
import path from 'node:path';
import { parseArgs as parseCliArgs } from 'node:util';
import type * as RealCi from 'miniprogram-ci';
import { checkDeployment, releaseInfo } from './checks';
import { blocking, explainUploadError, formatReport } from './report';
import { pickDeployEnv, takeSnapshot, timerTriggerOf } from './snapshot';

/**
 * The part of miniprogram-ci the deploy uses. Function-typed properties (not methods) so that
 * strictFunctionTypes checks our arguments against the real typings below.
 */
export interface CiLike {
  Project: new (options: {
    appid: string;
    type: 'miniProgram';
    projectPath: string;
    privateKeyPath: string;
    ignores: string[];
  }) => unknown;
  upload: (options: {
    project: never;
    version: string;
    desc: string;
    setting: { es6: boolean; minify: boolean };
    robot: number;
  }) => Promise<unknown>;
  cloud: {
    uploadFunction: (options: { project: never; env: string; name: string; path: string; remoteNpmInstall: boolean }) => Promise<{ filesCount: number; packSize: number }>;
    createTimeTrigger: (options: {
      project: never;
      envId: string;
      functionName: string;
      triggersConfig: Array<{ name: string; type: string; config: string }>;
    }) => Promise<string>;
  };
}

// Compile-time proof that the real package exports these names with compatible signatures.
type Assignable<T extends CiLike> = T;
export type RealCiMatches = Assignable<typeof RealCi>;

export const FUNCTION_NAME = 'mobileCheck';
export const USAGE = `Usage: npm run deploy [-- --dry-run] [-- --root <project dir>]

  --dry-run      check settings, key file, builds and client files; upload nothing, no network
  --root <dir>   the project to deploy (default: this repository; DEPLOY_ROOT also sets it)

Environment: WX_APPID, WX_CLOUD_ENV, WX_UPLOAD_KEY_PATH (required); DEPLOY_VERSION, DEPLOY_DESC (optional).
See docs/deploy.md.`;

export interface RunOptions {
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Loads miniprogram-ci; replaced in tests. Never called in a dry run. */
  loadCi?: () => CiLike;
}

interface Args {
  dryRun: boolean;
  root?: string;
  help: boolean;
}

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseArgs(argv: string[]): Args | { error: string } {
  let values;
  try {
    ({ values } = parseCliArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      return { error: `unknown argument "${/'([^']*)'/.exec(message)?.[1] ?? ''}"` };
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.includes('--root')) return { error: '--root needs a directory' };
    return { error: message.split('\n')[0] };
  }
  if (values.root === '') return { error: '--root needs a directory' };
  return { dryRun: values['dry-run'] ?? false, help: values.help ?? false, ...(values.root !== undefined && { root: values.root }) };
}

// Loaded only when uploading, so a dry run never loads miniprogram-ci.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadRealCi = (): CiLike => require('miniprogram-ci') as CiLike;

export async function run(options: RunOptions): Promise<number> {
  const { out, err } = options;
  const parsed = parseArgs(options.argv);
  if ('error' in parsed) {
    err(`${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    out(USAGE);
    return 0;
  }
  const root = path.resolve(options.cwd, parsed.root ?? options.env.DEPLOY_ROOT ?? path.resolve(__dirname, '../..'));
  const env = pickDeployEnv(options.env);
  const snapshot = takeSnapshot(root, env, options.cwd);
  const findings = checkDeployment(snapshot);
  out(formatReport(findings, { dryRun: parsed.dryRun, root }));
  if (blocking(findings).length > 0) return 1;
  if (parsed.dryRun) return 0;

  // Every check passed, so these are set and valid.
  const appid = env.WX_APPID!.trim();
  const cloudEnv = env.WX_CLOUD_ENV!.trim();
  const privateKeyPath = snapshot.keyFile!.path;
  const { version, desc } = releaseInfo(env, snapshot.packageVersion);

  let ci: CiLike;
  try {
    ci = (options.loadCi ?? loadRealCi)();
  } catch (error) {
    err(`✗ Loading miniprogram-ci failed: ${error instanceof Error ? error.message : String(error)}\n    fix:   npm install (miniprogram-ci is a devDependency).`);
    return 1;
  }
  const project = new ci.Project({
    appid,
    type: 'miniProgram',
    projectPath: path.join(root, 'dist'),
    privateKeyPath,
    ignores: ['node_modules/**/*'],
  }) as never;

  const fail = (step: 'function' | 'trigger' | 'mini-program', error: unknown): number => {
    const { cause, fix } = explainUploadError(step, error instanceof Error ? error.message : String(error));
    err(`✗ ${cause}\n    fix:   ${fix}`);
    return 1;
  };

  // The function first: a new mini-program must never call an old function.
  out(`\n→ uploading cloud function ${FUNCTION_NAME} to ${cloudEnv} …`);
  try {
    const result = await ci.cloud.uploadFunction({
      project,
      env: cloudEnv,
      name: FUNCTION_NAME,
      path: path.join(root, 'cloudfunctions', FUNCTION_NAME),
      remoteNpmInstall: false,
    });
    out(`✓ cloud function uploaded (${result.filesCount} files, ${(result.packSize / 1024).toFixed(0)} KB); its environment variables and timeout stay as set in the console`);
  } catch (error) {
    return fail('function', error);
  }

  const trigger = timerTriggerOf(root);
  if (trigger) {
    out(`→ creating timer trigger ${trigger.name} (${trigger.config}) …`);
    try {
      const answer = await ci.cloud.createTimeTrigger({ project, envId: cloudEnv, functionName: FUNCTION_NAME, triggersConfig: [trigger] });
      if (answer.includes('成功')) out(`✓ timer trigger ${trigger.name} created`);
      else {
        out(`! timer trigger not created (${answer}); it may already exist.\n    fix:   check 云开发控制台 → 云函数 → ${FUNCTION_NAME} → 触发器, or upload the trigger from DevTools (右键 config.json → 上传触发器).`);
      }
    } catch (error) {
      return fail('trigger', error);
    }
  }

  out(`→ uploading mini-program ${appid} version ${version} …`);
  try {
    await ci.upload({ project, version, desc, setting: { es6: true, minify: true }, robot: 1 });
    out(`✓ mini-program ${version} uploaded as a development version (robot 1).`);
  } catch (error) {
    return fail('mini-program', error);
  }
  out('\nNext: 微信公众平台 → 管理 → 版本管理 → 开发版本 → 选为体验版, run one real check (docs/deploy.md, "Verify"), then 提交审核.');
  return 0;
}

if (require.main === module) {
  run({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    out: (text) => console.log(text),
    err: (text) => console.error(text),
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`✗ deploy stopped unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
