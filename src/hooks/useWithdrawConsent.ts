import { useState } from 'react';
import Taro from '@tarojs/taro';
import { clearConsent } from '../services/consentStore';
import { confirmDestructive } from '../services/confirmDestructive';
import { callAction } from '../services/mobileCheckClient';
import { ROUTES } from '../services/routes';
import { useMounted } from './useMounted';

/**
 * Withdrawing consent (PIPL art. 15): after a confirmation, recorded by the function first, so
 * every device stops checking; then the consent kept here is forgotten and the agreement shown.
 * When the function cannot record it nothing changes here, and `error` says so.
 */
export function useWithdrawConsent() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useMounted();

  const withdraw = async () => {
    if (busy) return;
    const confirmed = await confirmDestructive(
      '撤回授权',
      '撤回后将不能继续核验，需重新阅读并同意《个人信息授权书》。撤回不删除已完成的核验记录；如需删除，请在“我的核验记录”中删除。',
      '撤回',
    );
    if (!confirmed) return;
    setBusy(true);
    setError(null);
    const answer = await callAction('withdrawConsent');
    if (!mounted.current) return;
    setBusy(false);
    if (!answer.ok) {
      setError(`撤回未完成：${answer.message}`);
      return;
    }
    clearConsent();
    void Taro.reLaunch({ url: ROUTES.agreement });
  };

  return { withdraw, busy, error };
}
