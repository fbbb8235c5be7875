import { useState } from 'react';
import Taro from '@tarojs/taro';
import { actionFailedMessage, WITHDRAW_LABEL } from '../domain';
import { clearConsent } from '../services/consentStore';
import { forgetStatus } from '../services/launchStatus';
import { confirmDestructive } from '../services/confirmDestructive';
import { callAction } from '../services/mobileCheckClient';
import { ROUTES } from '../services/routes';
import { useMounted } from './useMounted';

export const WITHDRAW_CONFIRMATION =
  '撤回后将立即删除您的核验记录，不能继续核验；再次核验需重新阅读并同意《个人信息授权书》。同意记录（标明撤回时间）和次数计数按授权书第五条的期限保留。';

/**
 * Withdrawing consent (PIPL art. 15, 47): after a confirmation, recorded by the function first (which
 * deletes the verifications), so every device stops checking; then the consent kept here is forgotten and the agreement shown.
 * When the function cannot record it nothing changes here, and `error` says so.
 */
export function useWithdrawConsent() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useMounted();

  const withdraw = async () => {
    if (busy) return;
    const confirmed = await confirmDestructive(WITHDRAW_LABEL, WITHDRAW_CONFIRMATION, '撤回');
    if (!confirmed) return;
    setBusy(true);
    setError(null);
    const answer = await callAction('withdrawConsent');
    if (!mounted.current) return;
    setBusy(false);
    if (!answer.ok) {
      setError(actionFailedMessage('withdraw', answer.message));
      return;
    }
    clearConsent();
    forgetStatus(); // the verifications are gone: `status` says not verified now
    void Taro.reLaunch({ url: ROUTES.agreement });
  };

  return { withdraw, busy, error };
}
