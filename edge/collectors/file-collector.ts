import { mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Point } from '../template/edge-template.ts';
import { type Collector, ConnectionLost, type Sample } from './collector.ts';
import { numberAt } from './json-path.ts';

export interface FileConnection {
  protocol: 'file';
  /** Where the historian drops its CSV exports; read files move to `<directory>/done/`. */
  directory: string;
  /** A row older than this is stale (a gap). Default 900 s. */
  stale_s?: number;
  /** The CSV column with the row's time (RFC 3339); without it, the file's arrival time counts. */
  time_column?: string;
}

const MAX_FILE = 16 * 1024 * 1024;

/**
 * CSV/file drop: historian exports land in a directory; each new file (oldest name first) updates
 * the latest row, and the file moves to `done/` so it is read once. A point names its column. A
 * missing or non-numeric cell, or a latest row older than `stale_s`, is a gap.
 */
export function fileCollector(connection: FileConnection, options: { now?: () => number } = {}): Collector {
  const now = options.now ?? Date.now;
  const staleMs = (connection.stale_s ?? 900) * 1000;
  const done = join(connection.directory, 'done');
  let latest: { row: Record<string, string>; at: number } | undefined;
  let problem: string | undefined;

  function ingest(): void {
    let names: string[];
    try {
      names = readdirSync(connection.directory).filter((n) => n.toLowerCase().endsWith('.csv'));
    } catch (error) {
      throw new ConnectionLost(`file drop: ${(error as Error).message}`);
    }
    for (const name of names.sort()) {
      const path = join(connection.directory, name);
      try {
        if (statSync(path).size > MAX_FILE) throw new Error(`over ${MAX_FILE} bytes`);
        const rows = parse(readFileSync(path, 'utf8'), {
          columns: true,
          skip_empty_lines: true,
          trim: true,
          relax_column_count: true,
          bom: true,
        }) as Record<string, string>[];
        const row = rows[rows.length - 1];
        if (row) {
          const stamp = connection.time_column ? Date.parse(row[connection.time_column] ?? '') : Number.NaN;
          latest = { row, at: Number.isFinite(stamp) ? stamp : now() };
        }
        problem = undefined;
      } catch (error) {
        problem = `file drop ${name}: ${(error as Error).message}`;
      }
      renameSync(path, join(done, name));
    }
  }

  return {
    protocol: 'file',
    async connect() {
      mkdirSync(done, { recursive: true });
    },
    async collect(point: Point): Promise<Sample> {
      ingest();
      if (!latest) return { gap: problem ?? 'no file dropped yet' };
      if (now() - latest.at > staleMs) return { gap: 'latest file drop row is stale' };
      const raw = numberAt(latest.row[point.column!], undefined);
      if (raw === undefined) return { gap: `no number in column ${point.column}` };
      return { value: raw * point.scale + point.offset };
    },
    async close() {},
  };
}
