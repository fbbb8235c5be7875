import { Text, View } from '@tarojs/components';

/** A label and a read-only value in a cell; `selectable` for values people copy (trace ids). */
export function InfoRow({ id, label, value, selectable }: { id?: string; label: string; value: string; selectable?: boolean }) {
  return (
    <View className="cell cell-row">
      <Text className="cell-label">{label}</Text>
      <Text id={id} className="cell-value" selectable={selectable} userSelect={selectable}>
        {value}
      </Text>
    </View>
  );
}
