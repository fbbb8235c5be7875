import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckRequest, CheckResponse } from '../domain';
import { callMobileCheck } from '../services/mobileCheckClient';

export interface MobileCheckState {
  /** A request is on its way. */
  loading: boolean;
  /** The last answer (completed or refused), until the next submit or reset. */
  response: CheckResponse | null;
}

/**
 * One remote check at a time. `submit` resolves with the answer, or with null when a check is
 * already in flight (the second tap sends nothing, whatever the button looks like).
 */
export function useMobileCheck() {
  const [state, setState] = useState<MobileCheckState>({ loading: false, response: null });
  const inFlight = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const submit = useCallback(async (request: CheckRequest): Promise<CheckResponse | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setState({ loading: true, response: null });
    try {
      const response = await callMobileCheck(request);
      if (mounted.current) setState({ loading: false, response });
      return response;
    } finally {
      inFlight.current = false;
    }
  }, []);

  const reset = useCallback(() => {
    if (!inFlight.current) setState({ loading: false, response: null });
  }, []);

  return { ...state, submit, reset };
}
