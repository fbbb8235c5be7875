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
      // Whole-run leak scan of logs, stored records and responses: see test/support/captureLeaks.ts.
      globalSetup: '<rootDir>/test/support/captureLeaks.setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/captureLeaks.ts'],
      globalTeardown: '<rootDir>/test/support/captureLeaks.teardown.ts',
    },
    {
      displayName: 'pages',
      testEnvironment: 'jsdom',
      transform,
      testMatch: ['<rootDir>/test/pages/**/*.test.tsx'],
      // Small stand-ins for Taro's components and API (see test/pages/stubs/).
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/test/pages/stubs/components',
        '^@tarojs/taro$': '<rootDir>/test/pages/stubs/taro',
        '/charts/ChartCanvas$': '<rootDir>/test/pages/stubs/chartCanvas',
        '\\.scss$': '<rootDir>/test/pages/stubs/style',
      },
    },
  ],
};
