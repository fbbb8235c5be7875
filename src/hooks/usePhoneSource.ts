import { useEffect, useState } from 'react';
import type { PhoneSource } from '../domain';
import { loadStatus } from '../services/launchStatus';

/**
 * How the form gets the mobile, as the function's `status` says. Null while unknown; typed when
 * `status` fails, so a failure never blocks the form.
 */
export function usePhoneSource(): PhoneSource | null {
  const [source, setSource] = useState<PhoneSource | null>(null);
  useEffect(() => {
    let active = true;
    void loadStatus().then((status) => {
      if (active) setSource(status?.phoneSource === 'wechat' ? 'wechat' : 'typed');
    });
    return () => {
      active = false;
    };
  }, []);
  return source;
}
