export default defineAppConfig({
  // home first: it asks `status` and opens the agreement or the form unless the person is verified.
  pages: ['pages/home/index', 'pages/agreement/index', 'pages/form/index', 'pages/result/index', 'pages/records/index'],
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
