// The walls between the parts, checked by `npm run depcruise` (part of `npm test`).
// Paths are relative to the repository root; `to.path` of a Node builtin is its bare name ("fs").
/** Pure npm packages the domain may use: data and functions only, no I/O, no runtime. */
const PURE_PACKAGES = '^node_modules/libphonenumber-js/';

/** The function's adapters: the outside world behind ports.ts (providers, store, tokens, WeChat's phone number, hashes, log, environment). */
const FUNCTION_ADAPTERS = '^cloudfunctions/mobileCheck/src/((providers|store|token|phoneNumber)/|(hash|log|settings)[.]ts$)';
/** Where the function is wired together: may import core and adapters alike. */
const FUNCTION_WIRING = '^cloudfunctions/mobileCheck/src/(compose|index)[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-stays-pure',
      comment: 'src/domain is shared by the pages and the function: it imports only itself (and named pure packages), never Taro, React or other code.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: [`^src/domain/`, PURE_PACKAGES], dependencyTypesNot: ['core'] },
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
      name: 'function-not-client',
      comment: 'The cloud function shares only src/domain (and src/settings) with the mini-program, never its pages, services, hooks, components or the local host.',
      severity: 'error',
      from: { path: '^cloudfunctions/mobileCheck/src/' },
      to: { path: '^(src/(pages|services|hooks|components)/|local-host/)' },
    },
    {
      name: 'function-core-not-adapters',
      comment: 'The function\'s core (ports.ts, policy, entry, the use cases in check/ and actions/, retention, gate, aggregates) never imports an adapter: adapters import ports.ts and implement it, and only compose.ts and index.ts wire them in. Any new file in the function is core unless it is listed here as an adapter.',
      severity: 'error',
      from: { path: '^cloudfunctions/mobileCheck/src/', pathNot: [FUNCTION_ADAPTERS, FUNCTION_WIRING] },
      to: { path: FUNCTION_ADAPTERS },
    },
    {
      name: 'scripts-not-tests',
      comment: 'Build, deploy and bench scripts never import test code; what both need lives in scripts/.',
      severity: 'error',
      from: { path: '^scripts/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
