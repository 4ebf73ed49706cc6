import { DIFFICULTIES, type Difficulty } from './types.ts'

/** Rank of a difficulty: LFR 0 < Normal 1 < Heroic 2 < Mythic 3. */
export function difficultyRank(difficulty: Difficulty): number {
  return DIFFICULTIES.indexOf(difficulty)
}

/** The higher of two difficulties. */
export function higherDifficulty(a: Difficulty, b: Difficulty): Difficulty {
  return difficultyRank(a) >= difficultyRank(b) ? a : b
}

/** Comparator that sorts best difficulty first. */
export function byDifficultyDescending(a: Difficulty, b: Difficulty): number {
  return difficultyRank(b) - difficultyRank(a)
}

/** Display names as the game shows them. */
export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  lfr: 'Raid Finder',
  normal: 'Normal',
  heroic: 'Heroic',
  mythic: 'Mythic',
}
