// 运营数据: usage, cost and health for operators (the `stats` action; everyone else gets FORBIDDEN).
import { useMemo, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { StatsAnswer } from '../../../domain';
import type { ClientRefused } from '../../../services/mobileCheckClient';
import { SandboxBanner } from '../../../components/SandboxBanner';
import { billingChart, latencyChart, outcomesChart } from '../charts/chartSpecs';
import { hasActivity, meters, periodTotals, providerRows, refusalRows } from '../figures';
import { useStats } from '../hooks/useStats';
import { ChartCard } from '../components/ChartCard';
import { DaysSwitch, type Period } from '../components/DaysSwitch';
import { MeterCard } from '../components/MeterCard';
import { ProviderTable } from '../components/ProviderTable';
import { RefusalTable } from '../components/RefusalTable';
import { Summary } from '../components/Summary';
import './index.scss';
import { PageView } from '../../../components/PageView';

function Failure({ refusal, onRetry }: { refusal: ClientRefused; onRetry: () => void }) {
  if (refusal.code === 'FORBIDDEN') {
    return (
      <View className="console-state" id="console-forbidden">
        <Text className="console-state-title">此页面仅供运营人员查看</Text>
        <Text className="console-muted">您的微信账号不在运营人员名单（MOBILECHECK_ADMIN_OPENIDS）中。</Text>
      </View>
    );
  }
  return (
    <View className="console-state" id="console-error">
      <Text className="console-state-title">运营数据加载失败</Text>
      <Text className="console-muted" id="console-error-message">
        {refusal.message}
      </Text>
      <Button id="console-retry" className="btn btn-default console-retry" onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

function Figures({ answer }: { answer: StatsAnswer }) {
  const active = hasActivity(answer);
  const { quota, budget } = meters(answer);
  const charts = useMemo(() => [outcomesChart(answer), billingChart(answer), latencyChart(answer)], [answer]);
  return (
    <View>
      {active ? (
        <Summary totals={periodTotals(answer)} />
      ) : (
        <View className="console-state" id="console-empty">
          <Text className="console-state-title">这段时间还没有核验</Text>
          <Text className="console-muted">有人完成核验或请求被拒绝后，这里会显示次数、费用和结果。</Text>
        </View>
      )}
      <MeterCard id="quota" title="购买的核验额度" meter={quota} usedLabel="已用" unsetText="未设置 MOBILECHECK_QUOTA_TOTAL，无法计算剩余额度。" />
      <MeterCard id="budget" title="今日预算" meter={budget} usedLabel="今日已计费" unsetText="未设置 MOBILECHECK_DAILY_BUDGET，今日计费不设上限。" />
      {active && (
        <View>
          <ChartCard spec={charts[0]} emptyText="这段时间没有完成的核验。" />
          <ChartCard spec={charts[1]} emptyText="这段时间没有计费调用，也没有缓存命中。" />
          <ChartCard spec={charts[2]} emptyText="这段时间没有调用服务商，没有响应时间。" />
          <ProviderTable rows={providerRows(answer)} />
          <RefusalTable rows={refusalRows(answer)} />
        </View>
      )}
    </View>
  );
}

export default function ConsolePage() {
  const [days, setDays] = useState<Period>(7);
  const { answer, refusal, loading, reload } = useStats(days);

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <PageView>
      <SandboxBanner />
      <View className="console-page">
        <DaysSwitch value={days} onChange={setDays} />
        {loading && (
          <Text className="console-loading" id="console-loading">
            {answer ? '正在更新…' : '正在加载…'}
          </Text>
        )}
        {refusal && <Failure refusal={refusal} onRetry={() => void reload()} />}
        {answer && <Figures answer={answer} />}
      </View>
    </PageView>
  );
}
