export default definePageConfig({
  navigationBarTitleText: '运营数据',
  // Pull down to ask `stats` again (usePullDownRefresh in the page).
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
