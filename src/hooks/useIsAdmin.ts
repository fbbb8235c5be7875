import { useEffect, useState } from 'react';
import { callAction } from '../services/mobileCheckClient';
import { oncePerLaunch } from '../services/perLaunch';

/** Whether this caller may read `stats`: asked once per launch; FORBIDDEN or any failure means no. */
export function isAdmin(): Promise<boolean> {
  return oncePerLaunch('isAdmin', () => callAction('stats', { days: 1 }).then((answer) => answer.ok));
}

/** false until the answer says this caller is an admin. */
export function useIsAdmin(): boolean {
  const [admin, setAdmin] = useState(false);
  useEffect(() => {
    let active = true;
    void isAdmin().then((yes) => {
      if (active) setAdmin(yes);
    });
    return () => {
      active = false;
    };
  }, []);
  return admin;
}
