import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { useTextScale } from '../hooks/useTextScale';

/** A page's root: the `page` look, and on weapp WeChat's font size setting as `--text-scale`. */
export function PageView({ children }: { children?: ReactNode }) {
  const style = useTextScale();
  return (
    <View className="page" style={style}>
      {children}
    </View>
  );
}
