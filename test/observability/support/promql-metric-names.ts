/**
 * The metric names a PromQL expression reads — enough of PromQL to check dashboards and rules
 * against the registry, not a parser: strings, label matchers, ranges, label lists of
 * `by`/`without`/`on`/`ignoring`/`group_*` and Grafana variables are removed, then every remaining
 * identifier that is not a function call, keyword or number is a metric name.
 */
const keywords = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'offset',
  'bool',
  'inf',
  'nan',
]);

export function promqlMetricNames(expr: string): string[] {
  // Grafana's label_values(metric, label) names one metric; the label is not one.
  const labelValues = /^\s*label_values\(\s*([A-Za-z_:][\w:]*)/.exec(expr);
  if (labelValues) return [labelValues[1]!];
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\$\{[^}]*\}|\$\w+/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const match of stripped.matchAll(/(?<![\w.:])([A-Za-z_:][\w:]*)(\s*\()?/g)) {
    const [, name, call] = match;
    if (call || keywords.has(name!.toLowerCase())) continue;
    names.add(name!);
  }
  return [...names];
}

/** Every way a registered metric can appear in PromQL: histogram and summary series included. */
export function seriesNamesOf(metric: { name: string; type: string }): string[] {
  if (metric.type === 'histogram')
    return [`${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`];
  if (metric.type === 'summary') return [metric.name, `${metric.name}_sum`, `${metric.name}_count`];
  return [metric.name];
}
