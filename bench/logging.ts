/**
 * Cost of our logger (deep secret redaction + correlation-id mixin) against bare pino, writing a
 * typical activity log line to a sink that discards it. Prints JSON: lines/s for each and the ratio.
 */
import { pino } from 'pino';
import { withCorrelationId } from '../observability/correlation-context.ts';
import { createLogger } from '../observability/logger.ts';

const lines = Number(process.env.BENCH_LINES ?? 200_000);
const sink = { write: (_line: string) => {} };
const entry = {
  organization: 'org-7',
  workflowId: 'period/org-7/alaknanda-hpp/2026-02',
  reading: {
    seq: 1042,
    status: 'FLAGGED',
    findings: [{ rule: 'physics.efficiency', value: 0.97, limit: 0.95 }],
  },
  request: { headers: { 'content-type': 'application/json', 'x-api-key': 'mrv_live_123456' } },
};

function run(logger: pino.Logger): number {
  for (let i = 0; i < 5_000; i++) logger.info(entry, 'reading verified');
  const started = process.hrtime.bigint();
  for (let i = 0; i < lines; i++) logger.info(entry, 'reading verified');
  return lines / (Number(process.hrtime.bigint() - started) / 1e9);
}

const bare = run(pino({ base: null }, sink));
const ours = withCorrelationId('req-abc-123', () => run(createLogger({ destination: sink })));
process.stdout.write(
  `${JSON.stringify({
    lines,
    bare_pino_lines_per_s: Math.round(bare),
    mrv_logger_lines_per_s: Math.round(ours),
    mrv_over_bare: Math.round((ours / bare) * 100) / 100,
  })}\n`,
);
