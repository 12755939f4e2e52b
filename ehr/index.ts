// The bridge to the hospital's FHIR server: SMART App Launch, a chart pulled
// into the store and kept fresh, the changes made here given back.
// Components never import this: they read the store, wherever its records
// came from.
export { EhrError, PullError, type EhrErrorKind } from './errors.js';
export { FhirHttp, type FhirAuth, type FhirConnection } from './http/fhir-http.js';
export { bearerToken } from './http/bearer.js';
export { serverCapabilities, type ServerCapabilities } from './capabilities.js';
export { pullChart, type PullOptions, type PullSummary } from './pull/pull-chart.js';
export { keepChartFresh, type FreshnessOptions } from './pull/keep-fresh.js';
export { discoverSmart, type SmartConfiguration } from './smart/smart-discovery.js';
export {
  ehrLaunchParameters,
  smartAuthorizationUrl,
  DEFAULT_SCOPE,
  type SmartClient,
} from './smart/smart-launch.js';
export { completeSmartLaunch } from './smart/complete-launch.js';
export { SmartSession, type LaunchContext } from './smart/smart-session.js';
export { applySmartStyle, smartStyleTokens, type SmartStyle } from './smart/smart-style.js';
export { fetchChart, type FetchChartOptions } from './pull/fetch-chart.js';
export {
  deliverChanges,
  type DeliveryController,
  type DeliveryOptions,
  type DeliveryStatus,
  type EhrLink,
} from './deliver/deliver-changes.js';
export { type DeliveryAllowance, type DeliveryInteraction } from './deliver/allowance.js';
export { KIT_RECORD_SYSTEM } from './deliver/interactions.js';
export * from './cds-hooks/index.js';
