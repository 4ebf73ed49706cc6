import { EventEmitter } from 'node:events'
import type { SourceId } from '../../shared/domain/types.ts'
import type { CharacterSyncResult, SourceReport } from './sync-result.ts'

/** Progress and data-changed events, for the UI, the tray and the CLI. */
export interface SyncEventMap {
  'character:started': [{ characterId: number }]
  'source:finished': [{ characterId: number; source: SourceId; report: SourceReport }]
  'character:finished': [{ characterId: number; result: CharacterSyncResult }]
  'character:failed': [{ characterId: number; message: string }]
  'run:progress': [{ done: number; total: number }]
  'data:changed': [{ characterId: number }]
}

/** A typed event emitter for sync events. */
export class SyncEvents extends EventEmitter<SyncEventMap> {}
