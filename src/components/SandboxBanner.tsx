import { Text, View } from '@tarojs/components';
import { useVendorMode } from '../hooks/useVendorMode';

/** A yellow strip on every h5 page while the local host answers with its sandbox vendor. */
export function SandboxBanner() {
  const mode = useVendorMode();
  if (mode !== 'sandbox') return null;
  return (
    <View id="sandbox-banner" className="sandbox-banner">
      <Text>沙箱模式：结果为模拟数据，不调用真实接口、不计费，限额已放宽。</Text>
    </View>
  );
}
