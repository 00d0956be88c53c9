export { checkMethodology, methodologyScope, requiredInputs, requiredOutputs } from './check-methodology.ts';
export { type CompiledMethodology, compiledMethodology } from './compiled-methodology.ts';
export {
  type ComputeMethodologyOptions,
  computeMethodology,
  type MethodologyResult,
} from './compute-methodology.ts';
export { formulaOrder, identifiersIn } from './formula-order.ts';
export { type InputSource, inputSources } from './input-sources.ts';
export { MethodologyError, type MethodologyErrorCode } from './methodology-error.ts';
export { type EnergyDocument, periodEnergy, readingEnergy } from './period-energy.ts';
export { periodEnergyByScope, type ScopeEnergy } from './period-energy-by-scope.ts';
