const base = require('./jest.mutation.config');
module.exports = { ...base, testMatch: ['<rootDir>/test/function/aliyunClassify.test.ts', '<rootDir>/test/providers/tencentClassify.test.ts', '<rootDir>/test/guards/policy.test.ts'] };
