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
    // The rules of hooks themselves, wherever hooks may live; the React Compiler checks of the plugin's
    // newer presets are not used, since Taro 4 runs React 18 without the compiler.
    files: ['src/**/*.{ts,tsx}', 'test/pages/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Tests load built bundles and fresh module instances with require() on purpose.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Stand-ins for WeChat's and Taro's untyped globals (App, Page, wx, components' props).
    files: ['test/weapp/**', 'test/pages/stubs/**', 'test/pages/helpers.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
