import { existsSync } from 'node:fs';
import { DocumentBuffer } from '../buffer/document-buffer.ts';
import type { EdgePaths } from './edge-paths.ts';

/** `mrv-edge status`: last reads, buffer depth, last submit, clock drift and dead letters. */
export function statusCommand(paths: EdgePaths, deadLetterLimit = 10): Record<string, unknown> {
  if (!existsSync(paths.buffer)) return { buffer: 'none yet: the agent has not run' };
  const buffer = DocumentBuffer.open(paths.buffer, { readOnly: true });
  try {
    const depth = buffer.depth();
    const dead = buffer.deadLetters(deadLetterLimit);
    return {
      last_reads: buffer.meta('last_reads') ?? null,
      buffer: {
        documents: depth.documents,
        bytes: depth.bytes,
        oldest: depth.oldest_ms ? new Date(depth.oldest_ms).toISOString() : null,
        full: buffer.meta('buffer_full') ?? null,
        quarantined: buffer.meta('quarantined') ?? null,
      },
      last_submit: buffer.meta('last_submit') ?? null,
      clock_drift_s: buffer.meta('clock_drift_s') ?? null,
      dead_letters: { total: dead.total, latest: dead.items },
    };
  } finally {
    buffer.close();
  }
}
