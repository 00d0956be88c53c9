import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { metricsRegistry } from '../../observability/metrics.ts';
import { promqlMetricNames, seriesNamesOf } from './support/promql-metric-names.ts';

/** Series Prometheus makes itself for every scrape target. */
const prometheusBuiltins = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped']);

interface Panel {
  title?: string;
  type: string;
  datasource?: { type?: string; uid?: string };
  targets?: { expr?: string; datasource?: { type?: string; uid?: string } }[];
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating?: { list: { query?: string | { query?: string } }[] };
}
interface RuleFile {
  groups: { name: string; rules: { record?: string; alert?: string; expr: string }[] }[];
}

const dashboardDir = 'deploy/grafana/dashboards';
const dashboards = readdirSync(dashboardDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, board: JSON.parse(readFileSync(join(dashboardDir, f), 'utf8')) as Dashboard }));
const ruleDir = 'deploy/prometheus/rules';
const ruleFiles = readdirSync(ruleDir)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => ({ file: f, rules: parse(readFileSync(join(ruleDir, f), 'utf8')) as RuleFile }));

const provisionedLogs = parse(
  readFileSync('deploy/grafana/provisioning/datasources/victorialogs.yml', 'utf8'),
).datasources[0] as { type: string; uid: string };
const logsDatasource = { type: provisionedLogs.type, uid: provisionedLogs.uid };

const flatPanels = (panels: Panel[]): Panel[] => panels.flatMap((p) => [p, ...flatPanels(p.panels ?? [])]);

async function registeredSeries(): Promise<Set<string>> {
  const metrics = await metricsRegistry.getMetricsAsJSON();
  return new Set(metrics.flatMap((m) => seriesNamesOf({ name: m.name, type: String(m.type) })));
}

const recorded = new Set(
  ruleFiles.flatMap(({ rules }) => rules.groups.flatMap((g) => g.rules.map((r) => r.record))),
);

function expressions(): { where: string; expr: string }[] {
  const out: { where: string; expr: string }[] = [];
  for (const { file, board } of dashboards) {
    for (const panel of flatPanels(board.panels)) {
      for (const target of panel.targets ?? []) {
        // Logs panels query the log store in LogsQL, not Prometheus (checked in their own test).
        if (target.datasource?.type === logsDatasource.type) continue;
        if (target.expr) out.push({ where: `${file}: ${panel.title}`, expr: target.expr });
      }
    }
    for (const variable of board.templating?.list ?? []) {
      const query = typeof variable.query === 'string' ? variable.query : variable.query?.query;
      if (query) out.push({ where: `${file}: variable`, expr: query });
    }
  }
  for (const { file, rules } of ruleFiles) {
    for (const group of rules.groups) {
      for (const rule of group.rules)
        out.push({ where: `${file}: ${rule.alert ?? rule.record}`, expr: rule.expr });
    }
  }
  return out;
}

describe('dashboards and alert rules against the metric registry', () => {
  it('name only metrics that observability/metrics.ts registers (or recording rules and Prometheus built-ins)', async () => {
    const known = await registeredSeries();
    const unknown: string[] = [];
    const all = expressions();
    expect(all.length).toBeGreaterThan(40);
    for (const { where, expr } of all) {
      const names = promqlMetricNames(expr);
      expect(names.length, `${where} reads no metric: ${expr}`).toBeGreaterThan(0);
      for (const name of names) {
        if (!known.has(name) && !recorded.has(name) && !prometheusBuiltins.has(name))
          unknown.push(`${where}: ${name}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('have the four dashboards with at least 20 panels in all, each panel querying something', () => {
    expect(dashboards.map((d) => d.board.uid).sort()).toEqual([
      'mrv-business',
      'mrv-hedera',
      'mrv-overview',
      'mrv-reviews',
    ]);
    const panels = dashboards.flatMap((d) => flatPanels(d.board.panels).filter((p) => p.type !== 'row'));
    expect(panels.length).toBeGreaterThanOrEqual(20);
    for (const panel of panels) expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
  });

  it('have a logs panel on the VictoriaLogs datasource in every dashboard', () => {
    expect(logsDatasource.type).toBe('victoriametrics-logs-datasource');
    for (const { file, board } of dashboards) {
      const logs = flatPanels(board.panels).filter((p) => p.type === 'logs');
      expect(logs.length, file).toBeGreaterThan(0);
      for (const panel of logs) {
        expect(panel.datasource, `${file}: ${panel.title}`).toEqual(logsDatasource);
        for (const target of panel.targets ?? []) {
          expect(target.datasource).toEqual(logsDatasource);
          expect(target.expr, `${file}: ${panel.title}`).toMatch(/^_time:\$__range /);
        }
      }
    }
  });

  it('have an alert for each required condition', () => {
    const alerts = ruleFiles.flatMap(({ rules }) => rules.groups.flatMap((g) => g.rules.map((r) => r.alert)));
    for (const name of [
      'MrvHighHttpErrorRate',
      'MrvHederaFailureRate',
      'MrvCircuitBreakerOpen',
      'MrvDeadLetters',
      'MrvReviewOverSla',
      'MrvRejectionRateSpike',
      'MrvWorkerDown',
    ]) {
      expect(alerts).toContain(name);
    }
  });

  it('use no high-cardinality label on any registered metric', async () => {
    const forbidden =
      /device|reading|did|transaction_id|workflow_id|run_id|request_id|correlation|seq|path$/i;
    for (const metric of await metricsRegistry.getMetricsAsJSON()) {
      const labels = new Set(metric.values.flatMap((v) => Object.keys(v.labels)));
      const declared =
        (metricsRegistry.getSingleMetric(metric.name) as unknown as { labelNames?: string[] }).labelNames ??
        [];
      for (const label of [...labels, ...declared])
        expect(label, `${metric.name}{${label}}`).not.toMatch(forbidden);
    }
  });
});

describe('PromQL metric-name extraction', () => {
  it('finds metrics inside functions, aggregations and binary operations', () => {
    expect(
      promqlMetricNames(
        'sum by (route, status) (rate(mrv_http_requests_total{status=~"5.."}[5m])) / ignoring(status) group_left sum(rate(other_total[5m] offset 1d)) > 0.05',
      ).sort(),
    ).toEqual(['mrv_http_requests_total', 'other_total']);
  });

  it('keeps histogram suffixes and recording-rule colons', () => {
    expect(
      promqlMetricNames(
        'histogram_quantile(0.95, sum by (le) (rate(x_seconds_bucket[$__rate_interval]))) and mrv:ratio:rate5m > 3 * 1e3',
      ),
    ).toEqual(['x_seconds_bucket', 'mrv:ratio:rate5m']);
  });

  it('ignores label values, strings, Grafana variables and the aggregation label list after the call', () => {
    expect(
      promqlMetricNames('sum(a_total{organization=~"$organization", x="b_total"}) by (organization)'),
    ).toEqual(['a_total']);
    expect(promqlMetricNames('count(x) or vector(0)')).toEqual(['x']);
    expect(promqlMetricNames('label_values(mrv_verifications_total, organization)')).toEqual([
      'mrv_verifications_total',
    ]);
  });

  it('returns nothing for an expression without a metric, and copes with unbalanced input', () => {
    expect(promqlMetricNames('vector(1) + 2')).toEqual([]);
    expect(() => promqlMetricNames('sum(rate(x{a="}[5m]')).not.toThrow();
    expect(promqlMetricNames('(((( '.repeat(1000))).toEqual([]);
  });
});
