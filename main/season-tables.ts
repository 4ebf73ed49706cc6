import { join } from 'node:path'
import { parseSeasonTable, type SeasonVaultTable } from '../shared/domain/season-table.ts'
import { SHIPPED_SEASON_TABLES } from '../shared/domain/seasons.ts'
import { fs } from './fs.ts'

/** The folder inside the data folder where a player can drop newer season tables (README "Season tables"). */
export const SEASON_TABLES_FOLDER = 'season-tables'

/** A table file larger than this is not a season table (the shipped ones are ~10 KB). */
const MAX_TABLE_BYTES = 1024 * 1024

/** The tables in use, and what was wrong with any file that was not used (shown in `status` and the window). */
export interface LoadedSeasonTables {
  tables: SeasonVaultTable[]
  problems: string[]
}

/**
 * The shipped tables plus the ones in `<dataDir>/season-tables/*.json`. A dropped-in table replaces
 * the shipped one of the same season when it is not older (its `updated` date), so a table fixed
 * after a hotfix can be used before the next release, and a stale copy never outlives an update of
 * the app. A file that cannot be read or fails the schema is left out with a message naming the file
 * and the field; it never stops the app.
 */
export function loadSeasonTables(dataDir: string, shipped: readonly SeasonVaultTable[] = SHIPPED_SEASON_TABLES): LoadedSeasonTables {
  const folder = join(dataDir, SEASON_TABLES_FOLDER)
  const problems: string[] = []
  const byId = new Map(shipped.map((t) => [t.id, t]))
  let files: string[]
  try {
    files = fs.readdirSync(folder).filter((f) => f.toLowerCase().endsWith('.json')).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`The season tables folder ${folder} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
    files = []
  }
  for (const file of files) {
    const dropped = readTable(join(folder, file), file)
    if (!dropped.ok) {
      problems.push(dropped.message)
      continue
    }
    const current = byId.get(dropped.table.id)
    if (current && current.updated > dropped.table.updated) {
      problems.push(`Season table ${file} (checked ${dropped.table.updated}) is older than the table ${current.loadedFrom?.kind === 'shipped' ? 'this version ships' : `in ${current.loadedFrom?.file}`} (checked ${current.updated}), so it is not used.`)
      continue
    }
    byId.set(dropped.table.id, { ...dropped.table, loadedFrom: { kind: 'data-folder', file } })
  }
  return { tables: [...byId.values()], problems }
}

function readTable(path: string, file: string): { ok: true; table: SeasonVaultTable } | { ok: false; message: string } {
  let text: string
  try {
    if (fs.statSync(path).size > MAX_TABLE_BYTES) return { ok: false, message: `Season table ${file} is larger than 1 MB, so it is not a season table; it is not used.` }
    text = fs.readFileSync(path, 'utf8')
  } catch (error) {
    return { ok: false, message: `Season table ${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); it is not used.` }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, message: `Season table ${file} is not valid JSON (${error instanceof Error ? error.message : 'parse error'}); it is not used.` }
  }
  const parsed = parseSeasonTable(json, file)
  return parsed.ok ? { ok: true, table: parsed.value } : { ok: false, message: `${parsed.error.message.replace(/\.$/, '')}; it is not used.` }
}
