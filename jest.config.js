// Two projects: Node for the domain, the function and the local host; jsdom for page components.
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2021' } },
  ],
};

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/pages/'],
    },
    {
      displayName: 'pages',
      testEnvironment: 'jsdom',
      transform,
      testMatch: ['<rootDir>/test/pages/**/*.test.tsx'],
    },
  ],
};
