import { useCallback, useEffect, useRef, useState } from 'react';
import type { StatsAnswer } from '../../../domain';
import { callAction, type ClientRefused } from '../../../services/mobileCheckClient';

export interface StatsState {
  /** The last answer, kept on screen while a newer one is asked for. */
  answer: StatsAnswer | null;
  /** Why the last request failed (FORBIDDEN, NETWORK_ERROR, …); it replaces the answer. */
  refusal: ClientRefused | null;
  loading: boolean;
}

/** Asks `stats` for the period, again whenever it changes and on `reload` (pull-to-refresh, retry). */
export function useStats(days: number): StatsState & { reload: () => Promise<void> } {
  const [state, setState] = useState<StatsState>({ answer: null, refusal: null, loading: true });
  // Only the newest request may update the page: an older one can answer after a later switch.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    const result = await callAction('stats', { days });
    if (request !== latest.current) return;
    setState(result.ok ? { answer: result, refusal: null, loading: false } : { answer: null, refusal: result, loading: false });
  }, [days]);

  useEffect(() => {
    void reload();
    return () => {
      // Unmounted or period changed: drop whatever is in flight.
      latest.current += 1;
    };
  }, [reload]);

  return { ...state, reload };
}
