import { useState } from 'react';
import { actionFailedMessage, agreementOutdated, OUTDATED_AGREEMENT_MESSAGE } from '../domain';
import { askForUpdate } from '../services/appUpdate';
import { saveConsent } from '../services/consentStore';
import { callAction } from '../services/mobileCheckClient';
import { useMounted } from './useMounted';

const BOTH = { idCard: true, provision: true };

/**
 * 同意: the function registers the consent on its own clock and answers its id, which the phone keeps.
 * A function with a newer text means this build is out of date: WeChat is asked for the update.
 */
export function useAcceptAgreement() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useMounted();

  const accept = async (agreementVersion: string): Promise<boolean> => {
    if (busy) return false;
    setBusy(true);
    setError(null);
    const answer = await callAction('acceptAgreement', { agreementVersion, separate: BOTH });
    if (!mounted.current) return false;
    setBusy(false);
    if (answer.ok) {
      saveConsent(answer);
      return true;
    }
    const outdated = agreementOutdated(answer, agreementVersion);
    if (outdated) askForUpdate();
    setError(outdated ? OUTDATED_AGREEMENT_MESSAGE : actionFailedMessage('accept', answer.message));
    return false;
  };

  return { accept, busy, error };
}
