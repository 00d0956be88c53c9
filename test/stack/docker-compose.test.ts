import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandNames } from '../../cli/main.ts';
import { variables } from '../../config/index.ts';

// No Docker engine runs here, so the compose file is checked by parsing it and cross-checking it
// against the configuration module, the CLI and the repository's files.
interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: string[] | Record<string, unknown>;
  volumes?: string[];
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const knownVariables = new Set<string>(variables.map((v) => v.name));
const mrvServices = Object.entries(services).filter(([, s]) => s.build !== undefined);

function hostOf(value: string): string {
  return new URL(value.includes('://') ? value : `tcp://${value}`).hostname;
}

describe('docker-compose.yml', () => {
  it('has the production-like services', () => {
    for (const name of ['mongo', 'temporal', 'temporal-ui', 'api', 'worker', 'prometheus', 'grafana']) {
      expect(services[name], name).toBeDefined();
    }
    expect(services.mongo?.image).toMatch(/^mongo:7/);
  });

  it('sets every variable the API and the worker require', () => {
    for (const process of ['api', 'worker'] as const) {
      const env = services[process]?.environment ?? {};
      const required = variables.filter(
        (v) => 'requiredFor' in v && (v.requiredFor as readonly string[]).includes(process),
      );
      expect(required.length).toBeGreaterThan(0);
      for (const spec of required) expect(env[spec.name], `${process}: ${spec.name}`).toBeTruthy();
      expect(env.MRV_MASTER_KEY, `${process}: keys are encrypted at rest`).toMatch(/^\$\{MRV_MASTER_KEY:\?/);
    }
  });

  it('uses only variables the configuration module knows', () => {
    for (const [name, service] of mrvServices) {
      for (const variable of Object.keys(service.environment ?? {})) {
        expect(knownVariables.has(variable), `${name}: unknown variable ${variable}`).toBe(true);
      }
    }
  });

  it('points the services at hosts that exist in the compose network', () => {
    const env = services.api?.environment ?? {};
    expect(services[hostOf(env.MONGODB_URI!)]).toBeDefined();
    expect(services[hostOf(env.TEMPORAL_ADDRESS!)]).toBeDefined();
    expect(services[hostOf(env.HEDERA_LOCAL_HOST!)]).toBeDefined();
    expect(services[hostOf(env.HEDERA_MIRROR_URL!.replace(/\$\{[A-Z_]+:-(.*)\}/, '$1'))]).toBeDefined();
  });

  it('ships the API and worker logs to the VictoriaLogs service Grafana reads', () => {
    for (const process of ['api', 'worker'] as const) {
      const url = services[process]?.environment?.LOG_STORE_URL;
      expect(url, process).toBeDefined();
      expect(services[hostOf(url!)]?.image).toMatch(/^victoriametrics\/victoria-logs:v1\.52\./);
    }
    const grafana = services.grafana?.environment ?? {};
    expect(grafana.GF_PLUGINS_PREINSTALL).toContain('victoriametrics-logs-datasource');
    const datasource = parse(readFileSync('deploy/grafana/provisioning/datasources/victorialogs.yml', 'utf8'))
      .datasources[0] as { url: string };
    expect(services[hostOf(datasource.url)]).toBeDefined();
  });

  it('publishes the API on the port it listens on', () => {
    const api = services.api!;
    const containerPorts = (api.ports ?? []).map((p) => p.split(':').pop());
    expect(containerPorts).toContain(api.environment?.API_PORT);
  });

  it('runs commands the mrv CLI has', () => {
    for (const [name, service] of mrvServices) {
      expect(commandNames, `${name} runs 'mrv ${service.command?.[0]}'`).toContain(service.command?.[0]);
    }
  });

  it('depends only on services it defines and mounts files that exist', () => {
    for (const [name, service] of Object.entries(services)) {
      const deps = Array.isArray(service.depends_on)
        ? service.depends_on
        : Object.keys(service.depends_on ?? {});
      for (const dep of deps) expect(services[dep], `${name} depends on ${dep}`).toBeDefined();
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!;
        if (source.startsWith('./')) expect(existsSync(source), `${name} mounts ${source}`).toBe(true);
        else expect(compose.volumes[source] !== undefined, `${name} uses volume ${source}`).toBe(true);
      }
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8');
  it('is multi-stage and runs as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toBe('root');
  });
  it('installs only production packages and starts the mrv CLI', () => {
    expect(dockerfile).toContain('npm ci --omit=dev');
    expect(dockerfile).toMatch(/ENTRYPOINT \["node", "bin\/mrv.js"\]/);
  });
});
