// The ARIA attributes WeChat supports (base library 2.7.1+) that the pages use. Taro's weapp templates
// bind only the attributes listed per component and list no aria-* at all, so aria-label on an Input
// would never reach WeChat. Both lists grow by src/weappAria.json: the build's (dist/base.wxml, here)
// and the runtime's (src/app.ts), which name each attribute by the same short alias (p0, p1, … in
// sorted order). JSON, because Taro compiles only config/ when it loads this file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ARIA_COMPONENTS = require('../src/weappAria.json') as Record<string, Record<string, string>>;
type Chain = { plugin(name: string): { get(key: 'args'): unknown[] } };
type TemplateLike = { mergeComponents(ctx: { helper: unknown }, patch: Record<string, Record<string, string>>): void };

export function bindAriaAttributes(chain: Chain): void {
  const [options] = chain.plugin('miniPlugin').get('args') as [{ combination?: { config?: { template?: TemplateLike } } }];
  const template = options?.combination?.config?.template;
  if (!template) throw new Error('Taro\'s weapp template was not found: config/ariaAttributes.ts needs updating for this Taro version');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  template.mergeComponents({ helper: require('@tarojs/helper') }, ARIA_COMPONENTS);
}
