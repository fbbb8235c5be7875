import { useCallback, useRef, useState } from 'react';
import type { CheckRequest } from '../../../domain';
import { callMobileCheck, type ClientCheckResponse } from '../../../services/mobileCheckClient';
import { useMounted } from '../../../hooks/useMounted';

/**
 * One remote check at a time. `loading` is true while a request is on its way; `submit` resolves
 * with the answer, or with null when a check is already in flight (the second tap sends nothing,
 * whatever the button looks like).
 */
export function useMobileCheck() {
  const [loading, setLoading] = useState(false);
  const inFlight = useRef(false);
  const mounted = useMounted();

  const submit = useCallback(async (request: CheckRequest): Promise<ClientCheckResponse | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setLoading(true);
    try {
      return await callMobileCheck(request);
    } finally {
      inFlight.current = false;
      if (mounted.current) setLoading(false);
    }
  }, [mounted]);

  return { loading, submit };
}
