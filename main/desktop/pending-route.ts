/**
 * The character the window should open, kept until the page takes it. A link that starts the app
 * arrives before the page has loaded (and before it listens to events), so instead of an event that
 * would be lost, main keeps the route and the page asks for it once it is ready (`app:pending-route`).
 * A page that is already running gets an `app:navigate` event instead.
 */
export interface PendingRoute {
  /** Keeps `characterId` for the page to take (a later request replaces an earlier one). */
  set(characterId: number): void
  /** The kept route, once: taking it clears it, so a reload does not open it again. */
  take(): number | null
}

export function createPendingRoute(): PendingRoute {
  let pending: number | null = null
  return {
    set: (characterId) => void (pending = characterId),
    take: () => {
      const route = pending
      pending = null
      return route
    },
  }
}
