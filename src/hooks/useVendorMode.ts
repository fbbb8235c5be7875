import { useEffect, useState } from 'react';
import type { VendorMode } from '../domain/endpoints';
import { fetchVendorMode } from '../services/mobileCheckClient';

/** h5: the local host's vendor mode (for the 沙箱模式 banner). weapp: always null, nothing is asked. */
export function useVendorMode(): VendorMode | null {
  const [mode, setMode] = useState<VendorMode | null>(null);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    let active = true;
    fetchVendorMode().then((m) => {
      if (active) setMode(m);
    });
    return () => {
      active = false;
    };
  }, []);
  return mode;
}
