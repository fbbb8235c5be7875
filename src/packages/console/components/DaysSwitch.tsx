import { Text, View } from '@tarojs/components';
import { roleProps } from '../../../components/roleProps';

const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

/** 近 7 / 30 / 90 天: a segmented switch, read as a group of radio buttons (h5: src/services/h5Semantics.ts adds focus and keys). */
export function DaysSwitch({ value, onChange }: { value: Period; onChange: (days: Period) => void }) {
  return (
    <View className="days-switch" id="days-switch" {...roleProps('radiogroup')} aria-label="统计时段">
      {PERIODS.map((days) => (
        <View
          key={days}
          id={`days-${days}`}
          className={days === value ? 'days-option days-option-active' : 'days-option'}
          ariaLabel={`近 ${days} 天`}
          {...roleProps('radio')}
          aria-checked={days === value ? 'true' : 'false'}
          onClick={() => onChange(days)}
        >
          <Text>{`近 ${days} 天`}</Text>
        </View>
      ))}
    </View>
  );
}
