// ESLint (flat config): typescript-eslint's recommended rules everywhere, React hooks rules where
// React runs. Run by `npm run lint` (part of `npm test`).
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'dist-h5/', 'coverage/', 'bench/', 'cloudfunctions/mobileCheck/index.js'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommended],
    rules: {
      // `_`-prefixed names are deliberately unused (a parameter a signature needs, a property left out of a rest).
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/pages/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
  },
  {
    // Tests load built bundles and fresh module instances with require() on purpose.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Stand-ins for WeChat's and Taro's untyped globals (App, Page, wx, components' props).
    files: ['test/weapp/**', 'test/pages/stubs/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
