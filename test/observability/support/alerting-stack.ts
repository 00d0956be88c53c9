import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { awaitReady } from '../../../stack/await-ready.ts';
import { type ManagedProcess, startManagedProcess } from '../../../stack/managed-process.ts';
import { findFreePort } from '../../../stack/ports.ts';

const toolsBin = resolve(process.env.MRV_TOOLS_DIR ?? '.tools', 'bin');

/** A binary `scripts/install-prometheus.sh` put into .tools/bin; missing means a loud failure, never a skip. */
function tool(name: string): string {
  const path = join(toolsBin, name);
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run 'bash scripts/install-prometheus.sh' (npm test does it first)`);
  }
  return path;
}

export interface AlertingStack {
  prometheusUrl: string;
  alertmanagerUrl: string;
  /** Names of the alerts Alertmanager holds right now (active, i.e. sent by Prometheus as firing). */
  activeAlerts(): Promise<Set<string>>;
  /** PromQL instant query; the first sample's value, or undefined when the result is empty. */
  query(expr: string): Promise<number | undefined>;
  stop(): Promise<void>;
}

/**
 * The real Prometheus and Alertmanager (Debian's packages) with the shipped scrape and evaluation
 * intervals and the shipped rule file; only the scrape targets point at this machine's processes.
 */
export async function startAlertingStack(o: {
  dir: string;
  apiTarget: string;
  workerTarget: string;
}): Promise<AlertingStack> {
  mkdirSync(o.dir, { recursive: true });
  const amPort = await findFreePort();
  const promPort = await findFreePort();
  writeFileSync(
    join(o.dir, 'alertmanager.yml'),
    stringify({ route: { receiver: 'nobody' }, receivers: [{ name: 'nobody' }] }),
  );
  const shipped = parse(readFileSync('deploy/prometheus/prometheus.yml', 'utf8')) as {
    global: Record<string, unknown>;
    scrape_configs: { job_name: string; static_configs: { labels?: Record<string, string> }[] }[];
  };
  const targetOf: Record<string, string> = { 'mrv-api': o.apiTarget, 'mrv-worker': o.workerTarget };
  writeFileSync(
    join(o.dir, 'prometheus.yml'),
    stringify({
      global: shipped.global,
      rule_files: [resolve('deploy/prometheus/rules/mrv-alerts.yml')],
      alerting: { alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${amPort}`] }] }] },
      scrape_configs: shipped.scrape_configs
        .filter((job) => targetOf[job.job_name])
        .map((job) => ({
          ...job,
          static_configs: job.static_configs.map((s) => ({ ...s, targets: [targetOf[job.job_name]] })),
        })),
    }),
  );
  const runDir = join(o.dir, 'run');
  const processes: ManagedProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
  };
  try {
    processes.push(
      startManagedProcess({
        name: 'alertmanager',
        binary: tool('alertmanager'),
        args: [
          `--config.file=${join(o.dir, 'alertmanager.yml')}`,
          `--storage.path=${join(o.dir, 'alertmanager-data')}`,
          `--web.listen-address=127.0.0.1:${amPort}`,
          // A single instance: no gossip port (it would take 9094 on every interface).
          '--cluster.listen-address=',
        ],
        runDir,
      }),
      startManagedProcess({
        name: 'prometheus',
        binary: tool('prometheus'),
        args: [
          `--config.file=${join(o.dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(o.dir, 'prometheus-data')}`,
          `--web.listen-address=127.0.0.1:${promPort}`,
        ],
        runDir,
      }),
    );
    const prometheusUrl = `http://127.0.0.1:${promPort}`;
    const alertmanagerUrl = `http://127.0.0.1:${amPort}`;
    const [alertmanager, prometheus] = processes as [ManagedProcess, ManagedProcess];
    for (const [child, url] of [
      [prometheus, prometheusUrl],
      [alertmanager, alertmanagerUrl],
    ] as const) {
      await awaitReady({
        what: child.name,
        child,
        address: url,
        probe: () => answersOk(`${url}/-/ready`),
        timeoutMs: 60_000,
      });
    }
    return {
      prometheusUrl,
      alertmanagerUrl,
      async activeAlerts() {
        const res = await fetch(`${alertmanagerUrl}/api/v2/alerts?active=true`);
        const alerts = (await res.json()) as { labels: { alertname: string } }[];
        return new Set(alerts.map((a) => a.labels.alertname));
      },
      async query(expr) {
        const res = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
        const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
        const first = body.data.result[0];
        return first ? Number(first.value[1]) : undefined;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Whether `url` answers 2xx (a refused connection is a no, not an error). */
export async function answersOk(url: string): Promise<boolean> {
  return fetch(url).then(
    (r) => r.ok,
    () => false,
  );
}
