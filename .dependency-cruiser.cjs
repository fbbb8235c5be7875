// The walls between the parts, checked by `npm run depcruise` (part of `npm test`).
// Paths are relative to the repository root; `to.path` of a Node builtin is its bare name ("fs").
/** The function's source, and the one module of it the rest of the repository may import. */
const FUNCTION = '^cloudfunctions/mobileCheck/src/';
const HOST = '^cloudfunctions/mobileCheck/src/host\\.ts$';

/**
 * The few files allowed one function module besides host.ts, each for a reason host.ts should not carry.
 * Everything else they import from the function still goes through host.ts.
 */
const HOST_EXCEPTIONS = [
  // Unit tests of one pure module's many small rules and tables: exporting them all would make the
  // surface the whole module.
  { from: '^test/guards/policy\\.test\\.ts$', to: `${FUNCTION}policy\\.ts$` },
  { from: '^test/function/aliyunClassify\\.test\\.ts$', to: `${FUNCTION}providers/aliyunMarket/classifyResponse\\.ts$` },
  { from: '^test/providers/tencentClassify\\.test\\.ts$', to: `${FUNCTION}providers/tencentFaceid/classify\\.ts$` },
  { from: '^test/token/signToken\\.test\\.ts$', to: `${FUNCTION}token/payload\\.ts$` },
  // The wire test of the cloud database helpers (retried writes, settle) against the SDK over HTTP.
  { from: '^test/store/cloudStoreWire\\.test\\.ts$', to: `${FUNCTION}store/cloudDatabase\\.ts$` },
  // The bench bundles the deployed entry itself with the official SDK added, to weigh it.
  { from: '^scripts/bench/sdkEntry\\.ts$', to: `${FUNCTION}index\\.ts$` },
  // The whole-run leak scan wraps the entry module's handler factory (jest.mock), wherever it is composed.
  { from: '^test/support/captureLeaks\\.ts$', to: `${FUNCTION}entry\\.ts$` },
];

/** The function's adapters: the outside world behind ports.ts (providers, store, tokens, WeChat's phone number, hashes, log, environment). */
const FUNCTION_ADAPTERS = `${FUNCTION}((providers|store|token|phoneNumber)/|(hash|log|settings)[.]ts$)`;
/** Where the function is wired together, and its public surface: may import core and adapters alike. */
const FUNCTION_WIRING = `${FUNCTION}(compose|index|host)[.]ts$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-stays-pure',
      comment: 'src/domain is shared by the pages and the function: it imports only itself, no package at all (the mobile ranges from libphonenumber-js are generated into src/domain/fields by npm run generate:mobile-ranges), never Taro, React or other code.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'domain-no-runtime',
      comment: 'No Node builtin (node:* or bare) in src/domain: it runs in the mini-program too.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'client-not-server',
      comment: 'The mini-program (src/) never imports the cloud function or the local host: their code and secrets would ship to phones.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(cloudfunctions|local-host)/' },
    },
    {
      name: 'shared-ui-not-pages',
      comment: 'src/hooks, src/components and src/services serve every page: one that imported a page would tie them to it and pull that page into each page that uses them. What one page alone uses lives in its folder (src/pages/form/hooks, src/pages/form/components).',
      severity: 'error',
      from: { path: '^src/(hooks|components|services)/' },
      to: { path: '^src/(pages|packages/[^/]+/pages)/' },
    },
    {
      name: 'function-not-client',
      comment: 'The cloud function shares only src/domain (and src/operator, the operator’s settings) with the mini-program, never its pages, services, hooks, components or the local host.',
      severity: 'error',
      from: { path: '^cloudfunctions/mobileCheck/src/' },
      to: { path: '^(src/(pages|services|hooks|components)/|local-host/)' },
    },
    {
      name: 'function-core-not-adapters',
      comment: 'The function\'s core (ports.ts, policy, entry, the use cases in check/ and actions/, retention, gate, aggregates) never imports an adapter: adapters import ports.ts and implement it, and only compose.ts and index.ts wire them in (host.ts re-exports both). Any new file in the function is core unless it is listed here as an adapter.',
      severity: 'error',
      from: { path: FUNCTION, pathNot: [FUNCTION_ADAPTERS, FUNCTION_WIRING] },
      to: { path: FUNCTION_ADAPTERS },
    },
    {
      name: 'scripts-not-tests',
      comment: 'Build, deploy and bench scripts never import test code; what both need lives in support/.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^test/' },
    },
    {
      name: 'function-only-through-host',
      comment: 'The local host, scripts, support and tests use the function only through host.ts, so its insides can move without breaking them.',
      severity: 'error',
      from: { path: '^(local-host|scripts|support|test)/', pathNot: HOST_EXCEPTIONS.map((e) => e.from) },
      to: { path: FUNCTION, pathNot: HOST },
    },
    ...HOST_EXCEPTIONS.map((exception) => ({
      name: 'function-only-through-host',
      comment: 'A named exception (HOST_EXCEPTIONS above) reaches one function module besides host.ts, no other.',
      severity: 'error',
      from: { path: exception.from },
      to: { path: FUNCTION, pathNot: [HOST, exception.to] },
    })),
    {
      name: 'support-stands-alone',
      comment: 'support/ is shared by scripts, the local host and tests; importing any of them would drag test or tool code into the others.',
      severity: 'error',
      from: { path: '^support/' },
      to: { path: '^(test|local-host|scripts)/' },
    },
    {
      name: 'local-host-not-scripts',
      comment: '`npm start` runs the local host without build, deploy or bench tools; what both need lives in support/.',
      severity: 'error',
      from: { path: '^local-host/' },
      to: { path: '^scripts/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
