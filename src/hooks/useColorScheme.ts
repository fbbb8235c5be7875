import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';

export type ColorScheme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** What the system shows now: WeChat's theme (app.json `darkmode: true`) on weapp, the browser's on h5. */
function currentScheme(): ColorScheme {
  if (process.env.TARO_ENV === 'h5') return typeof window !== 'undefined' && window.matchMedia?.(DARK_QUERY).matches ? 'dark' : 'light';
  return Taro.getAppBaseInfo?.().theme === 'dark' ? 'dark' : 'light';
}

/**
 * The light or dark theme, following changes while the page is open. Styles follow by themselves
 * (prefers-color-scheme in app.scss); this is for what CSS cannot reach, such as chart canvases.
 */
export function useColorScheme(): ColorScheme {
  const [scheme, setScheme] = useState<ColorScheme>(currentScheme);
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      const query = window.matchMedia?.(DARK_QUERY);
      if (!query) return undefined;
      const onChange = () => setScheme(query.matches ? 'dark' : 'light');
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    }
    const onTheme = (result: { theme: string }) => setScheme(result.theme === 'dark' ? 'dark' : 'light');
    Taro.onThemeChange?.(onTheme);
    return () => Taro.offThemeChange?.(onTheme);
  }, []);
  return scheme;
}
