/** The app's screens, kept in the URL hash so back/forward and the tray's "open character" work. */
export type Route = { name: 'overview' } | { name: 'character'; id: number } | { name: 'settings' } | { name: 'import' }

export function parseRoute(hash: string): Route {
  const character = /^#\/character\/(\d+)$/.exec(hash)
  if (character) return { name: 'character', id: Number(character[1]) }
  if (hash === '#/settings') return { name: 'settings' }
  if (hash === '#/import') return { name: 'import' }
  return { name: 'overview' }
}

export function routeHash(route: Route): string {
  if (route.name === 'character') return `#/character/${route.id}`
  if (route.name === 'settings') return '#/settings'
  if (route.name === 'import') return '#/import'
  return '#/'
}
