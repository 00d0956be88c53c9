import { installTemporalRuntime } from '../../workflows/temporal-runtime.ts';

// Temporal's default runtime logs every worker state change at INFO; tests only want warnings.
installTemporalRuntime(undefined, 'WARN');
