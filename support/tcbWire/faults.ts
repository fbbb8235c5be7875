// Disorder at the wire, from a seed: delays before a request is applied and before its reply is sent,
// requests applied out of arrival order, replies lost after the request was applied, and errors
// answered instead of applying. Same seed, same choices, so a failing race can be replayed.
import { seededRandom } from '../cloudDatabaseStandIn';
import type { WireErrorCode } from './wireError';

/** One request as the fault rules see it. */
export interface WireCall {
  /** 0 for the first request this wire received, then 1, 2, … */
  index: number;
  action: string;
  collection: string;
  body: Record<string, unknown>;
}

export type WireFault =
  | { kind: 'error'; code: Extract<WireErrorCode, 'SYS_ERR' | 'DATABASE_REQUEST_FAILED'> }
  /** Applied, then the connection is reset: the SDK sees a lost reply (SYS_ERR, "socket hang up"). */
  | { kind: 'loseReply' }
  /** Held this much longer before it is applied: puts one request behind others sent after it. */
  | { kind: 'delay'; ms: number };

export interface WireFaultOptions {
  /** Seed of every random choice below. */
  seed?: number;
  /** Every request waits this long before it is applied: a network hop (the bench uses 20 ms). */
  latencyMs?: number;
  /** Plus a random 0…n ms before it is applied (requests overtake each other). */
  requestJitterMs?: number;
  /** Plus a random 0…n ms between applying and replying. */
  replyJitterMs?: number;
  /** Requests arriving within this window are applied together, in a random order. */
  reorderWindowMs?: number;
  /** Share (0…1) of requests whose reply is lost after they were applied. */
  loseReplyRate?: number;
  /** Share (0…1) of requests answered with `errorCode` without being applied. */
  errorRate?: number;
  errorCode?: 'SYS_ERR' | 'DATABASE_REQUEST_FAILED';
  /** A fault for one request, chosen by the test (e.g. lose the reply of the first insert into claims); wins over the rates. */
  choose?(call: WireCall): WireFault | undefined;
}

export interface FaultPlan {
  fault: Exclude<WireFault, { kind: 'delay' }> | undefined;
  beforeApplyMs: number;
  beforeReplyMs: number;
}

export function faultPlanner(options: WireFaultOptions): { plan(call: WireCall): FaultPlan; shuffle<T>(items: T[]): T[] } {
  const random = seededRandom(options.seed ?? 1);
  const jitter = (max: number | undefined) => (max ? Math.floor(random() * (max + 1)) : 0);
  return {
    plan(call) {
      const chosen = options.choose?.(call);
      // Draw every number whatever was chosen, so one rule does not shift the rest of the run.
      const lose = random() < (options.loseReplyRate ?? 0);
      const fail = random() < (options.errorRate ?? 0);
      const beforeApplyMs = (options.latencyMs ?? 0) + jitter(options.requestJitterMs) + (chosen?.kind === 'delay' ? chosen.ms : 0);
      const beforeReplyMs = jitter(options.replyJitterMs);
      if (chosen?.kind === 'delay') return { fault: undefined, beforeApplyMs, beforeReplyMs };
      const fault = chosen ?? (fail ? { kind: 'error', code: options.errorCode ?? 'SYS_ERR' } as const : lose ? { kind: 'loseReply' } as const : undefined);
      return { fault, beforeApplyMs, beforeReplyMs };
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
  };
}
