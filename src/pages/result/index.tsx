import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { vendorStatus, type VendorStatusCode, type Verdict } from '../../domain';
import { InfoRow } from '../../components/InfoRow';
import { roleProps } from '../../components/roleProps';
import { SandboxBanner } from '../../components/SandboxBanner';
import { keepPerson, takeKeptPerson } from '../../services/keptPerson';
import { clearLastResult, getLastResult } from '../../services/resultStore';
import { ROUTES } from '../../services/routes';
import { PageView } from '../../components/PageView';

const ICONS: Record<Verdict, string> = { pass: '✓', fail: '✕', unverifiable: '!' };
const ICON_LABELS: Record<Verdict, string> = { pass: '通过', fail: '未通过', unverifiable: '无法核验' };
// The mobile is what did not fit (02: not registered to this person; 206: the number is wrong).
const OTHER_MOBILE_CODES: VendorStatusCode[] = ['02', '206'];

export default function ResultPage() {
  // Read once: the result stays on screen even if the store is cleared later.
  const [result] = useState(getLastResult);
  // Name and ID of this check, in memory only, for “换一个号码”.
  const [person] = useState(takeKeptPerson);

  const checkAgain = () => {
    clearLastResult();
    void Taro.redirectTo({ url: ROUTES.form });
  };
  const otherMobile = () => {
    if (person) keepPerson(person);
    checkAgain();
  };
  const recordsLink = (
    <View className="links">
      <Text id="records-link" className="link" onClick={() => Taro.navigateTo({ url: ROUTES.records })}>
        我的核验记录
      </Text>
    </View>
  );

  if (!result) {
    return (
      <PageView>
        <SandboxBanner />
        <View className="result-icon result-icon-unverifiable">!</View>
        <Text id="result-title" className="result-title">
          没有可显示的核验结果
        </Text>
        <Text id="result-message" className="result-message">
          核验结果只在完成核验后显示一次。请返回填写信息并重新核验。
        </Text>
        <View className="btn-area">
          <Button id="check-again" className="btn btn-primary" onClick={checkAgain}>
            去核验
          </Button>
        </View>
        {recordsLink}
      </PageView>
    );
  }

  const status = vendorStatus(result.code);
  const offerOtherMobile = person !== null && OTHER_MOBILE_CODES.includes(result.code);
  return (
    <PageView>
      <SandboxBanner />
      <View id="result-icon" className={`result-icon result-icon-${status.verdict}`} ariaLabel={ICON_LABELS[status.verdict]}>
        {ICONS[status.verdict]}
      </View>
      {/* The verdict is announced when the page opens (a polite live region with the status role). */}
      <View id="verdict" {...roleProps('status')} aria-live="polite">
        <Text id="result-title" className="result-title">
          {status.title}
        </Text>
        <Text id="result-message" className="result-message">
          {result.message || status.message}
        </Text>
      </View>

      <View className="cells">
        <InfoRow id="result-masked-name" label="姓名" value={result.masked.name} />
        <InfoRow id="result-masked-idCard" label="身份证号码" value={result.masked.idCard} />
        <InfoRow id="result-masked-mobile" label="手机号码" value={result.masked.mobile} />
        {result.carrier ? <InfoRow id="result-carrier" label="运营商" value={result.carrier} /> : null}
        {result.traceId ? <InfoRow id="result-trace-id" label="核验编号" value={result.traceId} selectable /> : null}
      </View>

      {result.cached && (
        <Text id="result-cached" className="footnote">
          这是您近期相同信息的核验结果，未重复扣费。
        </Text>
      )}

      <View className="btn-area">
        {offerOtherMobile && (
          <Button id="other-mobile" className="btn btn-primary" onClick={otherMobile}>
            换一个号码
          </Button>
        )}
        <Button id="check-again" className={`btn ${offerOtherMobile ? 'btn-default' : 'btn-primary'}`} onClick={checkAgain}>
          重新核验
        </Button>
      </View>
      {recordsLink}
    </PageView>
  );
}
