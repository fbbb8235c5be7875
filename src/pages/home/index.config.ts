export default definePageConfig({
  navigationBarTitleText: '手机号实名核验',
});
