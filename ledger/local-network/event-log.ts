/**
 * Durable state: an append-only NDJSON log of every transaction that reached consensus (its exact bytes,
 * its consensus timestamp, and whether a fault made it expire). State is rebuilt by replaying the log through
 * the same deterministic handlers, so there is one code path for "apply" and "recover".
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';

export interface ConsensusEvent {
  consensusNs: bigint;
  transactionBytes: Buffer;
  /** A fault held this transaction back until its valid window had passed. */
  expired: boolean;
}

export interface EventLog {
  append(event: ConsensusEvent): void;
  readAll(): ConsensusEvent[];
}

export const EVENT_LOG_FILE = 'consensus-events.ndjson';

export function fileEventLog(dataDir: string): EventLog {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, EVENT_LOG_FILE);
  if (existsSync(path)) {
    // A crash can leave a torn last line; cut it so the next append starts on a fresh line.
    const text = readFileSync(path);
    const end = text.lastIndexOf(0x0a) + 1;
    if (end !== text.length) truncateSync(path, end);
  }
  return {
    append(event) {
      const line = JSON.stringify({
        c: event.consensusNs.toString(),
        t: event.transactionBytes.toString('base64'),
        ...(event.expired ? { x: 1 } : {}),
      });
      appendFileSync(path, `${line}\n`);
    },
    readAll() {
      if (!existsSync(path)) return [];
      const events: ConsensusEvent[] = [];
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        let parsed: { c?: unknown; t?: unknown; x?: unknown };
        try {
          parsed = JSON.parse(line);
        } catch (cause) {
          throw new Error(`corrupt consensus event log ${path}`, { cause });
        }
        if (typeof parsed.c !== 'string' || typeof parsed.t !== 'string') {
          throw new Error(`corrupt consensus event log ${path}: ${line.slice(0, 80)}`);
        }
        events.push({
          consensusNs: BigInt(parsed.c),
          transactionBytes: Buffer.from(parsed.t, 'base64'),
          expired: parsed.x === 1,
        });
      }
      return events;
    },
  };
}

export function memoryEventLog(): EventLog {
  return { append() {}, readAll: () => [] };
}
