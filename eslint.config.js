import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

export default defineConfigWithVueTs(
  {
    ignores: ['.tmp/**', '.dependency-cruiser.cjs', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/.artifacts/**', 'bench/.data/**', '.electron-runtime/**'],
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/attributes-order': 'off',
      // element-plus GHSA-5m5x-9j46-h678: el-link passes href through unchecked (no fixed version).
      'vue/no-restricted-html-elements': ['error', { element: ['el-link', 'ElLink'], message: 'el-link does not sanitise href (GHSA-5m5x-9j46-h678); use a button or router-link' }],
    },
  },
  {
    // Command-line entry points and scripts talk to a terminal.
    files: ['bin/**', 'scripts/**', 'electron/cli/**', 'sandbox/cli.ts', 'bench/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
)
