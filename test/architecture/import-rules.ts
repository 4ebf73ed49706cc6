/**
 * The dependency rules of the project (README "Architecture"), as data a test can check. Kept apart
 * from the test so the checker itself can be tested on made-up files.
 */

/** Every module specifier a TypeScript source imports, re-exports, requires or dynamically imports. */
export function importSpecifiers(source: string): string[] {
  const found: string[] = []
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"()]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?[^'"()]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ]
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) if (match[1]) found.push(match[1])
  return found
}

function crosses(from: string, target: string | null, a: string, b: string): boolean {
  if (target === null) return false
  return (from.startsWith(a) && target.startsWith(b)) || (from.startsWith(b) && target.startsWith(a))
}

/** Which top-level area a project-relative path belongs to. */
export type Area = 'shared' | 'main' | 'main/electron' | 'preload' | 'renderer' | 'test' | 'bench' | 'other'

export function areaOf(projectPath: string): Area {
  if (projectPath.startsWith('main/electron/')) return 'main/electron'
  for (const area of ['shared', 'main', 'preload', 'renderer', 'test', 'bench'] as const) if (projectPath.startsWith(`${area}/`)) return area
  return 'other'
}

const NODE_BUILTIN = /^node:|^(fs|path|os|url|http|https|net|child_process|crypto|events|stream|util|worker_threads)(\/|$)/

/**
 * Why `from` may not import `specifier` (resolved to `target`, a project-relative path, when the
 * specifier is relative), or null when the import is allowed.
 */
export function violation(from: string, specifier: string, target: string | null): string | null {
  const fromArea = areaOf(from)
  const targetArea = target === null ? null : areaOf(target)
  const isElectron = specifier === 'electron' || specifier.startsWith('electron/')
  // Benchmarks drive the real core against the test fakes; they ship with nothing.
  if (targetArea === 'test' && fromArea !== 'test' && fromArea !== 'bench') return 'production code never imports test/'
  switch (fromArea) {
    case 'shared':
      if (target !== null && targetArea !== 'shared') return 'shared/ imports only shared/'
      if (target === null && specifier !== 'zod' && specifier !== 'zod/mini') return `shared/ may use only zod from npm, not "${specifier}"`
      return null
    case 'renderer':
      if (isElectron || NODE_BUILTIN.test(specifier)) return `the renderer cannot use "${specifier}"`
      if (targetArea !== null && targetArea !== 'renderer' && targetArea !== 'shared') return `the renderer imports only renderer/ and shared/, not ${target}`
      return null
    case 'preload':
      if (NODE_BUILTIN.test(specifier)) return 'the sandboxed preload cannot use Node built-ins'
      if (target === null && !isElectron) return `the sandboxed preload bundles no npm package ("${specifier}")`
      if (targetArea !== null && targetArea !== 'preload' && targetArea !== 'shared') return `the preload imports only shared/, not ${target}`
      return null
    case 'main':
      if (isElectron) return 'only main/electron/ may import electron (plain Node would try to download it)'
      if (crosses(from, target, 'main/clients/', 'main/store/')) return 'clients/ and store/ never import each other (share ports.ts instead)'
      if ((from.startsWith('main/clients/') || from.startsWith('main/store/')) && target?.startsWith('main/sync/')) return 'clients/ and store/ never import sync/'
      if (targetArea === 'main/electron') return 'the plain-Node core never imports the Electron shell'
      if (targetArea === 'renderer' || targetArea === 'preload') return `main/ does not import ${target}`
      return null
    case 'main/electron':
      if (targetArea === 'renderer' || targetArea === 'preload') return `main/electron/ does not import ${target}`
      return null
    case 'test':
    case 'bench':
    case 'other':
      if (isElectron && fromArea === 'other') return 'only main/electron/ may import electron'
      return null
  }
}
