// A hospital's own CDS Hooks 2.0 services beside the kit's own checks:
// discovery, signed calls with context and prefetch from the store, cards
// marked with their service, feedback, and notes for a service that is slow
// or fails.
export {
  createDecisionSupport,
  DEFAULT_CDS_TIMEOUT_MS,
  type CdsDecisionSupport,
  type DecisionSupportOptions,
} from './decision-support.js';
export { type LocalChecks, type LocalChart } from './local-checks.js';
export { type CdsServiceBase } from './service-set.js';
export { type CdsClientIdentity, clientJwt, CLIENT_JWT_LIFETIME_S } from './client-jwt.js';
export { CdsServiceError, type CdsServiceFailure } from './cds-service-error.js';
export { discoverCdsServices, CdsServiceDefinition, type Discovered } from './discovery.js';
export { callCdsService, type ServiceCall, type ServiceAnswer } from './call-service.js';
export { sendCdsFeedback, type CardOutcome } from './feedback.js';
export { fillTemplate, prefetchFromStore, type PrefetchTokens } from './prefetch.js';
