export const ROUTES = {
  home: '/pages/home/index',
  agreement: '/pages/agreement/index',
  form: '/pages/form/index',
  result: '/pages/result/index',
  /** In a subpackage, like the console: not needed at launch. */
  records: '/packages/records/pages/index',
  /** The operators' console, in its own subpackage (app.config.ts `subPackages`). */
  console: '/packages/console/pages/index',
} as const;
