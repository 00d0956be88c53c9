import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type SeqMarks = Record<string, { seq: number }>;

/**
 * The seq reservations outside the buffer: written (atomically, fsync'd) before a commit uses a seq
 * beyond the last reservation, so that a buffer lost to corruption never makes the agent reuse a
 * seq — the server would refuse reused seqs as replays. Unused reserved seqs are skipped (allowed).
 */
export function writeSeqMarks(path: string, marks: SeqMarks): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(marks));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

export function readSeqMarks(path: string): SeqMarks {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return value && typeof value === 'object' ? (value as SeqMarks) : {};
  } catch {
    return {};
  }
}
