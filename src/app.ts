import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import { mergeInternalComponents } from '@tarojs/shared';
import ARIA_COMPONENTS from './weappAria.json';
import { startH5Semantics } from './services/h5Semantics';
import './app.scss';

// WeChat cloud: set up once, before any page calls the function. The environment id comes from
// TARO_APP_CLOUD_ENV (.env files; not a secret); unset means the mini-program's default environment.
if (process.env.TARO_ENV === 'weapp') {
  // Before the first render: the runtime's attribute aliases must match dist/base.wxml's, which
  // config/ariaAttributes.ts extends with the same ARIA attributes.
  mergeInternalComponents(ARIA_COMPONENTS);
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
}

if (process.env.TARO_ENV === 'h5') startH5Semantics(document);

function App({ children }: PropsWithChildren) {
  // children are the pages being shown
  return children;
}

export default App;
