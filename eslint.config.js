// Lint: ESLint's and typescript-eslint's recommended rules everywhere; React's hook rules where React
// lives (test helpers named use… are Vitest lifecycle helpers, not hooks). Formatting is Prettier's job.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/results/**', 'reports/**', 'tests/.artifacts/**', '.stryker-tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  { files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
);
