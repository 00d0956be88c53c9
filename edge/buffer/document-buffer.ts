import type { TelemetryDocument } from '../../engine/telemetry/index.ts';
import type { DeviceRunState } from '../agent/build-document.ts';
import { EdgeError } from '../template/edge-error.ts';
import { type Database, type OpenOptions, openDatabase } from './open-database.ts';
import { readSeqMarks, type SeqMarks, writeSeqMarks } from './seq-ledger.ts';

/** Seqs reserved per ledger write; after a lost buffer the agent skips at most this many (gaps are allowed). */
const SEQ_BLOCK = 100;

export interface BufferedDocument {
  id: number;
  device_ref: string;
  seq: number;
  body: string;
}

export interface DeadLetter {
  id: number;
  device_ref: string;
  seq: number;
  status: number;
  problem: unknown;
  at_ms: number;
}

/**
 * The durable offline buffer: documents wait here, oldest first, until the API has them. A document
 * and its device's next state (seq, chain, register baselines) are committed in one transaction,
 * so a power cut or `kill -9` either keeps both or neither. Refused documents move to the
 * dead-letter table with the server's problem detail — never retried forever, never dropped.
 */
export class DocumentBuffer {
  private marks: SeqMarks | undefined;

  private constructor(
    private readonly db: Database,
    private readonly seqPath: string,
    /** Set when a corrupt file was moved aside at open. */
    readonly quarantined: string | undefined,
  ) {}

  static open(path: string, options: Omit<OpenOptions, 'now'> = {}): DocumentBuffer {
    const { db, quarantined } = openDatabase(path, options);
    return new DocumentBuffer(db, `${path}.seq.json`, quarantined);
  }

  /** The device's persisted state; after a quarantined buffer, the seq from the seq ledger. */
  state(ref: string): DeviceRunState | undefined {
    const row = this.db.get('SELECT json FROM device_state WHERE ref = ?', [ref]) as { json: string } | null;
    if (row) return JSON.parse(row.json) as DeviceRunState;
    // Recovery after a quarantined buffer: continue above every reserved seq; the chain restarts
    // (the documents it linked were lost with the buffer, and the server will see the break).
    const mark = readSeqMarks(this.seqPath)[ref];
    return mark ? { seq: mark.seq, counters: {} } : undefined;
  }

  /**
   * Stores documents and device states atomically. Throws BUFFER_FULL when the disk or the size cap
   * is reached: nothing is stored and the caller keeps its previous state, so the register deltas
   * of the interval are claimed by the next document that fits.
   */
  commit(
    entries: { ref: string; document?: TelemetryDocument; state: DeviceRunState }[],
    nowMs: number,
  ): void {
    this.marks ??= readSeqMarks(this.seqPath);
    const marks = this.marks;
    let marksChanged = false;
    for (const e of entries) {
      if (!e.document) continue;
      // Seqs are reserved in blocks: the ledger is written once per SEQ_BLOCK documents, not per commit.
      if ((marks[e.ref]?.seq ?? -1) < e.state.seq) {
        marks[e.ref] = { seq: e.state.seq + SEQ_BLOCK };
        marksChanged = true;
      }
    }
    if (marksChanged) writeSeqMarks(this.seqPath, marks);
    try {
      this.db.exec('BEGIN IMMEDIATE');
      for (const e of entries) {
        if (e.document) {
          this.db.run('INSERT INTO outbox (device_ref, seq, created_ms, body) VALUES (?, ?, ?, ?)', [
            e.ref,
            e.document.seq,
            nowMs,
            JSON.stringify(e.document),
          ]);
        }
        this.db.run('INSERT OR REPLACE INTO device_state (ref, json) VALUES (?, ?)', [
          e.ref,
          JSON.stringify(e.state),
        ]);
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      const message = error instanceof Error ? error.message : String(error);
      if (/full/i.test(message)) throw new EdgeError('BUFFER_FULL', `buffer is full: ${message}`);
      throw error;
    }
  }

  /** The oldest documents, in the order they were built (per device: seq order). */
  oldest(limit: number): BufferedDocument[] {
    return this.db.all('SELECT id, device_ref, seq, body FROM outbox ORDER BY id LIMIT ?', [limit]) as never;
  }

  /** Forgets documents the API has durably accepted (or already had). */
  remove(ids: readonly number[]): void {
    if (ids.length === 0) return;
    this.transaction(() => {
      for (const id of ids) this.db.run('DELETE FROM outbox WHERE id = ?', [id]);
    });
  }

  /** Moves refused documents to the dead-letter table with the server's answer. */
  deadLetter(items: { id: number; status: number; problem: unknown }[], nowMs: number): void {
    if (items.length === 0) return;
    this.transaction(() => {
      for (const item of items) {
        this.db.run(
          `INSERT INTO dead_letters (id, device_ref, seq, body, status, problem, at_ms)
           SELECT id, device_ref, seq, body, ?, ?, ? FROM outbox WHERE id = ?`,
          [item.status, JSON.stringify(item.problem), nowMs, item.id],
        );
        this.db.run('DELETE FROM outbox WHERE id = ?', [item.id]);
      }
    });
  }

  depth(): { documents: number; bytes: number; oldest_ms?: number } {
    const row = this.db.get(
      'SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(body)), 0) AS bytes, MIN(created_ms) AS oldest FROM outbox',
    ) as { n: number; bytes: number; oldest: number | null };
    return {
      documents: Number(row.n),
      bytes: Number(row.bytes),
      ...(row.oldest ? { oldest_ms: Number(row.oldest) } : {}),
    };
  }

  deadLetters(limit = 50): { total: number; items: DeadLetter[] } {
    const total = Number((this.db.get('SELECT COUNT(*) AS n FROM dead_letters') as { n: number }).n);
    const rows = this.db.all(
      'SELECT id, device_ref, seq, status, problem, at_ms FROM dead_letters ORDER BY id DESC LIMIT ?',
      [limit],
    ) as (Omit<DeadLetter, 'problem'> & { problem: string })[];
    return { total, items: rows.map((r) => ({ ...r, problem: JSON.parse(r.problem) as unknown })) };
  }

  setMeta(key: string, value: unknown): void {
    this.db.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [key, JSON.stringify(value)]);
  }

  meta<T>(key: string): T | undefined {
    const row = this.db.get('SELECT value FROM meta WHERE key = ?', [key]) as { value: string } | null;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  private transaction(work: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }
}
