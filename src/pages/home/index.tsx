import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { AGREEMENT_FIELDS, formatBeijingDate, type StatusAnswer } from '../../domain';
import { InfoRow } from '../../components/InfoRow';
import { SandboxBanner } from '../../components/SandboxBanner';
import { currentAgreement } from '../../services/agreement';
import { consentState } from '../../services/consentStore';
import { loadStatus, within } from '../../services/launchStatus';
import { ROUTES } from '../../services/routes';
import { PageView } from '../../components/PageView';

/** How long launch waits for `status`; after that, or on any failure, the normal flow opens. */
export const STATUS_WAIT_MS = 3_000;

type Verified = StatusAnswer & Required<Pick<StatusAnswer, 'masked' | 'verifiedAt'>>;
const isVerified = (s: StatusAnswer | null): s is Verified => !!s && s.verified && !!s.masked && typeof s.verifiedAt === 'number';

/** The normal flow: the form when the current agreement was agreed to on this device, else the agreement. */
const normalFlow = (status: StatusAnswer | null) =>
  (consentState(currentAgreement(status?.phoneSource).version) === 'current' ? ROUTES.form : ROUTES.agreement);

/**
 * First page: asks the function whether this person is already verified. Verified: their state
 * instead of the form. Anything else (not verified, an error, no answer in time): the normal flow.
 */
export default function HomePage() {
  const [status, setStatus] = useState<Verified | null>(null);

  useEffect(() => {
    let active = true;
    void within(loadStatus({ fresh: true }), STATUS_WAIT_MS, null).then((answer) => {
      if (!active) return;
      if (isVerified(answer)) setStatus(answer);
      else void Taro.redirectTo({ url: normalFlow(answer) });
    });
    return () => {
      active = false;
    };
  }, []);

  if (!status) {
    return (
      <PageView>
        <SandboxBanner />
        <Text id="home-loading" className="footnote">
          正在加载…
        </Text>
      </PageView>
    );
  }

  return (
    <PageView>
      <SandboxBanner />
      <View className="result-icon result-icon-pass" ariaLabel="已核验">
        ✓
      </View>
      <Text id="verified-title" className="result-title">
        已完成实名核验
      </Text>
      <Text id="verified-date" className="result-message">
        核验日期：{formatBeijingDate(status.verifiedAt)}
      </Text>
      <View className="cells">
        <InfoRow id="verified-name" label={AGREEMENT_FIELDS[0]} value={status.masked.name} />
        <InfoRow id="verified-idCard" label={AGREEMENT_FIELDS[1]} value={status.masked.idCard} />
        <InfoRow id="verified-mobile" label={AGREEMENT_FIELDS[2]} value={status.masked.mobile} />
      </View>
      <View className="btn-area">
        <Button id="check-other" className="btn btn-default" onClick={() => Taro.navigateTo({ url: normalFlow(status) })}>
          核验其他号码
        </Button>
      </View>
      <View className="links">
        <Text id="records-link" className="link" onClick={() => Taro.navigateTo({ url: ROUTES.records })}>
          我的核验记录
        </Text>
      </View>
    </PageView>
  );
}
