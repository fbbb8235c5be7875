import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AGREEMENT_FIELDS, formatBeijingTime, type OwnConsent, type OwnLimits, type OwnVerification } from '../../domain';
import { InfoRow } from '../../components/InfoRow';
import { ROUTES } from '../../services/routes';
import { limitsWords, outcomeWords, PHONE_SOURCE_WORDS, providerWords } from './recordsText';

export { outcomeWords };

export function VerificationList({ records }: { records: OwnVerification[] }) {
  return (
    <View id="records-verifications">
      <Text className="cells-title">核验记录（{records.length}）</Text>
      {records.length === 0 && <Text className="footnote">暂无核验记录。</Text>}
      {records.map((r, i) => (
        <View key={r.traceId || i} id={`record-${i}`} className="cells record">
          <InfoRow label="时间" value={formatBeijingTime(r.at)} />
          <InfoRow id={`record-${i}-outcome`} label="结果" value={outcomeWords(r.code)} />
          <InfoRow id={`record-${i}-carrier`} label="运营商" value={r.carrier || '无'} />
          <InfoRow id={`record-${i}-phone`} label="手机号码来源" value={PHONE_SOURCE_WORDS[r.phone]} />
          <InfoRow id={`record-${i}-provider`} label="核验服务商" value={providerWords(r.provider)} />
          <InfoRow label={AGREEMENT_FIELDS[0]} value={r.masked.name} />
          <InfoRow label={AGREEMENT_FIELDS[1]} value={r.masked.idCard} />
          <InfoRow label={AGREEMENT_FIELDS[2]} value={r.masked.mobile} />
          <InfoRow label="核验编号" value={r.traceId} selectable />
          <InfoRow id={`record-${i}-edition`} label="授权书版本" value={r.edition} />
        </View>
      ))}
    </View>
  );
}

export function ConsentList({ consents }: { consents: OwnConsent[] }) {
  return (
    <View id="records-consents">
      <Text className="cells-title">同意记录（{consents.length}）</Text>
      {consents.length === 0 && <Text className="footnote">暂无同意记录。</Text>}
      {consents.map((c, i) => (
        <View key={c.consentId || i} id={`consent-${i}`} className="cells record">
          <InfoRow id={`consent-${i}-at`} label="同意时间" value={formatBeijingTime(c.acceptedAt)} />
          <View className="cell cell-row">
            <Text className="cell-label">授权书版本</Text>
            <Text
              id={`consent-${i}-edition`}
              className="cell-value link"
              onClick={() => Taro.navigateTo({ url: `${ROUTES.edition}?version=${c.agreementVersion}` })}
            >
              {c.edition}（查看）
            </Text>
          </View>
          <InfoRow label="同意编号" value={c.consentId} selectable />
          {c.withdrawnAt !== undefined && <InfoRow id={`consent-${i}-withdrawn`} label="撤回时间" value={formatBeijingTime(c.withdrawnAt)} />}
        </View>
      ))}
    </View>
  );
}

export function LimitsSummary({ limits }: { limits: OwnLimits | null }) {
  return (
    <View id="records-limits">
      <Text className="cells-title">次数计数</Text>
      <Text id="records-limits-text" className="footnote">{limitsWords(limits)}</Text>
    </View>
  );
}
