/**
 * Lint: typescript-eslint's recommended rules (type-aware where they catch real
 * bugs: floating promises, misused promises), React's hooks rules, and the few
 * xo rules that flag real problems in code like this. Style is Prettier's job
 * (`npm run format`), not the linter's.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{linterOptions: {reportUnusedDisableDirectives: 'error'}},
	{ignores: ['build/', 'dist/', 'node_modules/', 'scratch/', 'assets/', 'fixtures/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		languageOptions: {parserOptions: {projectService: {allowDefaultProject: ['scripts/bench/*.tsx']}, tsconfigRootDir: import.meta.dirname}},
		plugins: {'react-hooks': reactHooks},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'error',
			// node:test's describe() and it() return promises the runner awaits itself.
			'@typescript-eslint/no-floating-promises': [
				'error',
				{
					allowForKnownSafeCalls: [
						{from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach']},
					],
				},
			],
			'@typescript-eslint/no-misused-promises': ['error', {checksVoidReturn: false}],
			'@typescript-eslint/await-thenable': 'error',
			'@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports', disallowTypeAnnotations: false}],
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'}],
		},
	},
	{
		files: ['source/**/*.{ts,tsx}'],
		rules: {
			// ICU's number and date formatting start up on first use, some 20 ms: once that was at
			// module load, before the first frame. Counts go through source/text/thousands.ts.
			'no-restricted-properties': [
				'error',
				{property: 'toLocaleString', message: 'Use thousands() from source/text/thousands.ts: toLocaleString starts ICU (~20 ms).'},
				{property: 'toLocaleDateString', message: 'Starts ICU (~20 ms) on first use.'},
				{property: 'toLocaleTimeString', message: 'Starts ICU (~20 ms) on first use.'},
			],
		},
	},
	{
		files: ['**/*.{js,mjs,cjs}'],
		languageOptions: {
			globals: {
				process: 'readonly',
				console: 'readonly',
				URL: 'readonly',
				Buffer: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
				performance: 'readonly',
				require: 'readonly',
				module: 'writable',
				__dirname: 'readonly',
				TextDecoder: 'readonly',
				TextEncoder: 'readonly',
				setInterval: 'readonly',
				clearInterval: 'readonly',
				queueMicrotask: 'readonly',
				structuredClone: 'readonly',
				AbortController: 'readonly',
				fetch: 'readonly',
				globalThis: 'readonly',
			},
		},
		rules: {'no-unused-vars': ['error', {argsIgnorePattern: '^_', caughtErrors: 'none'}]},
	},
	{
		rules: {
			eqeqeq: ['error', 'always', {null: 'ignore'}],
			'no-var': 'error',
			'prefer-const': ['error', {ignoreReadBeforeAssign: true}],
			// A terminal program matches control characters on purpose; a regular
			// expression of emoji sequences names joined code points on purpose.
			'no-control-regex': 'off',
			'no-misleading-character-class': 'off',
			// `new Promise(resolve => setTimeout(resolve, ms))` is the idiom, not a bug.
			'no-promise-executor-return': 'off',
			'no-unused-expressions': 'off',
			'@typescript-eslint/no-unused-expressions': 'error',
			'no-self-compare': 'error',
			'no-template-curly-in-string': 'error',
			'no-unreachable-loop': 'error',
			'no-constructor-return': 'error',
			'no-return-assign': ['error', 'except-parens'],
			'no-useless-concat': 'error',
			'no-lonely-if': 'error',
			'prefer-regex-literals': 'error',
			'no-regex-spaces': 'off',
		},
	},
);
