import { Text, View } from '@tarojs/components';
import type { Meter } from '../figures';

/** A used/limit figure with a plain bar; without a limit, the figure and why there is no bar. */
export function MeterCard({ id, title, meter, usedLabel, unsetText }: { id: string; title: string; meter: Meter; usedLabel: string; unsetText: string }) {
  return (
    <View className="console-card" id={id}>
      <View className="console-card-head">
        <Text className="console-card-title">{title}</Text>
        {meter.percent !== null && <Text className={`meter-percent meter-percent-${meter.level}`}>{`${meter.percent}%`}</Text>}
      </View>
      <View className="meter-figures">
        <Text className="meter-figure" id={`${id}-used`}>{`${usedLabel} ${meter.used}`}</Text>
        {meter.limit !== null && <Text className="meter-figure" id={`${id}-limit`}>{`共 ${meter.limit}`}</Text>}
        {meter.remaining !== null && <Text className="meter-figure" id={`${id}-remaining`}>{`剩余 ${meter.remaining}`}</Text>}
      </View>
      {meter.percent === null ? (
        <Text className="console-muted" id={`${id}-unset`}>
          {unsetText}
        </Text>
      ) : (
        <View className="meter-track">
          <View className={`meter-fill meter-fill-${meter.level}`} style={{ width: `${meter.percent}%` }} />
        </View>
      )}
    </View>
  );
}
