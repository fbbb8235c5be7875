import { useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Checkbox, CheckboxGroup, Label, Text, View } from '@tarojs/components';
import { formatBeijingTime } from '../../domain';
import { SandboxBanner } from '../../components/SandboxBanner';
import { AgreementText } from '../../components/AgreementText';
import { currentAgreement } from '../../services/agreement';
import { consentState, readConsent, saveConsent } from '../../services/consentStore';
import { ROUTES } from '../../services/routes';
import { PageView } from '../../components/PageView';

const AGREE_VALUE = 'agree';

/**
 * Agreement page. Query: `review=1` opens it read-only after agreeing (from the form);
 * `reason=consent` says the function asked for consent again.
 */
export default function AgreementPage() {
  const agreement = currentAgreement();
  const { params } = useRouter();
  const state = useMemo(() => consentState(agreement.version), [agreement.version]);
  const stored = useMemo(() => readConsent(), []);
  const reviewing = params.review === '1' && state === 'current';
  const skipping = state === 'current' && !reviewing;
  const [ticked, setTicked] = useState(false);

  useEffect(() => {
    if (skipping) Taro.redirectTo({ url: ROUTES.form });
  }, [skipping]);

  if (skipping) {
    return (
      <PageView>
        <SandboxBanner />
        <Text className="footnote">您已同意《{agreement.title}》，正在进入核验页面…</Text>
      </PageView>
    );
  }

  const agree = () => {
    if (!ticked) return;
    saveConsent(agreement.version);
    Taro.redirectTo({ url: ROUTES.form });
  };

  const back = () => {
    if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
    else Taro.redirectTo({ url: ROUTES.form });
  };

  return (
    <PageView>
      <SandboxBanner />
      {state === 'outdated' && (
        <View id="agreement-changed" className="notice-box notice-box-warn">
          《{agreement.title}》的内容已更新，之前的同意已不再适用。请重新阅读并同意后继续。
        </View>
      )}
      {state === 'none' && params.reason === 'consent' && (
        <View id="agreement-changed" className="notice-box notice-box-warn">
          核验前需要您重新阅读并同意《{agreement.title}》。
        </View>
      )}
      {reviewing && stored && (
        <View id="agreement-accepted" className="notice-box notice-box-info">
          您已于{formatBeijingTime(stored.acceptedAt)}（北京时间）同意本授权书。如需撤回，请在核验页面或“我的核验记录”中点击“撤回授权”。
        </View>
      )}

      <AgreementText agreement={agreement} />

      {reviewing ? (
        <View className="btn-area">
          <Button id="back-button" className="btn btn-default" onClick={back}>
            返回核验
          </Button>
        </View>
      ) : (
        <View>
          <CheckboxGroup id="agree-group" onChange={(e) => setTicked(e.detail.value.includes(AGREE_VALUE))}>
            <Label className="agree-row" for="agree-checkbox">
              <Checkbox id="agree-checkbox" value={AGREE_VALUE} checked={ticked} color="#07c160" />
              <Text className="agree-text">我已阅读并同意《{agreement.title}》</Text>
            </Label>
          </CheckboxGroup>
          <View className="btn-area">
            <Button
              id="agree-button"
              className={`btn btn-primary${ticked ? '' : ' btn-disabled'}`}
              disabled={!ticked}
              onClick={agree}
            >
              同意并继续
            </Button>
          </View>
        </View>
      )}
    </PageView>
  );
}
