import { Text, View } from '@tarojs/components';

export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

/** 近 7 / 30 / 90 天: a segmented switch. */
export function DaysSwitch({ value, onChange }: { value: Period; onChange: (days: Period) => void }) {
  return (
    <View className="days-switch" id="days-switch">
      {PERIODS.map((days) => (
        <View
          key={days}
          id={`days-${days}`}
          className={days === value ? 'days-option days-option-active' : 'days-option'}
          ariaLabel={`近 ${days} 天`}
          onClick={() => onChange(days)}
        >
          <Text>{`近 ${days} 天`}</Text>
        </View>
      ))}
    </View>
  );
}
