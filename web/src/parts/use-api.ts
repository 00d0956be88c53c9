import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';

/** A GET that re-runs when `path` changes: its data, error and a reload. */
export function useApi<T>(path: string | null) {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: !!path });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    const abort = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, { signal: abort.signal })
      .then((data) => setState({ data, loading: false }))
      .catch((error) => {
        if (!abort.signal.aborted) setState({ error, loading: false });
      });
    return () => abort.abort();
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
