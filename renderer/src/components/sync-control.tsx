import { syncProgressText } from '../../../shared/domain/labels.ts'
import { useVault } from '../state/store.ts'

/**
 * The header's sync control: "Sync all", or while a run goes on its progress ("Syncing 47 of 120",
 * announced politely) and a Cancel that stops it; each character's line updates as its sync lands.
 */
export function SyncControl({ disabled }: { disabled: boolean }) {
  const sync = useVault((s) => s.sync)
  const syncNow = useVault((s) => s.syncNow)
  const cancelSync = useVault((s) => s.cancelSync)
  if (!sync.running) {
    return (
      <button type="button" className="primary" onClick={() => void syncNow()} disabled={disabled}>
        Sync all
      </button>
    )
  }
  return (
    <>
      <span role="status" className="small" data-testid="sync-progress">
        {sync.total > 0 ? syncProgressText(sync) : 'Syncing'}…
      </span>
      <button type="button" onClick={() => void cancelSync()}>
        Cancel sync
      </button>
    </>
  )
}
