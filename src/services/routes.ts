export const ROUTES = {
  home: '/pages/home/index',
  agreement: '/pages/agreement/index',
  form: '/pages/form/index',
  result: '/pages/result/index',
  /** In a subpackage, like the console: not needed at launch. */
  records: '/packages/records/pages/index',
  /** One edition of the agreement in full, `?version=<content version>`: beside 我的核验记录. */
  edition: '/packages/records/pages/edition',
  /** The operators' console, in its own subpackage (app.config.ts `subPackages`). */
  console: '/packages/console/pages/index',
} as const;
