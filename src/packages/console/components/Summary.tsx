import { Text, View } from '@tarojs/components';
import type { PeriodTotals } from '../figures';

const ITEMS: { key: keyof PeriodTotals; label: string }[] = [
  { key: 'requests', label: '请求' },
  { key: 'vendorCalls', label: '调用服务商' },
  { key: 'billed', label: '计费' },
  { key: 'cached', label: '缓存（免费）' },
  { key: 'refused', label: '被拒绝' },
];

/** The period's totals, one figure each. */
export function Summary({ totals }: { totals: PeriodTotals }) {
  return (
    <View className="summary" id="summary">
      {ITEMS.map(({ key, label }) => (
        <View className="summary-item" key={key} id={`total-${key}`}>
          <Text className="summary-value">{totals[key]}</Text>
          <Text className="summary-label">{label}</Text>
        </View>
      ))}
      {totals.maybeBilled > 0 && (
        <Text className="console-note" id="total-maybeBilled">{`另有 ${totals.maybeBilled} 次服务商超时，可能已计费。`}</Text>
      )}
    </View>
  );
}
