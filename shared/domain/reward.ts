/** Vault rewards as the player thinks of them: item level plus upgrade track and rank. */

export const UPGRADE_TRACKS = ['Veteran', 'Champion', 'Hero', 'Myth'] as const
export type UpgradeTrack = (typeof UPGRADE_TRACKS)[number]

/** What one vault choice is worth: item level, upgrade track and rank (null where no source gives it). */
export interface Reward {
  itemLevel: number
  track: UpgradeTrack | null
  /** Rank on the track (Myth 1 = the track's first item level); null when no source states it. */
  rank: number | null
  /** False when the sources disagree or flag the value as unverified. */
  confirmed: boolean
}

/** A higher reward that applies only to items of some bosses (e.g. the last two bosses of a raid). */
export interface RewardException extends Reward {
  /** Boss names, as the game writes them. */
  bosses: readonly string[]
  /** How players say it ("the last two bosses"); the names when absent. */
  label?: string
}

/** The reward of an unlocked slot: the usual value and the exceptions that can pay more. */
export interface SlotReward extends Reward {
  exceptions: (Reward & { bosses: string[]; label?: string })[]
}

/** "Myth 1", "Hero" (rank unknown), or "" (track unknown). */
export function trackLabel(reward: Pick<Reward, 'track' | 'rank'>): string {
  if (!reward.track) return ''
  return reward.rank === null ? reward.track : `${reward.track} ${reward.rank}`
}

/** "318 Myth 1"; "289 Veteran (unconfirmed)"; never one number as if certain when exceptions exist. */
export function rewardText(reward: SlotReward): string {
  const one = (r: Reward) => [String(r.itemLevel), trackLabel(r)].filter(Boolean).join(' ') + (r.confirmed ? '' : ' (unconfirmed)')
  const exceptions = reward.exceptions.map((e) => `${one(e)} from ${e.bosses.join(' or ')}`)
  return exceptions.length === 0 ? one(reward) : `${one(reward)}; ${exceptions.join('; ')}`
}
