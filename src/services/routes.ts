export const ROUTES = {
  home: '/pages/home/index',
  agreement: '/pages/agreement/index',
  form: '/pages/form/index',
  result: '/pages/result/index',
  records: '/pages/records/index',
} as const;
