import { Text, View } from '@tarojs/components';
import { ChartCanvas } from '../charts/ChartCanvas';
import type { ChartSpec } from '../charts/chartSpecs';

/** A titled card with one chart, or a line saying there is nothing to draw. */
export function ChartCard({ spec, emptyText }: { spec: ChartSpec; emptyText: string }) {
  return (
    <View className="console-card" id={`${spec.id}-card`}>
      <View className="console-card-head">
        <Text className="console-card-title">{spec.title}</Text>
        <Text className="console-card-unit">{`单位：${spec.unit}`}</Text>
      </View>
      {spec.empty ? (
        <Text className="console-muted" id={`${spec.id}-empty`}>
          {emptyText}
        </Text>
      ) : (
        <View className="chart-box">
          <ChartCanvas spec={spec} />
        </View>
      )}
    </View>
  );
}
