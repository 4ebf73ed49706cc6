import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const eslint = new ESLint({ cwd: root })

/** The rule ids a file with this text would break, linted as if it were at `path`. */
async function broken(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: join(root, path) })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

// The first lint loads the config and its plugins: seconds on a slow machine (Windows Node under Wine took over 5).
describe('the IPC boundary the linter enforces (test/architecture/imports.test.ts keeps electron itself inside main/electron/ and preload/)', { timeout: 60_000 }, () => {
  it('raw ipcMain / ipcRenderer only in the IPC glue and the preload', async () => {
    const ipcMainUse = "import { ipcMain } from 'electron'\nexport const channel = ipcMain\n"
    expect(await broken('main/electron/tray.ts', ipcMainUse)).toContain('no-restricted-imports')
    expect(await broken('main/electron/ipc.ts', ipcMainUse)).not.toContain('no-restricted-imports')
    const ipcRendererUse = "import { ipcRenderer } from 'electron'\nexport const channel = ipcRenderer\n"
    expect(await broken('preload/extra.ts', ipcRendererUse)).toContain('no-restricted-imports')
    expect(await broken('preload/index.ts', ipcRendererUse)).not.toContain('no-restricted-imports')
  })

  it('node:fs through main/fs.ts in the app (its ES-module facade slows every CLI start), tests and scripts free to import it', async () => {
    const fsUse = "import { existsSync } from 'node:fs'\nexport const exists = existsSync\n"
    expect(await broken('main/store/extra.ts', fsUse)).toContain('no-restricted-imports')
    expect(await broken('main/electron/extra.ts', fsUse)).toContain('no-restricted-imports')
    expect(await broken('main/electron/ipc.ts', fsUse)).toContain('no-restricted-imports')
    expect(await broken('shared/extra.ts', "import { readFileSync } from 'fs'\nexport const read = readFileSync\n")).toContain('no-restricted-imports')
    expect(await broken('test/unit/extra.test.ts', fsUse)).not.toContain('no-restricted-imports')
    // The IPC rule still holds where both apply.
    expect(await broken('main/electron/tray.ts', "import { ipcMain } from 'electron'\nexport const channel = ipcMain\n")).toContain('no-restricted-imports')
  })
})
