import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type { IProjectConfig } from '@tarojs/taro/types/compile';
import devConfig from './dev';
import prodConfig from './prod';
import { bindAriaAttributes } from './ariaAttributes';

// https://docs.taro.zone/docs/config
// weapp builds to dist/ (opened through the root project.config.json); h5 to dist-h5/ so the two
// builds never overwrite each other (the local host serves dist-h5/).
// The console's chart library (F2) uses more tslib helpers than the rest of the app. Sharing one tslib
// module would put all of them in the main package (weapp dist/vendors.js, h5's first-page chunks);
// its own copy lets the subpackage (weapp) and the console's lazy chunk (h5) carry them instead.
type Chain = Parameters<NonNullable<NonNullable<IProjectConfig<'webpack5'>['mini']>['webpackChain']>>[0];
function chartLibraryOwnTslib(chain: Chain): void {
  chain.module.rule('antv-own-tslib').test(/[\\/]node_modules[\\/]@antv[\\/]/).resolve.alias.set('tslib$', require.resolve('tslib/tslib.js'));
}

// The domain is pure (no I/O, no globals; the team's rule and src/domain/tsconfig.json): telling webpack
// so lets a page's chunk leave out the modules of the `domain` barrel it does not use, instead of
// keeping every one for its top-level constants.
function pureDomain(chain: Chain): void {
  chain.module.rule('pure-domain').test(/[\\/]src[\\/]domain[\\/]/).set('sideEffects', false);
}

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'mobile-check',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    // Always defined, so the built code never reads a missing `process` on the phone. The cloud
    // environment id is not a secret; .env files (read by Taro before this file) or the shell set it.
    env: {
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // The providers the agreement names: set it to the function's MOBILECHECK_PROVIDERS.
      TARO_APP_PROVIDERS: JSON.stringify(process.env.TARO_APP_PROVIDERS ?? ''),
    },
    defineConstants: {},
    // WeChat reads the dark and light window colours from theme.json (app.config.ts themeLocation).
    copy: { patterns: isH5 ? [] : [{ from: 'src/theme.json', to: 'dist/theme.json' }], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // weapp: templates cannot recurse, so Taro copies every template once per level; nodes deeper
    // than this still render, through its `comp` component. 8 levels instead of 16 take 22 KB off
    // base.wxml, keeping the main package within its 360 KB budget.
    baseLevel: 8,
    // Taro's weapp minifier escapes every non-ASCII character (\uXXXX: 6 bytes where UTF-8 takes 3);
    // the texts are Chinese, so plain UTF-8 (as the unminified dev build ships) is about 16 KB smaller.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chartLibraryOwnTslib(chain);
        pureDomain(chain);
        bindAriaAttributes(chain as unknown as Parameters<typeof bindAriaAttributes>[0]);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chartLibraryOwnTslib(chain);
        pureDomain(chain);
        // Taro's runtime and React alone are ~300 KiB; the h5 build is served by the local host only.
        chain.performance.maxEntrypointSize(512 * 1024).maxAssetSize(512 * 1024);
        // Taro's h5 request brings a fetch and an AbortController polyfill (each installs itself only in a
        // browser without them) and a JSONP client: the local host's browsers all have both natively and
        // no call here uses JSONP, so the three stay out (25 KB of the first page).
        chain.merge({ resolve: { alias: { 'whatwg-fetch$': false, 'abortcontroller-polyfill/dist/abortcontroller-polyfill-only$': false, 'jsonp-retry$': false } } });
        // Code most pages share (components, hooks, the domain) in one chunk instead of a copy in
        // each page's chunk: the first page then loads it once, and later pages find it cached.
        const split = chain.optimization.get('splitChunks');
        chain.optimization.splitChunks({
          ...split,
          cacheGroups: {
            ...split.cacheGroups,
            pagesShared: { chunks: 'async', minChunks: 4, name: 'pages-shared', priority: 5, reuseExistingChunk: true, enforce: true },
          },
        });
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
