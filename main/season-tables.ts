import { join } from 'node:path'
import { parseSeasonTable, type SeasonVaultTable } from '../shared/domain/season-table.ts'
import { SHIPPED_SEASON_TABLES } from '../shared/domain/seasons.ts'
import { fs } from './fs.ts'
import { readRegularFile } from './regular-file.ts'

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
 * The shipped tables plus the ones in `<dataDir>/season-tables/*.json`. A dropped-in table is used for
 * its season while
 * - it is not older than the table this version ships for that season (its `updated` date), so a table
 *   fixed after a hotfix can be used before the next release and a stale copy never outlives an update;
 * - it is not dated after today anywhere on Earth: a table "checked" in the future would otherwise
 *   outrank every table later versions ship, and a wrong number would survive every update.
 * Every table says why it is in use (`loadedFrom.why`); a file that is not used is left out with a
 * message naming the file and the reason. Only regular files are read, capped in size: a link, a FIFO
 * or a device never reaches the parser, and nothing here can stop the app.
 */
export function loadSeasonTables(dataDir: string, now: number = Date.now(), shipped: readonly SeasonVaultTable[] = SHIPPED_SEASON_TABLES): LoadedSeasonTables {
  const folder = join(dataDir, SEASON_TABLES_FOLDER)
  const problems: string[] = []
  const byId = new Map(shipped.map((t) => [t.id, t]))
  const latestToday = latestDateToday(now)
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
    const { table } = dropped
    if (table.updated > latestToday) {
      problems.push(`Season table ${file} says it was checked on ${table.updated}, which is after today: a table cannot have been checked in the future, so it is not used.`)
      continue
    }
    const current = byId.get(table.id)
    const currentName = current?.loadedFrom?.kind === 'data-folder' ? `the table in ${current.loadedFrom.file}` : 'the table this version ships'
    if (current && current.updated > table.updated) {
      problems.push(`Season table ${file} (checked ${table.updated}) is older than ${currentName} (checked ${current.updated}), so it is not used.`)
      continue
    }
    const why = current ? `checked ${table.updated}, not older than ${currentName} (checked ${current.updated})` : `this version has no table for ${table.name}`
    byId.set(table.id, { ...table, loadedFrom: { kind: 'data-folder', file, why } })
  }
  return { tables: [...byId.values()], problems }
}

/** Today's date where it is latest (UTC+14), as YYYY-MM-DD: a table checked "today" anywhere is not in the future. */
function latestDateToday(now: number): string {
  return new Date(now + 14 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

function readTable(path: string, file: string): { ok: true; table: SeasonVaultTable } | { ok: false; message: string } {
  const read = readRegularFile(path, MAX_TABLE_BYTES)
  if (!read.ok) {
    const why = {
      'not-a-file': 'is not a plain file (a link, a pipe or a device)',
      'too-large': 'is larger than 1 MB, so it is not a season table',
      unreadable: `could not be read (${read.code ?? 'error'})`,
      changed: 'changed while it was read (read again at the next start)',
    }[read.problem]
    return { ok: false, message: `Season table ${file} ${why}; it is not used.` }
  }
  let json: unknown
  try {
    json = JSON.parse(read.text)
  } catch (error) {
    return { ok: false, message: `Season table ${file} is not valid JSON (${error instanceof Error ? error.message : 'parse error'}); it is not used.` }
  }
  const parsed = parseSeasonTable(json, file)
  return parsed.ok ? { ok: true, table: parsed.value } : { ok: false, message: `${parsed.error.message.replace(/\.$/, '')}; it is not used.` }
}
