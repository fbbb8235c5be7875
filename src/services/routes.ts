export const ROUTES = {
  agreement: '/pages/agreement/index',
  form: '/pages/form/index',
  result: '/pages/result/index',
} as const;
