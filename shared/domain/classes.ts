/** Blizzard's playable class ids (stable since 2004; Evoker 13 since Dragonflight): the guild roster gives only the id. */
export const CLASS_NAMES: Readonly<Record<number, string>> = {
  1: 'Warrior',
  2: 'Paladin',
  3: 'Hunter',
  4: 'Rogue',
  5: 'Priest',
  6: 'Death Knight',
  7: 'Shaman',
  8: 'Mage',
  9: 'Warlock',
  10: 'Monk',
  11: 'Druid',
  12: 'Demon Hunter',
  13: 'Evoker',
}

export function className(classId: number | undefined): string | null {
  return classId === undefined ? null : (CLASS_NAMES[classId] ?? null)
}
