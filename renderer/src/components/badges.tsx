import type { RaidEvidenceKind, SourceId } from '../../../shared/domain/types.ts'
import { SOURCE_LABELS } from './format.ts'

/** Which sources saw a kill or a run. */
export function SourceBadges({ sources }: { sources: readonly (SourceId | RaidEvidenceKind)[] }) {
  return (
    <span className="badges">
      {sources.map((source) => (
        <span key={source} className={`badge badge-${source}`} title={`Seen by ${SOURCE_LABELS[source]}`}>
          {SOURCE_LABELS[source]}
        </span>
      ))}
    </span>
  )
}
