// The walls between the parts, checked by `npm run depcruise` (part of `npm test`).
// Paths are relative to the repository root; `to.path` of a Node builtin is its bare name ("fs").
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
