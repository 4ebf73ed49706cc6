import type { StoredCredentials } from '../../main/config.ts'
import type { SecretStore } from '../../main/ports.ts'

/** An in-memory SecretStore; `availability` can be switched to test the UI's warnings. */
export class MemorySecrets implements SecretStore {
  stored: StoredCredentials = {}
  mode: ReturnType<SecretStore['availability']> = 'encrypted'

  availability() {
    return this.mode
  }

  load(): StoredCredentials {
    return structuredClone(this.stored)
  }

  save(credentials: StoredCredentials): void {
    this.stored = structuredClone(credentials)
  }
}
