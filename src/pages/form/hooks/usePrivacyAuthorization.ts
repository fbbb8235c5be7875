import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';

/**
 * checking: asking WeChat; needed: the person has not agreed yet; refused: they said no;
 * unknown: WeChat could not say (the fields stay locked until a retry gets an answer).
 */
export type PrivacyState = 'checking' | 'needed' | 'agreed' | 'refused' | 'unknown';

/** The id of the `agreePrivacyAuthorization` button: WeChat checks that this very button was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';
const DEFAULT_GUIDE_NAME = '用户隐私保护指引';

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void;

/**
 * WeChat's privacy authorization (用户隐私保护指引) before anything personal can be typed. weapp
 * only: in h5 the state is `agreed` from the start and nothing is asked. Besides the check on
 * opening, WeChat may ask again when an API needs it (`onNeedPrivacyAuthorization`): the same prompt
 * is shown, and the waiting API goes on or fails with the person's answer.
 */
export function usePrivacyAuthorization() {
  // Base libraries before 2.32.3 have no privacy API and nothing to agree to.
  const [asks] = useState(() => process.env.TARO_ENV === 'weapp' && Taro.canIUse('getPrivacySetting'));
  const [state, setState] = useState<PrivacyState>(asks ? 'checking' : 'agreed');
  const [guideName, setGuideName] = useState(DEFAULT_GUIDE_NAME);
  const waiting = useRef<Resolve | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !asks) return undefined;
    let active = true;
    Taro.onNeedPrivacyAuthorization((resolve) => {
      // Only one listener exists per mini-program; a form no longer shown cannot ask, so it declines.
      if (!active) return resolve({ event: 'disagree' });
      waiting.current = resolve;
      resolve({ event: 'exposureAuthorization' });
      setState('needed');
    });
    Taro.getPrivacySetting({
      success: (res) => {
        if (!active) return;
        if (res.privacyContractName) setGuideName(res.privacyContractName.replace(/^《|》$/g, ''));
        setState((s) => (s === 'checking' ? (res.needAuthorization ? 'needed' : 'agreed') : s));
      },
      // Unknown is not agreed: the fields stay locked, with a retry (fail closed).
      fail: () => active && setState((s) => (s === 'checking' ? 'unknown' : s)),
    });
    return () => {
      active = false;
    };
  }, [asks, attempt]);

  const answer = (event: 'agree' | 'disagree') => {
    waiting.current?.(event === 'agree' ? { event, buttonId: PRIVACY_AGREE_BUTTON_ID } : { event });
    waiting.current = null;
    setState(event === 'agree' ? 'agreed' : 'refused');
  };

  return {
    state,
    /** Whether the fields may be typed into. */
    ready: state === 'agreed',
    guideName,
    agree: () => answer('agree'),
    refuse: () => answer('disagree'),
    openGuide: () => Taro.openPrivacyContract({}),
    /** Asks WeChat again after it could not say. */
    retry: () => {
      setState('checking');
      setAttempt((n) => n + 1);
    },
  };
}
