// What one function instance remembers between requests. Nothing here is needed for correctness
// across instances (the store decides); it saves database calls and holds uncounted aggregates.
import { addToDays } from './aggregates';
import type { Aggregates } from './ports';

/** Callers over their daily request cap: refused again without a database call until the day ends. */
const MAX_REMEMBERED_CALLERS = 10_000;

export interface InstanceMemory {
  /** Aggregates of requests that made no write of their own, added to the next write. */
  note(day: string, delta: Aggregates): void;
  /** Takes the noted aggregates (to write them); `restore` puts them back if the write failed. */
  take(): Map<string, Aggregates>;
  restore(days: Map<string, Aggregates>): void;
  isOverRequestCap(caller: string, day: string): boolean;
  markOverRequestCap(caller: string, day: string): void;
}

export function instanceMemory(): InstanceMemory {
  let pending = new Map<string, Aggregates>();
  const overCap = new Set<string>();
  return {
    note: (day, delta) => addToDays(pending, day, delta),
    take() {
      const taken = pending;
      pending = new Map();
      return taken;
    },
    restore(days) {
      for (const [day, delta] of days) addToDays(pending, day, delta);
    },
    isOverRequestCap: (caller, day) => overCap.has(`${day}/${caller}`),
    markOverRequestCap(caller, day) {
      if (overCap.size >= MAX_REMEMBERED_CALLERS) overCap.clear();
      overCap.add(`${day}/${caller}`);
    },
  };
}
