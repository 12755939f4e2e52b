// The sync server: y-websocket protocol, token authentication, read-only
// roles, persistence with an audit log. See README.md, "Sync server".
export { startSyncServer, type SyncServer, type SyncServerOptions } from './start-sync-server.js';
export { CLOSE, type CloseCode } from './close-codes.js';
export {
  mintToken,
  verifyToken,
  ROLES,
  DEFAULT_AUDIENCE,
  type Principal,
  type SyncRole,
  type TokenClaims,
} from './access-tokens.js';
export {
  DEVELOPMENT_SECRET,
  SECRET_ENV,
  PUBLIC_KEY_ENV,
  signingSecret,
  verificationKey,
  KeyConfigError,
  type KeyOptions,
} from './keys.js';
export { LevelStore, storeLocation } from './level-store.js';
export { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';
export { migrate, schemaVersion, quoteIdentifier, MIGRATIONS } from './postgres-schema.js';
export { RedisBroker, type RedisBrokerOptions } from './broker.js';
export {
  StoreUnavailableError,
  type AuditRecord,
  type DocumentChanges,
  type PrepareWrite,
  type SequencedUpdate,
  type StoredUpdate,
  type SyncStore,
} from './sync-store.js';
export { DEV_USERS, devToken, type DevUser } from './dev-users.js';
export type { Logger, LogEntry } from './log.js';
