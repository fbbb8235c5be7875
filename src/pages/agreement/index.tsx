import { useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Checkbox, CheckboxGroup, Label, Text, View } from '@tarojs/components';
import { formatBeijingTime, SEPARATE_CONSENT_LABELS, WITHDRAW_LABEL } from '../../domain';
import { SandboxBanner } from '../../components/SandboxBanner';
import { AgreementText } from '../../components/AgreementText';
import { usePhoneSource } from '../../hooks/usePhoneSource';
import { useAcceptAgreement } from '../../hooks/useAcceptAgreement';
import { currentAgreement } from '../../services/agreement';
import { consentState, readConsent } from '../../services/consentStore';
import { operatorSettings } from '../../operator/settings';
import { ROUTES } from '../../services/routes';
import { PageView } from '../../components/PageView';

type Tick = keyof typeof SEPARATE_CONSENT_LABELS;
const TICKS: Tick[] = ['idCard', 'provision'];

/**
 * Agreement page: the whole text, then two separate, unticked consents (PIPL art. 29 for the ID
 * number, art. 23 for providing the fields) and 同意 / 不同意. 同意 registers the consent with the
 * function (`acceptAgreement`). Query: `review=1` opens it read-only after agreeing (from the form);
 * `reason=consent` says the function asked for consent again.
 */
export default function AgreementPage() {
  const phoneSource = usePhoneSource();
  const { params } = useRouter();
  const agreement = currentAgreement(phoneSource ?? 'typed');
  const state = useMemo(() => consentState(agreement.version), [agreement.version]);
  const stored = useMemo(() => readConsent(), []);
  const reviewing = params.review === '1' && state === 'current';
  const skipping = phoneSource !== null && state === 'current' && !reviewing;
  const [ticked, setTicked] = useState<Tick[]>([]);
  const [declined, setDeclined] = useState(false);
  const accepting = useAcceptAgreement();
  const both = TICKS.every((t) => ticked.includes(t));

  useEffect(() => {
    if (skipping) Taro.redirectTo({ url: ROUTES.form });
  }, [skipping]);

  if (phoneSource === null || skipping) {
    return (
      <PageView>
        <SandboxBanner />
        <Text className="footnote">{skipping ? `您已同意《${agreement.title}》，正在进入核验页面…` : '正在加载…'}</Text>
      </PageView>
    );
  }

  const agree = async () => {
    if (!both) return;
    if (await accepting.accept(agreement.version)) Taro.redirectTo({ url: ROUTES.form });
  };

  const setTick = (tick: Tick, on: boolean) => {
    setDeclined(false);
    setTicked((current) => (on ? [...current.filter((t) => t !== tick), tick] : current.filter((t) => t !== tick)));
  };

  const decline = () => {
    setTicked([]);
    setDeclined(true);
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
          您已于{formatBeijingTime(stored.acceptedAt)}（北京时间）同意本授权书（{stored.edition}）。如需撤回，请在“我的核验记录”中点击“{WITHDRAW_LABEL}”。
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
          {/* Two separate consents, each its own group: ticking one never ticks or unticks the other. */}
          {TICKS.map((tick) => (
            <CheckboxGroup key={tick} id={`agree-${tick}-group`} onChange={(e) => setTick(tick, e.detail.value.includes(tick))}>
              <Label className="agree-row" for={`agree-${tick}`}>
                <Checkbox id={`agree-${tick}`} value={tick} checked={ticked.includes(tick)} color="#07c160" />
                <Text id={`agree-${tick}-label`} className="agree-text">{SEPARATE_CONSENT_LABELS[tick]}</Text>
              </Label>
            </CheckboxGroup>
          ))}
          {accepting.error && (
            <View id="agree-error" className="notice-box notice-box-error">
              {accepting.error}
            </View>
          )}
          {declined && (
            <View id="declined" className="notice-box notice-box-info">
              您没有同意，我们不会收集您的姓名、身份证件号码和手机号码，也不能为您进行手机号实名核验。需要其他方式完成“{operatorSettings.service}”的，请联系 {operatorSettings.contact}。您也可以随时重新阅读并同意。
            </View>
          )}
          <View className="btn-area">
            <Button
              id="agree-button"
              className={`btn btn-primary${both && !accepting.busy ? '' : ' btn-disabled'}`}
              disabled={!both || accepting.busy}
              onClick={agree}
            >
              {accepting.busy ? '正在提交…' : '同意'}
            </Button>
            <Button id="decline-button" className="btn btn-default" onClick={decline}>
              不同意
            </Button>
          </View>
        </View>
      )}
    </PageView>
  );
}
