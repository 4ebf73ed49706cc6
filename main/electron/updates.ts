import electronUpdater from 'electron-updater'
import { createUpdateController, type UpdateControllerOptions } from '../desktop/updates.ts'

/** electron-updater's autoUpdater (feed: electron-builder.yml `publish`) behind the tested controller. */
export function createAppUpdates(options: Omit<UpdateControllerOptions, 'updater'>) {
  const { autoUpdater } = electronUpdater
  // electron-updater logs through its own logger; the controller logs what matters to ours.
  autoUpdater.logger = null
  return { controller: createUpdateController({ ...options, updater: autoUpdater }), checkNow: () => autoUpdater.checkForUpdates() }
}
