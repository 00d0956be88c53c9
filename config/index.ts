export { ConfigError } from './config-error.ts';
export { type Config, type HederaNetworkName, loadConfig, requireServices } from './load-config.ts';
export { type VariableName, type VariableSpec, variables } from './variables.ts';
