/**
 * A message from main in player words: the technical parts our messages keep in parentheses (HTTP
 * codes, statistic, quest and achievement ids, addresses and ports) move behind a Details disclosure,
 * where a player who reports a problem can still find them. The CLI and the JSON keep the whole text.
 */
const TECHNICAL = /\s*\((?:HTTP \d{3}|statistics? \d|quests? \d|achievements? \d|port \d|\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})[^)]*\)/g

export function splitTechnical(text: string): { plain: string; details: string[] } {
  const details = [...text.matchAll(TECHNICAL)].map((m) => m[0].trim().slice(1, -1))
  return { plain: text.replace(TECHNICAL, ''), details }
}

export function PlayerText({ text }: { text: string }) {
  const { plain, details } = splitTechnical(text)
  if (details.length === 0) return <>{text}</>
  return (
    <>
      {plain}{' '}
      <details className="player-details">
        <summary>Details</summary>
        <span className="small muted">{details.join(' · ')}</span>
      </details>
    </>
  )
}
