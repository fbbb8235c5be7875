import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import './app.scss';

// WeChat cloud: set up once, before any page calls the function. The environment id comes from
// TARO_APP_CLOUD_ENV (.env files; not a secret); unset means the mini-program's default environment.
// traceUser stays false: it would record every visitor's OpenID in the cloud console, which the
// agreement does not disclose (it says the OpenID is kept only as a keyed hash).
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: false });
}

function App({ children }: PropsWithChildren) {
  // children are the pages being shown
  return children;
}

export default App;
