// `npm run test:mutation` (StrykerJS, stryker.config.json): the fast, pure suites that judge the
// domain, the policy and every provider's classification. No network, no builds, no leak scan.
const { projects } = require('./jest.config');

module.exports = {
  testEnvironment: 'node',
  transform: projects[0].transform,
  rootDir: __dirname,
  testMatch: [
    '<rootDir>/test/domain/**/*.test.ts',
    '<rootDir>/test/guards/policy.test.ts',
    '<rootDir>/test/function/aliyunClassify.test.ts',
    '<rootDir>/test/providers/tencentClassify.test.ts',
  ],
};
