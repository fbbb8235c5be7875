import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useIsAdmin } from '../hooks/useIsAdmin';
import { ROUTES } from '../services/routes';
import './ConsoleEntry.scss';


/** A discreet grey link to the console, shown only to admins. */
export function ConsoleEntry() {
  const admin = useIsAdmin();
  if (!admin) return null;
  return (
    <View className="console-entry">
      <Text id="console-entry" className="console-entry-link" onClick={() => void Taro.navigateTo({ url: ROUTES.console })}>
        运营数据
      </Text>
    </View>
  );
}
