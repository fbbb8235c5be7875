import { useEffect, useState } from 'react';
import { callAction } from '../services/mobileCheckClient';

let adminPromise: Promise<boolean> | null = null;

/** Whether this caller may read `stats`: asked once per launch; FORBIDDEN or any failure means no. */
export function isAdmin(): Promise<boolean> {
  if (!adminPromise) adminPromise = callAction('stats', { days: 1 }).then((answer) => answer.ok);
  return adminPromise;
}

/** For tests: ask again on the next call. */
export function resetIsAdminForTests(): void {
  adminPromise = null;
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
