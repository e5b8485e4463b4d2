// ESLint flat config: typescript-eslint's recommended rules, React hooks rules in client/, and the layer rules.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import paths that reach into a layer, for no-restricted-imports (regexes, since relative paths start with ../). */
const layer = (name, message) => ({ regex: `(^|/)${name}/src(/|$)`, message });

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'tests/artifacts/**',
      'bench/results/**',
      'data/**',
      'docs/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // An underscore marks a value left out on purpose (`const { groupId: _dropped, ...rest } = note`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Tests read arbitrary JSON replies and feed deliberately ill-typed input; benches wrap untyped socket APIs.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['client/**/*.{ts,tsx}', 'tests/unit/client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // The layers: shared/ is pure and imports neither side; the client and the server never import each other.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer('client', 'shared/ never imports the client: move the code into shared/ or keep it in client/.'),
            layer('server', 'shared/ never imports the server: move the code into shared/ or keep it in server/.'),
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer('server', 'The client never imports the server: share the code through shared/.')] },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [layer('client', 'The server never imports the client: share the code through shared/.')] },
      ],
    },
  },
);
