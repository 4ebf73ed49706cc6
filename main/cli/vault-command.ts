import * as z from 'zod/mini'
import { parseRegion } from '../../shared/domain/realm.ts'
import { previousWeek, RESET_RULES, weekContaining } from '../../shared/domain/reset.ts'
import { reportFromStore } from '../sync/vault-report.ts'
import { EXIT, oneCharacter, print, tracked, usage, withLocalCore, type CliIo, type CliOptions } from './cli-kit.ts'
import { formatVault } from './format.ts'

/** The vault domain on the command line: a stored week's vault, and the weekly reset window. */

export function vault(args: string[], options: CliOptions, io: CliIo): Promise<number> | number {
  const ref = oneCharacter(args, 'vault', io)
  if (typeof ref === 'number') return ref
  const choice = parseWeekChoice(options.week)
  if (choice === undefined) return usage(io, `--week takes "previous" or a date like 2026-11-24, got "${options.week}".`)
  return withLocalCore(options, io, 'read', async (core) => {
    const character = tracked(core, ref, io)
    if (!character) return EXIT.notFound
    const current = core.season.weekAt(character.region, io.now())
    const window =
      choice === 'current' ? current : choice === 'previous' ? previousWeek(current, core.season.storedPeriods()) : core.season.weekAt(character.region, choice)
    const report = reportFromStore(core.store.db, character, window, core.config, core.season, io.now())
    print(io, options, report, formatVault(report))
    return EXIT.ok
  })
}

export function week(args: string[], options: CliOptions, io: CliIo): number {
  if (args.length > 0) return usage(io, `"week" takes no arguments, got: ${args.join(' ')}`)
  const region = parseRegion(options.region ?? 'us')
  if (!region.ok) return usage(io, region.error.message)
  const at = options.at === undefined ? io.now() : parseInstant(options.at)
  if (at === undefined) return usage(io, `--at takes a full ISO 8601 time with its zone between ${MIN_YEAR} and ${MAX_YEAR}, like 2026-11-24T15:30:00Z; got "${options.at}".`)
  const window = weekContaining(region.value, at)
  const rule = RESET_RULES[region.value]
  const json = { region: region.value, period: window.period, start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), origin: window.origin, rule: rule.description, confidence: rule.confidence }
  const note = rule.confidence === 'unconfirmed' ? ' (unconfirmed for this region)' : ''
  print(io, options, json, `${region.value.toUpperCase()} week ${window.period}: ${json.start} → ${json.end}\nResets ${rule.description}${note}; computed without network.\n`)
  return EXIT.ok
}

/** Dates outside these years are typos (the game's weekly periods began in 2004). */
const MIN_YEAR = 2004
const MAX_YEAR = 2100

/** Real calendar dates (2026-02-30 is refused) and full instants with seconds and a zone (Z or ±hh:mm). */
const calendarDate = z.iso.date()
const instantWithZone = z.iso.datetime({ offset: true })

const inYears = (at: number) => {
  const year = new Date(at).getUTCFullYear()
  return year >= MIN_YEAR && year <= MAX_YEAR
}

/** `--week`: absent = this week, "previous", or a calendar date (the week containing noon UTC of that day). */
function parseWeekChoice(value: string | undefined): 'current' | 'previous' | number | undefined {
  if (value === undefined) return 'current'
  if (value === 'previous') return 'previous'
  if (!calendarDate.safeParse(value).success) return undefined
  const noon = Date.parse(`${value}T12:00:00Z`)
  return inYears(noon) ? noon : undefined
}

/** `--at`: a full ISO 8601 instant with its zone. */
function parseInstant(value: string): number | undefined {
  if (!instantWithZone.safeParse(value).success) return undefined
  const at = Date.parse(value)
  return inYears(at) ? at : undefined
}
