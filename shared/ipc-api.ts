import type { BoardPreferences } from './domain/board-preferences.ts'
import type { GameAddon } from './domain/game-vault-types.ts'
import type { CrestsView } from './domain/crests.ts'
import type { SeasonTableInfo, SeasonView } from './domain/season-view.ts'
import type { QuestStatus, TrackedQuest } from './domain/weekly-quests.ts'
import type { VaultHistoryWeek } from './domain/vault-history.ts'
import type { VaultWaiting } from './domain/vault-waiting.ts'
import type { WeekWindow } from './domain/reset.ts'
import type { RowTrust } from './domain/row-status.ts'
import type { Difficulty, DungeonVaultSlot, RaidEvidenceKind, RaidVaultSlot, Region, RowSteps, SourceId, VaultRow, WorldActivity, WorldVaultSlot } from './domain/types.ts'
import type { AppError, Result } from './result.ts'

/**
 * The zod-free half of the IPC contract: the API the preload exposes as `window.vault`, the channel
 * each method calls and the events main pushes. The sandboxed preload can bundle nothing from npm, so
 * it imports only this file; the argument schemas live in ipc-contract.ts, which main validates every
 * call with. No type here can carry a secret: the renderer only ever learns "configured: yes/no".
 */

/** What the app shows about itself and its database. */
export interface AppInfo {
  version: string
  database: { ok: true; path: string } | { ok: false; error: AppError }
  /** Where the log files are (shown in settings; "Open logs folder" opens it). Null outside the desktop app. */
  logsFolder: string | null
  update: UpdateStatus
  /** The season tables in use (built in, or newer ones from the data folder) and any dropped-in file that was refused; null without a database. */
  seasonTables: { tables: SeasonTableInfo[]; problems: string[] } | null
}

/**
 * The app's own updates: `off` (turned off in settings, or not a packaged build), `idle` (up to date
 * as of the last check), `checking`, `downloading` (version), `ready` (version; installs on quit), `error`.
 */
export interface UpdateStatus {
  state: 'off' | 'idle' | 'checking' | 'downloading' | 'ready' | 'error'
  version: string | null
  message: string | null
}

/** A tracked character as the renderer lists it. */
export interface CharacterSummary {
  id: number
  region: Region
  realm: string
  name: string
}

export interface SourceStatusView {
  status: 'ok' | 'error' | 'not_configured' | 'skipped'
  syncedAt: number | null
  error: AppError | null
  /** Blizzard: the last success found no login since the complete read of this time, and kept its answers. */
  unchangedSince?: number | null
}

/** One character with the vault rows of this week, for the overview and the tray. */
export interface CharacterOverview extends CharacterSummary {
  /** The realm's display name ("Aggra (Português)") once a source gave it; `realm` is the slug. */
  realmName: string | null
  className: string | null
  specName: string | null
  itemLevel: number | null
  /** This season's Mythic+ rating (Blizzard's, else Raider.IO's score); null until a source gave one. */
  mythicRating: number | null
  /** The guild as Blizzard's profile last named it (its realm slug may differ from the character's); null: none or not known. */
  guild: { name: string; realm: string } | null
  /** This week's crests (season totals, the week's gain, the cap where known). */
  crests: CrestsView
  /** The player's tracked weekly quests, done or not this week. */
  quests: QuestStatus[]
  /** Blizzard's last login: profile data (World row, statistics) is as of the logout after it. */
  lastLoginAt: number | null
  /** When Raider.IO last crawled the character: its runs are as fresh as that. */
  raiderioCrawledAt: number | null
  /**
   * Last week's vault: how many slots it unlocked, whether the player marked it as opened, and, when
   * not marked, whether it is probably still waiting (from the last login; an estimate).
   */
  /** `waitingFrom`: the addon save of the game `waiting` comes from; null: an estimate from the last login. */
  lastWeek: { unlockedSlots: number | null; opened: boolean; waiting: VaultWaiting; waitingFrom?: { addon: GameAddon; savedAt: number } | null }
  week: Pick<WeekWindow, 'period' | 'start' | 'end'>
  /** This week's season and the table its rewards came from (`tableKnown: false`: every reward is unknown). */
  season: SeasonView
  raid: RaidVaultSlot[]
  dungeons: DungeonVaultSlot[]
  world: WorldVaultSlot[]
  /** How far each row can be trusted: an `unknown` row's slots say nothing, a `partial` one's are a lower bound. */
  trust: WeekTrustView
  lastSyncedAt: number | null
  /** When the desktop app syncs this character next (null without a scheduler, e.g. in tests). */
  nextSyncAt: number | null
  /** "What next" per row this week (the board's Next column picks the cheapest). */
  nextSteps: WeekNextSteps
  /** The sources whose last read failed for this character, since when, and what they said. */
  failingSources: FailingSource[]
  /** When the character was tracked: weeks before it are "not tracked", never "0 of 9". */
  trackedSince: number
}

/** A source whose last read of a character failed. `message` may hold codes and addresses: the window shows it under Details. */
export interface FailingSource {
  source: SourceId
  /** The first failed read since the last success. */
  since: number | null
  message: string
}

/** "What next" per row, from the week's season table (no upgrades where the table is unknown). */
export interface WeekNextSteps {
  raid: RowSteps
  dungeons: RowSteps
  world: RowSteps
}

export interface BossView {
  name: string
  difficulty: Difficulty
  sources: RaidEvidenceKind[]
  lastKillAt: number | null
  /** Best Warcraft Logs parse on this difficulty, if ranked. */
  parsePercent: number | null
}

export interface RunView {
  dungeon: string
  level: number
  /** For Heroic and Mythic 0 runs (from Blizzard's counters): when the counter last moved, 0 if unknown. */
  completedAt: number
  timed: boolean | null
  sources: SourceId[]
  kind?: 'heroic' | 'mythic0'
}

export interface WeekTrustView {
  raid: RowTrust
  dungeons: RowTrust
  world: RowTrust
}

export interface WeekVaultView {
  week: Pick<WeekWindow, 'period' | 'start' | 'end'>
  season: SeasonView
  nextSteps: WeekNextSteps
  raid: { bosses: BossView[]; slots: RaidVaultSlot[] }
  dungeons: { runs: RunView[]; slots: DungeonVaultSlot[] }
  world: { activities: WorldActivity[]; slots: WorldVaultSlot[] }
  trust: WeekTrustView
  /** The last successful read of any source during the week. */
  syncedAt: number | null
}

/** A raid of the week with each boss and the best difficulty it died on this week (null: not yet). */
export interface RaidProgressView {
  name: string
  bosses: { name: string; difficulty: Difficulty | null }[]
}

/** Everything the per-character view shows. */
export interface CharacterVaultView {
  character: CharacterOverview
  /** This week's raids boss by boss, killed or not (from Raider.IO's roster, or the shipped one). */
  raids: RaidProgressView[]
  current: WeekVaultView
  /** Last week's vault: the one the player can open now. */
  previous: WeekVaultView
  sources: Record<SourceId, SourceStatusView>
  warnings: string[]
  /** The weeks before this one, newest first (from the store): what each vault held and whether it was opened. */
  history: VaultHistoryWeek[]
}

export type CredentialSource = 'blizzard' | 'warcraftlogs'

/** Settings as the renderer sees them: never a secret, only whether one is configured and from where. */
export interface SettingsView {
  notifications: boolean
  closeToTray: boolean
  startAtLogin: boolean
  autoUpdate: boolean
  /** Hours before each reset for the "one step from a slot" reminder (2–48), or null: none. */
  reminderHours: number | null
  /** The Battle.net sign-in's loopback port, and the exact redirect URL to register on the Blizzard API client. */
  importPort: number
  importRedirectUri: string
  credentials: Record<CredentialSource, { configured: boolean; from: 'environment' | 'saved' | null }>
  /** `encrypted`: OS keychain; `plaintext`: the OS offers no secret store (saving would not be secure). */
  secureStorage: 'encrypted' | 'plaintext' | 'unavailable'
  /** The weekly quests the board tracks for every character. */
  trackedQuests: TrackedQuest[]
  /** How the player left the board (sort, filters, density). */
  board: BoardPreferences
  officerDigest: OfficerDigestView
  /** The World of Warcraft folder the player named (null: the usual places). */
  wowDir: string | null
  /** Raider.IO's optional access key (higher limits): whether one is set and from where, never the key. */
  raiderioKey: { configured: boolean; from: 'environment' | 'saved' | null }
  /** What was found of the game on this PC (read only). */
  game: GameView
}

/** The game on this PC as Settings and Import show it. */
export interface GameView {
  /** Its `_retail_` folder, or null when none was found (`message` says why). */
  folder: string | null
  from: 'option' | 'environment' | 'usual place' | null
  characters: number | null
  region: Region | null
  message: string | null
  /** The addons' saved files, as last read (null: never read): what each says, which were refused, where the game and the season table differ. */
  saves: GameSavesView | null
}

/** The fourth source's files and findings (main/game/game-status.ts). */
export interface GameSavesView {
  readAt: number
  files: { addon: GameAddon; account: string; path: string; says: string; modifiedAt: number | null; characters: number; matched: number; problem: string | null }[]
  unmatched: { addon: GameAddon; name: string; why: string }[]
  disagreements: { character: { region: Region; realm: string; name: string; realmName: string | null }; row: VaultRow; slot: number; at: string; table: number | null; game: number; addon: GameAddon; savedAt: number }[]
}

/** When and for whom the officer digest is posted to Discord. */
export interface OfficerDigestPreferences {
  /** Hours before each region's reset (2–48). */
  hoursBeforeReset: number
  /** Only this region's characters, or all. */
  region: Region | null
  /** Only this guild's members (any letter case), or all. */
  guild: string | null
}

/** The officer digest as the window sees it: never the webhook's address, only where it points. */
export interface OfficerDigestView extends OfficerDigestPreferences {
  /** A webhook is saved; `channelHint` names it without its token ("discord.com webhook 1234…5678"). */
  configured: boolean
  channelHint: string | null
  /** The last post (on schedule or "Post now"): when, whether it went out, and what happened. */
  lastPost: { at: number; ok: boolean; message: string } | null
}

/** The preferences the window can change (any subset). */
export interface SettingsUpdate {
  notifications?: boolean
  closeToTray?: boolean
  startAtLogin?: boolean
  autoUpdate?: boolean
  reminderHours?: number | null
  importPort?: number
  board?: BoardPreferences
  officerDigest?: OfficerDigestPreferences
  wowDir?: string | null
}

export interface GuildImportRequest {
  region: string
  realm: string
  guild: string
  /** Keep ranks 0 (guild master) to this one. */
  maxRank?: number
  minLevel?: number
}

/** A character an import found, for the player to tick (nothing is tracked without their say-so). */
export interface ImportCandidate {
  region: Region
  /** Blizzard's realm slug as Blizzard gave it; from Raider.IO (no slugs there) derived from the realm's name. */
  realm: string
  realmName: string | null
  name: string
  className: string | null
  /** Unknown from Raider.IO's guild list. */
  level: number | null
  /** Guild rank, 0 = guild master; null outside a guild import. */
  rank: number | null
  /** Already tracked: shown, not selectable. */
  tracked: boolean
}

/** What an import found: a title for the list, the characters, and notes on what it could not know. */
export interface ImportList {
  title: string
  /** `game`: the game's own folders on this PC. */
  source: 'blizzard' | 'raiderio' | 'game'
  candidates: ImportCandidate[]
  notes: string[]
}

/** The characters the player ticked. */
export interface ImportPick {
  region: Region
  realm: string
  realmName: string | null
  name: string
  className: string | null
}

export interface NewCharacter {
  region: string
  realm: string
  name: string
}

export interface SyncSummary {
  synced: number
  /** Characters with a failed source or a sync that could not finish. */
  failed: number
  /** Characters the player's cancel stopped or left for their hourly sync (neither synced nor failed; what answered is saved). */
  cancelled: number
  /** Why each sync that could not finish failed ("Thrall: …"). */
  errors: string[]
}

/** Events main pushes to the renderer. */
export interface VaultEvents {
  'sync:progress': { running: boolean; done: number; total: number }
  /** One character's stored data changed (tracked, synced, marked, removed): each gets its own event. */
  'data:changed': { characterId: number }
  /** The tray asks the window to show a character (null: the overview). */
  /** Open a character, or the board (`waitingOnly`: showing only the vaults waiting, as a notification's click asks). */
  'app:navigate': { characterId: number | null; waitingOnly?: true }
  'update:status': UpdateStatus
}
export type VaultEventName = keyof VaultEvents

/** `window.vault`: one method per invoke channel, plus `on` for events (returns an unsubscribe). */
export interface VaultApi {
  getAppInfo(): Promise<Result<AppInfo>>
  /** Opens the logs folder in the system's file manager. */
  openLogsFolder(): Promise<Result<{ opened: true }>>
  /** The character the window should open now that its page is ready (a link that started the app), once; null when none. */
  takePendingRoute(): Promise<Result<{ characterId: number | null }>>
  listCharacters(): Promise<Result<CharacterOverview[]>>
  /** One character's overview (after data:changed names it, instead of listing them all again). */
  getCharacter(input: { characterId: number }): Promise<Result<CharacterOverview>>
  addCharacter(input: NewCharacter): Promise<Result<CharacterOverview>>
  removeCharacter(input: { id: number }): Promise<Result<{ removed: boolean }>>
  /** Marks last week's vault of a character as opened (until the next reset makes a new one). */
  markVaultOpened(input: { characterId: number }): Promise<Result<CharacterOverview>>
  getVault(input: { characterId: number }): Promise<Result<CharacterVaultView>>
  syncNow(input: { characterId?: number }): Promise<Result<SyncSummary>>
  /** Stops the running "Sync all": characters not started yet are left for their hourly sync; what answered is saved. */
  cancelSync(): Promise<Result<{ cancelled: boolean }>>
  getSettings(): Promise<Result<SettingsView>>
  updateSettings(input: SettingsUpdate): Promise<Result<SettingsView>>
  /** `withoutEncryption`: the player agreed to save them although the OS has no keyring (secureStorage 'plaintext'). */
  saveCredentials(input: { source: CredentialSource; clientId: string; clientSecret: string; withoutEncryption?: true }): Promise<Result<SettingsView>>
  clearCredentials(input: { source: CredentialSource }): Promise<Result<SettingsView>>
  /** Adds a weekly quest to the board for every character (a tracked id gets the new name). */
  trackQuest(input: TrackedQuest): Promise<Result<SettingsView>>
  untrackQuest(input: { id: number }): Promise<Result<SettingsView>>
  /** Saves Raider.IO's optional access key (encrypted like the API secrets); the environment's wins. */
  saveRaiderIoKey(input: { key: string }): Promise<Result<SettingsView>>
  clearRaiderIoKey(): Promise<Result<SettingsView>>
  /** Saves the officer digest's Discord webhook (Discord's webhook addresses only), encrypted like the API secrets. */
  saveOfficerWebhook(input: { url: string }): Promise<Result<SettingsView>>
  clearOfficerWebhook(): Promise<Result<SettingsView>>
  /** Posts the digest now (the schedule is unchanged); the result shows in Settings. */
  postOfficerDigestNow(): Promise<Result<SettingsView>>
  /** Signs in on Blizzard's page (the system browser opens) and lists the account's characters; resolves when the browser comes back, or fails. */
  importAccount(input: { region: string }): Promise<Result<ImportList>>
  /** Stops waiting for the sign-in. */
  cancelImport(): Promise<Result<{ cancelled: boolean }>>
  importGuild(input: GuildImportRequest): Promise<Result<ImportList>>
  /** The characters played on this PC, from the game's own folders (no sign-in, no network); `region` when the game names none. */
  importThisPc(input: { region?: string }): Promise<Result<ImportList>>
  /** Tracks exactly the ticked characters; their vaults fill right after. */
  trackImported(input: { picks: ImportPick[] }): Promise<Result<{ added: number; alreadyTracked: number }>>
  on<E extends VaultEventName>(event: E, listener: (payload: VaultEvents[E]) => void): () => void
}

type InvokeMethod = Exclude<keyof VaultApi, 'on'>

/** Which channel each VaultApi method calls; the preload builds `window.vault` from this table. */
export const VAULT_API_CHANNELS = {
  getAppInfo: 'app:info',
  openLogsFolder: 'app:open-logs',
  takePendingRoute: 'app:pending-route',
  listCharacters: 'characters:list',
  getCharacter: 'characters:get',
  addCharacter: 'characters:add',
  removeCharacter: 'characters:remove',
  markVaultOpened: 'vault:mark-opened',
  getVault: 'vault:get',
  syncNow: 'sync:run',
  cancelSync: 'sync:cancel',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  saveCredentials: 'credentials:save',
  clearCredentials: 'credentials:clear',
  trackQuest: 'quests:track',
  untrackQuest: 'quests:untrack',
  saveRaiderIoKey: 'raiderio-key:save',
  clearRaiderIoKey: 'raiderio-key:clear',
  saveOfficerWebhook: 'officer-digest:save',
  clearOfficerWebhook: 'officer-digest:clear',
  postOfficerDigestNow: 'officer-digest:post-now',
  importAccount: 'import:account',
  cancelImport: 'import:cancel',
  importGuild: 'import:guild',
  importThisPc: 'import:this-pc',
  trackImported: 'import:track',
} as const satisfies { readonly [M in InvokeMethod]: string }

export const VAULT_EVENT_NAMES: readonly VaultEventName[] = ['sync:progress', 'data:changed', 'app:navigate', 'update:status']

export type InvokeChannel = (typeof VAULT_API_CHANNELS)[InvokeMethod]

type MethodOf<C extends InvokeChannel> = { [M in InvokeMethod]: (typeof VAULT_API_CHANNELS)[M] extends C ? M : never }[InvokeMethod]

/** What each channel resolves to, derived from the API so the two cannot drift apart. */
export type ChannelResults = { [C in InvokeChannel]: Awaited<ReturnType<VaultApi[MethodOf<C>]>> extends Result<infer T> ? T : never }

/** The arguments each channel takes. */
export type ChannelArgs = { [C in InvokeChannel]: Parameters<VaultApi[MethodOf<C>]> }
