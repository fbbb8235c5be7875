// A wire-level fake of the TCB admin API (`POST /admin`) on 127.0.0.1, answering what wx-server-sdk
// 4.0.2 (@cloudbase/node-sdk 3.17.2) sends: each request is checked for what the real endpoint needs
// (POST, /admin?env=<env>, a TC3-HMAC-SHA256 authorization, envName), applied to the collections,
// and answered `{ requestId, data }` or `{ code, message, requestId }`, after the faults chosen.
// Anything it does not imitate (an unknown action, a transaction, a malformed request) answers 501
// and is recorded: `close()` then rejects, so the test fails rather than pass on a silent answer.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { closeServer, listen } from '../httpServer';
import type { JournalEntry } from '../cloudDatabaseStandIn';
import { perform, UnknownRequest, type WireRequestBody } from './actions';
import { Collections } from './collections';
import { faultPlanner, type FaultPlan, type WireFaultOptions } from './faults';
import { WireError } from './wireError';

export interface WireJournalEntry extends JournalEntry {
  /** e.g. database.modifyDocument */
  action: string;
  collection: string;
  outcome: 'ok' | 'error' | 'lost' | 'not imitated';
  /** The error code answered, if any. */
  code?: string;
}

export interface TcbWireOptions {
  /** The cloud environment id the SDK must address (TCB_ENV). */
  envId?: string;
  /** Collections created up front, as in the console. */
  collections?: readonly string[];
  faults?: WireFaultOptions;
}

export interface TcbWire {
  /** The admin API's URL on loopback, e.g. http://127.0.0.1:34567/admin. */
  url: string;
  envId: string;
  collections: Collections;
  /** Every request answered (or lost) so far, in arrival order. */
  journal(): WireJournalEntry[];
  /** Replaces the fault options for the following requests. */
  setFaults(options: WireFaultOptions): void;
  /** Requests the fake could not imitate, each with why. */
  problems(): string[];
  /** Rejects when any request was not imitated. */
  close(): Promise<void>;
}

const DEFAULT_ENV = 'mobilecheck-wire-0a1b2c';

const readBody = (request: http.IncomingMessage): Promise<string> => new Promise((resolve, reject) => {
  let text = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => { text += chunk; });
  request.on('end', () => resolve(text));
  request.on('error', reject);
});

const wait = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** Why the real endpoint would refuse this request before looking at the action, or undefined. */
function refusal(request: http.IncomingMessage, body: WireRequestBody, envId: string): string | undefined {
  const url = new URL(request.url ?? '/', 'http://wire');
  if (request.method !== 'POST' || url.pathname !== '/admin') return `${request.method} ${url.pathname}`;
  if (url.searchParams.get('env') !== envId || body.envName !== envId) return `env ${url.searchParams.get('env')} / envName ${String(body.envName)}, not ${envId}`;
  if (!/^TC3-HMAC-SHA256 Credential=[^/]+\/\d{4}-\d{2}-\d{2}\/tcb\/tc3_request, /.test(String(request.headers.authorization))) return 'no TC3 authorization';
  if (!String(request.headers['content-type']).startsWith('application/json')) return `content-type ${request.headers['content-type']}`;
  return undefined;
}

export async function startTcbWire(options: TcbWireOptions = {}): Promise<TcbWire> {
  const envId = options.envId ?? DEFAULT_ENV;
  const collections = new Collections();
  for (const name of options.collections ?? []) collections.create(name);
  let planner = faultPlanner(options.faults ?? {});
  let faults = options.faults ?? {};
  const journal: WireJournalEntry[] = [];
  const problems: string[] = [];
  let ticks = 0;
  let arrivals = 0;

  // Requests waiting for the reorder window to close; applied together in a shuffled order.
  let batch: (() => void)[] | undefined;
  const appliedInTurn = (): Promise<void> => {
    if (!faults.reorderWindowMs) return Promise.resolve();
    return new Promise((resolve) => {
      if (!batch) {
        const open: (() => void)[] = [];
        batch = open;
        setTimeout(() => {
          batch = undefined;
          for (const run of planner.shuffle(open)) run();
        }, faults.reorderWindowMs);
      }
      batch.push(resolve);
    });
  };

  async function answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const text = await readBody(request);
    const entry: WireJournalEntry = { call: '', action: '', collection: '', start: (ticks += 1), end: 0, outcome: 'ok' };
    journal.push(entry);
    const reply = (status: number, payload: unknown) => {
      entry.end = ticks += 1;
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(payload));
    };
    let body: WireRequestBody;
    try {
      body = JSON.parse(text) as WireRequestBody;
    } catch {
      problems.push(`a body that is not JSON: ${text.slice(0, 80)}`);
      entry.outcome = 'not imitated';
      reply(501, { code: 'NOT_IMITATED', message: 'body is not JSON' });
      return;
    }
    Object.assign(entry, { action: body.action, collection: String(body.collectionName ?? ''), call: `${String(body.collectionName ?? '')}.${body.action}` });
    const refused = refusal(request, body, envId);
    if (refused) {
      problems.push(`${body.action}: ${refused}`);
      entry.outcome = 'not imitated';
      reply(501, { code: 'NOT_IMITATED', message: refused });
      return;
    }

    const plan: FaultPlan = planner.plan({ index: arrivals++, action: body.action, collection: entry.collection, body });
    await wait(plan.beforeApplyMs);
    await appliedInTurn();
    const requestId = randomUUID();
    let payload: Record<string, unknown>;
    if (plan.fault?.kind === 'error') {
      payload = { code: plan.fault.code, message: `injected ${plan.fault.code}`, requestId };
    } else {
      try {
        payload = { requestId, data: perform(collections, body) };
      } catch (error) {
        if (error instanceof UnknownRequest) {
          problems.push(error.message);
          entry.outcome = 'not imitated';
          reply(501, { code: 'NOT_IMITATED', message: error.message });
          return;
        }
        if (!(error instanceof WireError)) throw error;
        payload = { code: error.code, message: error.message, requestId };
      }
    }
    if ('code' in payload) Object.assign(entry, { outcome: 'error', code: payload.code });
    await wait(plan.beforeReplyMs);
    if (plan.fault?.kind === 'loseReply') {
      entry.outcome = 'lost';
      entry.end = ticks += 1;
      request.socket.destroy();
      return;
    }
    reply(200, payload);
  }

  const server = http.createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      problems.push(`the fake failed: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  const port = await listen(server, 0, '127.0.0.1');

  return {
    url: `http://127.0.0.1:${port}/admin`,
    envId,
    collections,
    journal: () => journal.map((entry) => ({ ...entry })),
    setFaults(next) {
      faults = next;
      planner = faultPlanner(next);
    },
    problems: () => [...problems],
    async close() {
      await closeServer(server);
      if (problems.length > 0) throw new Error(`the TCB wire fake met requests it does not imitate:\n${problems.join('\n')}`);
    },
  };
}
