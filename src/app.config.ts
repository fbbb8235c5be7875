export default defineAppConfig({
  pages: ['pages/agreement/index', 'pages/form/index', 'pages/result/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '手机号实名核验',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f7f7f7',
  },
});
