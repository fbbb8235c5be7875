import { Text, View } from '@tarojs/components';
import { formatBeijingTime, isVendorStatusCode, PROVIDER_LABELS, vendorStatus, type OwnConsent, type OwnVerification } from '../../domain';
import { InfoRow } from '../../components/InfoRow';

/** A recorded code in words: the vendor's verdict, or that the check did not complete. */
export const outcomeWords = (code: string): string => (isVendorStatusCode(code) ? vendorStatus(code).title : '未完成核验');

export function VerificationList({ records }: { records: OwnVerification[] }) {
  return (
    <View id="records-verifications">
      <Text className="cells-title">核验记录（{records.length}）</Text>
      {records.length === 0 && <Text className="footnote">暂无核验记录。</Text>}
      {records.map((r, i) => (
        <View key={r.traceId || i} id={`record-${i}`} className="cells record">
          <InfoRow label="时间" value={formatBeijingTime(r.at)} />
          <View className="cell cell-row">
            <Text className="cell-label">结果</Text>
            <Text id={`record-${i}-outcome`} className="cell-value">
              {outcomeWords(r.code)}
              {r.cached && <Text className="tag">缓存</Text>}
            </Text>
          </View>
          <InfoRow label="姓名" value={r.masked.name} />
          <InfoRow label="身份证号码" value={r.masked.idCard} />
          <InfoRow label="手机号码" value={r.masked.mobile} />
          {PROVIDER_LABELS[r.provider] && <InfoRow label="核验服务商" value={PROVIDER_LABELS[r.provider]} />}
          <InfoRow label="核验编号" value={r.traceId} selectable />
        </View>
      ))}
    </View>
  );
}

export function ConsentList({ consents }: { consents: OwnConsent[] }) {
  return (
    <View id="records-consents">
      <Text className="cells-title">授权记录（{consents.length}）</Text>
      {consents.length === 0 && <Text className="footnote">暂无授权记录。</Text>}
      {consents.map((c, i) => (
        <View key={i} id={`consent-${i}`} className="cells record">
          <InfoRow label="同意时间" value={formatBeijingTime(c.at)} />
          <InfoRow label="授权书版本" value={c.agreementVersion} />
          {c.withdrawnAt !== undefined && <InfoRow id={`consent-${i}-withdrawn`} label="撤回时间" value={formatBeijingTime(c.withdrawnAt)} />}
        </View>
      ))}
    </View>
  );
}
