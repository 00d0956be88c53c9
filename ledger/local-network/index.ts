export {
  type FaultConfig,
  type LagSpec,
  MIRROR_ENDPOINTS,
  type MirrorEndpoint,
  type OutageWindow,
  parseFaultConfig,
} from './fault-injector.ts';
export { LocalNetworkError, type LocalNetworkErrorCode } from './local-network-error.ts';
export { nextRunningHash, RUNNING_HASH_VERSION, type RunningHashInput } from './running-hash.ts';
export {
  LOCAL_NODE_DEFAULTS,
  LOCAL_NODE_GENESIS_KEY,
  type LocalNetwork,
  type LocalNetworkOptions,
  startLocalNetwork,
} from './start-local-network.ts';
