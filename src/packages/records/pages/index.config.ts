export default definePageConfig({
  navigationBarTitleText: '我的核验记录',
});
