/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Affects the built output. */
    NODE_ENV?: 'development' | 'production' | 'test';
    /** The platform being built. */
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** WeChat cloud environment id (from .env files; not a secret). Unset means the default env. */
    TARO_APP_CLOUD_ENV?: string;
  }
}
