import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const RAW_IPC = { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use the typed IPC contract: register channels in main/electron/ipc.ts, call them through the preload.' }
// Importing node:fs builds its ES-module facade (fs/promises, streams) at every CLI start: main/fs.ts avoids it.
const NODE_FS = ['node:fs', 'fs'].map((name) => ({ name, message: "Use `fs` from main/fs.ts: importing node:fs costs the CLI's start-up several milliseconds." }))

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // One exported concept per file with named exports (layout.md).
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['main/**/*.ts', 'shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NODE_FS }] },
  },
  {
    // Raw IPC only in the two files that implement the typed contract: every channel is then validated and its sender checked.
    files: ['main/electron/**/*.ts', 'preload/**/*.ts'],
    ignores: ['main/electron/ipc.ts', 'preload/index.ts'],
    rules: {
      // One rule entry per file: this one repeats NODE_FS, which it would otherwise replace.
      'no-restricted-imports': ['error', { paths: [RAW_IPC, ...NODE_FS] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tool configs must default-export.
    files: ['*.config.ts', '*.config.js', 'test/*.config.ts', 'electron.vite.config.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
)
