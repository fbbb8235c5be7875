import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useIsAdmin } from '../hooks/useIsAdmin';
import './ConsoleEntry.scss';

/** The console page, in its own subpackage (app.config.ts `subPackages`). */
export const CONSOLE_ROUTE = '/packages/console/pages/index';

/** A discreet grey link to the console, shown only to admins. */
export function ConsoleEntry() {
  const admin = useIsAdmin();
  if (!admin) return null;
  return (
    <View className="console-entry">
      <Text id="console-entry" className="console-entry-link" onClick={() => void Taro.navigateTo({ url: CONSOLE_ROUTE })}>
        运营数据
      </Text>
    </View>
  );
}
