/**
 * node:fs for the app's modules. `import … from 'node:fs'` makes Node build fs's ES-module facade,
 * which loads fs/promises and the streams: about 6 ms of every CLI start here, for functions the
 * offline commands never call. process.getBuiltinModule hands over the same module without that.
 * (ESLint refuses direct imports of node:fs in main/ and shared/.)
 */
export const fs = process.getBuiltinModule('node:fs')
