/** What the drill did when (ms since the epoch), printed as it happens, to place any failure. */
export interface Timeline {
  note(event: string): number;
  /** The last event at or before `atMs`, with the seconds since it. */
  placeOf(atMs: number): string;
  events: { atMs: number; event: string }[];
}

export function createTimeline(startMs = Date.now()): Timeline {
  const events: Timeline['events'] = [];
  return {
    events,
    note(event) {
      const atMs = Date.now();
      events.push({ atMs, event });
      process.stderr.write(`chaos: +${((atMs - startMs) / 1000).toFixed(1)} s ${event}\n`);
      return atMs;
    },
    placeOf(atMs) {
      const last = events.filter((e) => e.atMs <= atMs).at(-1);
      return last ? `${((atMs - last.atMs) / 1000).toFixed(1)} s after '${last.event}'` : 'before any event';
    },
  };
}
