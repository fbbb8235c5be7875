import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { AGREEMENT_FIELDS, RESULT_TEXT, shownResultMessage, vendorStatus, type VendorStatusCode, type Verdict } from '../../domain';
import { InfoRow } from '../../components/InfoRow';
import { roleProps } from '../../components/roleProps';
import { SandboxBanner } from '../../components/SandboxBanner';
import { keepPerson, takeKeptPerson } from '../../services/keptPerson';
import { clearLastResult, getLastResult } from '../../services/resultStore';
import { ROUTES } from '../../services/routes';
import { PageView } from '../../components/PageView';

const ICONS: Record<Verdict, string> = { pass: '✓', fail: '✕', unverifiable: '!' };
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
          {RESULT_TEXT.noResultTitle}
        </Text>
        <Text id="result-message" className="result-message">
          {RESULT_TEXT.noResultMessage}
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
      <View id="result-icon" className={`result-icon result-icon-${status.verdict}`} ariaLabel={RESULT_TEXT.iconLabels[status.verdict]}>
        {ICONS[status.verdict]}
      </View>
      {/* The verdict is announced when the page opens (a polite live region with the status role). */}
      <View id="verdict" {...roleProps('status')} aria-live="polite">
        <Text id="result-title" className="result-title">
          {status.title}
        </Text>
        <Text id="result-message" className="result-message">
          {shownResultMessage(result)}
        </Text>
      </View>

      <View className="cells">
        <InfoRow id="result-masked-name" label={AGREEMENT_FIELDS[0]} value={result.masked.name} />
        <InfoRow id="result-masked-idCard" label={AGREEMENT_FIELDS[1]} value={result.masked.idCard} />
        <InfoRow id="result-masked-mobile" label={AGREEMENT_FIELDS[2]} value={result.masked.mobile} />
        {result.carrier ? <InfoRow id="result-carrier" label="运营商" value={result.carrier} /> : null}
        {result.traceId ? <InfoRow id="result-trace-id" label="核验编号" value={result.traceId} selectable /> : null}
      </View>

      {result.cached && (
        <Text id="result-cached" className="footnote">
          {RESULT_TEXT.cached}
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
