export default defineAppConfig({
  // home first: it asks `status` and opens the agreement or the form unless the person is verified.
  pages: ['pages/home/index', 'pages/agreement/index', 'pages/form/index', 'pages/result/index'],
  // Pages not needed at launch (我的核验记录, the operators' console and its chart library) load only
  // when opened, keeping the main package small.
  subPackages: [{ root: 'packages/records', pages: ['pages/index'] }, { root: 'packages/console', pages: ['pages/index'] }],
  // WeChat's dark mode: the window colours come from theme.json (copied into dist/ by config/index.ts),
  // the pages' from prefers-color-scheme in app.scss.
  darkmode: true,
  themeLocation: 'theme.json',
  window: {
    backgroundTextStyle: '@bgTextStyle',
    navigationBarBackgroundColor: '@navBgColor',
    navigationBarTitleText: '手机号实名核验',
    navigationBarTextStyle: '@navTextStyle',
    backgroundColor: '@bgColor',
  },
});
