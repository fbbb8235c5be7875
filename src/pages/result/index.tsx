import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { vendorStatus, type Verdict } from '../../domain';
import { SandboxBanner } from '../../components/SandboxBanner';
import { clearLastResult, getLastResult } from '../../services/resultStore';
import { ROUTES } from '../../services/routes';

const ICONS: Record<Verdict, string> = { pass: '✓', fail: '✕', unverifiable: '!' };
const ICON_LABELS: Record<Verdict, string> = { pass: '通过', fail: '未通过', unverifiable: '无法核验' };

function Row({ id, label, value, selectable }: { id: string; label: string; value: string; selectable?: boolean }) {
  return (
    <View className="cell cell-row">
      <Text className="cell-label">{label}</Text>
      <Text id={id} className="cell-value" selectable={selectable} userSelect={selectable}>
        {value}
      </Text>
    </View>
  );
}

export default function ResultPage() {
  // Read once: the result stays on screen even if the store is cleared later.
  const [result] = useState(getLastResult);

  const checkAgain = () => {
    clearLastResult();
    Taro.redirectTo({ url: ROUTES.form });
  };

  if (!result) {
    return (
      <View className="page">
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
      </View>
    );
  }

  const status = vendorStatus(result.code);
  return (
    <View className="page">
      <SandboxBanner />
      <View id="result-icon" className={`result-icon result-icon-${status.verdict}`} ariaLabel={ICON_LABELS[status.verdict]}>
        {ICONS[status.verdict]}
      </View>
      <Text id="result-title" className="result-title">
        {status.title}
      </Text>
      <Text id="result-message" className="result-message">
        {result.message || status.message}
      </Text>

      <View className="cells">
        <Row id="result-masked-name" label="姓名" value={result.masked.name} />
        <Row id="result-masked-idCard" label="身份证号码" value={result.masked.idCard} />
        <Row id="result-masked-mobile" label="手机号码" value={result.masked.mobile} />
        {result.carrier ? <Row id="result-carrier" label="运营商" value={result.carrier} /> : null}
        {result.traceId ? <Row id="result-trace-id" label="核验编号" value={result.traceId} selectable /> : null}
      </View>

      {result.cached && (
        <Text id="result-cached" className="footnote">
          这是您近期相同信息的核验结果，未重复扣费。
        </Text>
      )}

      <View className="btn-area">
        <Button id="check-again" className="btn btn-primary" onClick={checkAgain}>
          重新核验
        </Button>
      </View>
    </View>
  );
}
