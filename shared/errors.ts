/** Every error the app can report, so the UI and the CLI can branch on a code instead of parsing messages. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHARACTER',
  'NOT_CONFIGURED',
  'AUTH_FAILED',
  'BAD_CONFIG',
  'RATE_LIMITED',
  'UPSTREAM_ERROR',
  'TIMEOUT',
  'MALFORMED_RESPONSE',
  'DB_CORRUPT',
  'DB_UNREADABLE',
  'DB_FROM_NEWER_VERSION',
  'DB_BUSY',
  'DB_FULL',
  'DB_READ_ONLY',
  'SIGN_IN_FAILED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** A short, player-facing headline per code; the specific message carries the details. */
export const ERROR_HEADLINES: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Please check what you entered.',
  UNKNOWN_CHARACTER: 'Character not found.',
  NOT_CONFIGURED: 'This source has no API credentials yet.',
  AUTH_FAILED: 'The API credentials were rejected.',
  BAD_CONFIG: 'The address set for this service looks wrong.',
  RATE_LIMITED: 'The service asked us to slow down.',
  UPSTREAM_ERROR: 'The service had a problem.',
  TIMEOUT: 'The service did not answer in time.',
  MALFORMED_RESPONSE: 'The service sent data we could not read.',
  DB_CORRUPT: 'The local database is damaged.',
  DB_UNREADABLE: 'The local database could not be opened.',
  DB_FROM_NEWER_VERSION: 'The local database belongs to a newer version of Vault Companion.',
  DB_BUSY: 'Another Vault Companion process is writing to the database.',
  DB_FULL: 'The disk is full.',
  DB_READ_ONLY: 'The data folder is read-only.',
  SIGN_IN_FAILED: 'The Battle.net sign-in did not complete.',
  INTERNAL: 'Something went wrong inside Vault Companion.',
}
