import { metricsRegistry } from '../../../observability/metrics.ts';

/**
 * The summed value of one registered metric's series whose labels include `labels`. For a
 * histogram pass `series` ('count' or 'sum') to read that series.
 */
export async function metricValue(
  name: string,
  labels: Record<string, string> = {},
  series?: 'count' | 'sum',
): Promise<number> {
  const metric = metricsRegistry.getSingleMetric(name);
  if (!metric) throw new Error(`metric ${name} is not registered`);
  const wanted = series ? `${name}_${series}` : undefined;
  // Histogram series carry `metricName` (`…_bucket`, `…_sum`, `…_count`); the types omit it.
  const values = (await metric.get()).values as {
    value: number;
    labels: Record<string, unknown>;
    metricName?: string;
  }[];
  return values
    .filter((v) => (wanted ? v.metricName === wanted : !v.metricName || v.metricName === name))
    .filter((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))
    .reduce((sum, v) => sum + v.value, 0);
}
