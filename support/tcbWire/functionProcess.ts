// The built index.js as the cloud runs it: a Node process of its own that requires it once (one
// function instance, its own module state) and calls the exported `main` for each invocation, one
// at a time (an SCF instance serves one invocation at a time), with the caller's WX_OPENID set in
// process.env for that invocation as the platform does (cloud.getWXContext() reads it there).
import { spawn } from 'node:child_process';
import { cloudEnv } from './cloudEnv';

export interface Invocation {
  response: unknown;
  /** What the function wrote to stdout during this invocation (its JSON log lines). */
  logLines: string[];
}

export interface FunctionProcess {
  call(event: unknown, caller?: string): Promise<Invocation>;
  close(): Promise<void>;
}

const CHILD = `
const { main } = require(process.env.WIRE_BUNDLE);
const readline = require('node:readline');
let queue = Promise.resolve();
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, event, caller } = JSON.parse(line);
  queue = queue.then(async () => {
    if (caller === undefined) delete process.env.WX_OPENID; else process.env.WX_OPENID = caller;
    let answer;
    try { answer = { response: await main(event, {}) }; } catch (error) { answer = { thrown: String(error) }; }
    process.stdout.write('\\n@@ANSWER ' + id + ' ' + JSON.stringify(answer) + '\\n');
  });
});
`;

/** Loads `bundle` with the cloud's environment for `wire` plus the function's own settings. */
export function startFunctionProcess(bundle: string, wire: { url: string; envId: string }, settings: Record<string, string>): FunctionProcess {
  const env = { PATH: process.env.PATH ?? '', ...cloudEnv(wire), ...settings, WIRE_BUNDLE: bundle };
  const child = spawn(process.execPath, ['-e', CHILD], { env: env as unknown as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  const waiting = new Map<number, (invocation: Invocation) => void>();
  let lines: string[] = [];
  let pending = '';
  let stderr = '';
  let nextId = 0;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) {
      const match = /^@@ANSWER (\d+) (.*)$/.exec(line);
      if (!match) {
        if (line) lines.push(line);
        continue;
      }
      const answer = JSON.parse(match[2]) as { response?: unknown; thrown?: string };
      const resolve = waiting.get(Number(match[1]));
      waiting.delete(Number(match[1]));
      // main must answer, never throw: a throw reaches the caller as a platform error.
      resolve?.({ response: 'thrown' in answer ? { thrown: answer.thrown } : answer.response, logLines: lines });
      lines = [];
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    for (const resolve of waiting.values()) resolve({ response: { exited: stderr.slice(-2000) }, logLines: lines });
    waiting.clear();
  });
  return {
    call(event, caller) {
      const id = (nextId += 1);
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        child.stdin.write(`${JSON.stringify({ id, event, caller })}\n`);
      });
    },
    async close() {
      child.kill();
      await exited;
    },
  };
}
