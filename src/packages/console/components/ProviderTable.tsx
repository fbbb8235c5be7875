import { Text, View } from '@tarojs/components';
import type { ProviderRow } from '../figures';

const yuan = (value: number): string => `¥${value.toFixed(2)}`;

/** Calls, billed calls and spend per data provider: a failover shows as a call to each. */
export function ProviderTable({ rows }: { rows: ProviderRow[] }) {
  const priced = rows.filter((row) => row.spendYuan !== null);
  const total = priced.reduce((sum, row) => sum + (row.spendYuan ?? 0), 0);
  return (
    <View className="console-card" id="providers">
      <View className="console-card-head">
        <Text className="console-card-title">各数据服务商</Text>
      </View>
      <View className="refusal-table">
        {rows.map((row) => (
          <View className="refusal-row" key={row.id} id={`provider-${row.id}`}>
            <Text className="refusal-label">{row.label}</Text>
            <Text className="refusal-code">调用 {row.vendorCalls} · 计费 {row.billed}</Text>
            <Text className="refusal-count">{row.spendYuan === null ? '未设单价' : yuan(row.spendYuan)}</Text>
          </View>
        ))}
      </View>
      {priced.length > 0 && (
        <Text className="console-note" id="providers-spend">
          这段时间的费用约 {yuan(total)}（计费次数 × MOBILECHECK_*_PRICE_FEN 设置的单价）。
        </Text>
      )}
    </View>
  );
}
