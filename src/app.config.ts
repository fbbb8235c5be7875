export default defineAppConfig({
  pages: ['pages/agreement/index', 'pages/form/index', 'pages/result/index'],
  // The operators' console and its chart library load only when opened (main package stays small).
  subPackages: [{ root: 'packages/console', pages: ['pages/index'] }],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '手机号实名核验',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f7f7f7',
  },
});
