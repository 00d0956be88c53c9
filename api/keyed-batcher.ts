interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items for one key that arrive while a write for that key is running are written
 * together by the next call of `run`, and each caller resumes once its own item is written. Under
 * load this turns N single writes into a few batched ones; alone, an item is written at once.
 */
export function createKeyedBatcher<I, O>(
  run: (key: string, items: I[]) => Promise<O[]>,
  options: { maxBatch?: number } = {},
): (key: string, item: I) => Promise<O> {
  const maxBatch = options.maxBatch ?? 1000;
  const queues = new Map<string, { waiting: Waiting<I, O>[]; running: boolean }>();

  async function drain(key: string, queue: { waiting: Waiting<I, O>[]; running: boolean }): Promise<void> {
    queue.running = true;
    try {
      while (queue.waiting.length > 0) {
        const batch = queue.waiting.splice(0, maxBatch);
        try {
          const results = await run(
            key,
            batch.map((w) => w.item),
          );
          for (const [i, w] of batch.entries()) w.resolve(results[i] as O);
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      queue.running = false;
      queues.delete(key);
    }
  }

  return (key, item) => {
    let queue = queues.get(key);
    if (!queue) {
      queue = { waiting: [], running: false };
      queues.set(key, queue);
    }
    const q = queue;
    const done = new Promise<O>((resolve, reject) => q.waiting.push({ item, resolve, reject }));
    if (!q.running) void drain(key, q);
    return done;
  };
}
