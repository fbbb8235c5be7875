import { useEffect, useRef } from 'react';

/** A ref that is true while the component is on screen: async work checks it before setting state. */
export function useMounted() {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
