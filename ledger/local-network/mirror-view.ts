/**
 * What the mirror node has ingested so far. A real mirror node shows a transaction some time after
 * consensus (record files are streamed, parsed and imported), and in consensus order; with a configured
 * `mirrorLag` each record becomes visible per endpoint group at consensus + a drawn lag, and never before
 * an earlier record. Entities (topics, tokens, accounts) show once the transaction that created them does;
 * their other fields are those of the current state.
 */
import type { ConsensusNode } from './consensus-node.ts';
import type { FaultInjector, MirrorEndpoint } from './fault-injector.ts';
import type { TxRecord } from './ledger-state.ts';

const MS = 1_000_000n;
const EVERYTHING = (1n << 63n) - 1n;

interface Cursor {
  /** records[0 .. count) are visible. */
  count: number;
  /** When records[count] becomes visible (drawn once), in ms on the network's clock. */
  nextAtMs?: number;
  lastAtMs: number;
}

export class MirrorView {
  readonly #node: ConsensusNode;
  readonly #faults: FaultInjector;
  readonly #now: () => number;
  readonly #cursors = new Map<MirrorEndpoint, Cursor>();

  constructor(node: ConsensusNode, faults: FaultInjector, now: () => number) {
    this.#node = node;
    this.#faults = faults;
    this.#now = now;
  }

  /** Whether a mirror lag is configured now. */
  get lagging(): boolean {
    return this.#faults.mirrorLagging;
  }

  /** How many records (a prefix in consensus order) the endpoint group shows now. */
  visibleCount(endpoint: MirrorEndpoint): number {
    const records = this.#node.state.records;
    let cursor = this.#cursors.get(endpoint);
    if (!this.#faults.mirrorLagging) {
      // Keep the cursor caught up so that turning a lag on never hides what was already shown.
      if (cursor) cursor.count = records.length;
      return records.length;
    }
    if (!cursor) {
      cursor = { count: 0, lastAtMs: 0 };
      this.#cursors.set(endpoint, cursor);
    }
    const now = this.#now();
    while (cursor.count < records.length) {
      if (cursor.nextAtMs === undefined) {
        const consensusMs = Number(records[cursor.count]!.consensusNs / MS);
        cursor.nextAtMs = Math.max(cursor.lastAtMs, consensusMs + this.#faults.mirrorLagMs(endpoint));
      }
      if (now < cursor.nextAtMs) break;
      cursor.lastAtMs = cursor.nextAtMs;
      cursor.nextAtMs = undefined;
      cursor.count++;
    }
    return cursor.count;
  }

  /** The visible records of an endpoint group, in consensus order. */
  records(endpoint: MirrorEndpoint): TxRecord[] {
    const all = this.#node.state.records;
    const n = this.visibleCount(endpoint);
    return n === all.length ? all : all.slice(0, n);
  }

  /** Consensus time up to which the endpoint group has ingested (-1 before the first record). */
  watermarkNs(endpoint: MirrorEndpoint): bigint {
    const n = this.visibleCount(endpoint);
    if (!this.#faults.mirrorLagging) return EVERYTHING;
    return n === 0 ? -1n : this.#node.state.records[n - 1]!.consensusNs;
  }

  /** Whether an entity created at `createdNs` (0 for genesis accounts) is on the mirror yet. */
  shows(endpoint: MirrorEndpoint, createdNs: bigint): boolean {
    return createdNs === 0n || createdNs <= this.watermarkNs(endpoint);
  }
}
