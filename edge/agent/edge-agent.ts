import { join } from 'node:path';
import { acquireAgentLock } from '../buffer/agent-lock.ts';
import { DocumentBuffer } from '../buffer/document-buffer.ts';
import { createBackoff } from '../collectors/backoff.ts';
import {
  keyForCertificate,
  type RenewalStore,
  renewalDueAt,
  renewCertificate,
} from '../enrollment/certificate-renewal.ts';
import { privateKeyOf, type VaultSecrets } from '../keys/key-vault.ts';
import { type DrainStep, drainOnce } from '../sender/drain-buffer.ts';
import { createHttpClient, type HttpClient, type TlsPem } from '../sender/http-client.ts';
import { EdgeError } from '../template/edge-error.ts';
import { buildDocument, type DeviceRunState } from './build-document.ts';
import { DevicePoller } from './device-poller.ts';
import type { GatewayConfig } from './gateway-config.ts';

export interface AgentLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface EdgeAgentOptions {
  config: GatewayConfig;
  secrets: VaultSecrets;
  dataDir: string;
  log: AgentLog;
  /** The agent's clock (tests run a week in seconds with a fast one). */
  now?: () => number;
  backoffBaseMs?: number;
  /** Where a renewed client certificate is stored; without it the agent does not renew (tests). */
  renewal?: RenewalStore;
}

/** After a failed renewal, try again in an hour: the old certificate has a month left. */
const RENEW_RETRY_MS = 3_600_000;

const DEFAULT_BATCH = 500;
const DEFAULT_DRIFT_S = 30;

/**
 * The agent: pollers per device, interval close (build + sign + buffer in one transaction per
 * interval), and the drain to the API. `run` drives them with timers; tests call `poll`,
 * `closeInterval` and `drain` directly with their own clock.
 */
export class EdgeAgent {
  readonly buffer: DocumentBuffer;
  readonly pollers: DevicePoller[];
  private client: HttpClient;
  private config: GatewayConfig;
  private secrets: VaultSecrets;
  private renewAtMs: number | undefined;
  private readonly lock: { release(): void };
  private readonly keys: Map<string, ReturnType<typeof privateKeyOf>>;
  private readonly now: () => number;
  private batch: number;
  private readonly sendBackoff;
  private stopped = false;

  constructor(private readonly options: EdgeAgentOptions) {
    const { config, secrets, dataDir, log } = options;
    this.config = config;
    this.secrets = secrets;
    this.now = options.now ?? Date.now;
    this.renewAtMs = config.tls && options.renewal ? renewalDueAt(config.tls.cert) : undefined;
    const dbPath = join(dataDir, 'buffer.db');
    const lock = acquireAgentLock(dbPath);
    this.lock = lock;
    if (lock.staleLockRemoved) log.warn('removed a stale buffer lock left by a killed agent', { db: dbPath });
    if (lock.uncleanShutdown)
      log.warn('the last agent did not shut down cleanly: checking the buffer', { db: dbPath });
    this.buffer = DocumentBuffer.open(dbPath, {
      maxMb: config.buffer?.max_mb ?? 1024,
      integrityCheck: lock.uncleanShutdown,
    });
    if (this.buffer.quarantined) {
      log.error('the buffer file was corrupt: moved aside, a new buffer started', {
        moved_to: this.buffer.quarantined,
      });
      this.buffer.setMeta('quarantined', { at_ms: this.now(), path: this.buffer.quarantined });
    }
    this.keys = new Map(
      config.devices.map((d) => {
        const jwk = secrets.devices[d.did];
        if (!jwk) throw new EdgeError('KEY_VAULT', `no key for device ${d.ref} (${d.did}) in the vault`);
        return [d.ref, privateKeyOf(jwk)];
      }),
    );
    this.pollers = config.devices.map(
      (d) =>
        new DevicePoller(d, {
          ...(config.template_dirs ? { templateDirs: config.template_dirs } : {}),
          now: this.now,
          ...(options.backoffBaseMs !== undefined ? { backoffBaseMs: options.backoffBaseMs } : {}),
        }),
    );
    this.client = createHttpClient({
      baseUrl: config.api_url,
      ...(config.tls ? { tls: tlsOf(config, secrets) } : {}),
    });
    this.batch = config.buffer?.batch ?? DEFAULT_BATCH;
    this.sendBackoff = createBackoff({ baseMs: options.backoffBaseMs ?? 1000, capMs: 60_000 });
  }

  intervalMs(): number {
    return this.options.config.interval_s * 1000;
  }

  async poll(atMs = this.now()): Promise<void> {
    for (const p of this.pollers) await p.poll(atMs);
    const reads = Object.fromEntries(
      this.pollers.map((p) => [
        p.device.ref,
        { at_ms: atMs, values: p.window.summary(), connections: p.connections() },
      ]),
    );
    this.buffer.setMeta('last_reads', reads);
  }

  /**
   * Closes the interval ending at `endMs` for every device: documents are built, signed and stored
   * with the devices' next states in one transaction. On a full buffer nothing is stored, the
   * devices keep their previous state (the next document spans the lost interval) and the status says so.
   */
  closeInterval(endMs: number): { built: number; skipped: string[] } {
    const { config, log } = this.options;
    const entries: {
      ref: string;
      document?: ReturnType<typeof buildDocument>['document'];
      state: DeviceRunState;
    }[] = [];
    const skipped: string[] = [];
    for (const poller of this.pollers) {
      const d = poller.device;
      const window = poller.take();
      const state = this.buffer.state(d.ref) ?? { seq: -1, counters: {} };
      const result = buildDocument({
        state,
        window,
        endMs,
        nominalIntervalS: d.interval_s ?? config.interval_s,
        plant: config.plant,
        scope: d.scope,
        did: d.did,
        key: this.keys.get(d.ref)!,
      });
      if (!result.document) skipped.push(`${d.ref}: ${result.skipped}`);
      entries.push({
        ref: d.ref,
        ...(result.document ? { document: result.document } : {}),
        state: result.state,
      });
    }
    try {
      this.buffer.commit(entries, this.now());
      this.buffer.setMeta('buffer_full', null);
    } catch (error) {
      if (!(error instanceof EdgeError) || error.code !== 'BUFFER_FULL') throw error;
      log.error('buffer full: this interval is not stored; the next document spans it', {
        detail: error.message,
      });
      try {
        this.buffer.setMeta('buffer_full', { at_ms: this.now(), detail: error.message });
      } catch {
        // The meta row cannot be written either when the disk is full; the log line stands.
      }
      return { built: 0, skipped: ['buffer full'] };
    }
    for (const s of skipped) log.warn('no document for this interval', { detail: s });
    return { built: entries.filter((e) => e.document).length, skipped };
  }

  /**
   * Renews the client certificate once it is due (two thirds of its life, jittered); a failure is
   * logged and retried an hour later. New connections use the new certificate at once.
   */
  async renewCertificateIfDue(): Promise<'renewed' | 'not_due' | 'failed'> {
    const store = this.options.renewal;
    if (!store || this.renewAtMs === undefined || this.now() < this.renewAtMs) return 'not_due';
    const { log } = this.options;
    try {
      const renewed = await renewCertificate({
        client: this.client,
        config: this.config,
        secrets: this.secrets,
        store,
      });
      const old = this.client;
      this.config = renewed.config;
      this.secrets = renewed.secrets;
      this.client = createHttpClient({ baseUrl: this.config.api_url, tls: tlsOf(this.config, this.secrets) });
      old.close();
      this.renewAtMs = renewalDueAt(renewed.enrolled.certPem);
      this.buffer.setMeta('certificate', { renewed_at_ms: this.now(), not_after: renewed.enrolled.notAfter });
      log.info('client certificate renewed', { not_after: renewed.enrolled.notAfter });
      return 'renewed';
    } catch (error) {
      this.renewAtMs = this.now() + RENEW_RETRY_MS;
      log.error('client certificate renewal failed; the current one is kept, retrying in an hour', {
        detail: (error as Error).message,
        not_after: this.config.tls?.not_after,
      });
      return 'failed';
    }
  }

  /** One drain step; the status meta records the outcome and the clock drift. */
  async drain(): Promise<DrainStep> {
    const { config, secrets } = this;
    const { log } = this.options;
    const step = await drainOnce(this.buffer, this.client, {
      ...(secrets.api_key ? { apiKey: secrets.api_key } : {}),
      batch: this.batch,
      now: this.now,
    });
    this.batch = step.outcome === 'sent' ? (config.buffer?.batch ?? DEFAULT_BATCH) : step.nextBatch;
    if (step.outcome !== 'idle') {
      this.buffer.setMeta('last_submit', { at_ms: this.now(), ...step });
    }
    if (step.driftS !== undefined) {
      const max = config.clock?.max_drift_s ?? DEFAULT_DRIFT_S;
      this.buffer.setMeta('clock_drift_s', step.driftS);
      if (Math.abs(step.driftS) > max) {
        log.warn('the gateway clock drifts from the server', { drift_s: step.driftS, max_drift_s: max });
      }
    }
    if (step.deadLettered > 0)
      log.error('documents refused by the API moved to the dead-letter table', {
        count: step.deadLettered,
        detail: step.detail,
      });
    if (step.outcome === 'wait' || step.outcome === 'halted')
      log.warn('telemetry not delivered yet', { detail: step.detail });
    return step;
  }

  /** Runs until `stop()`: polls every poll_s, closes intervals on the wall-clock grid, drains continuously. */
  async run(): Promise<void> {
    const pollMs = Math.min(...this.options.config.devices.map((d) => (d.poll_s ?? 10) * 1000));
    let nextEnd = Math.floor(this.now() / this.intervalMs()) * this.intervalMs() + this.intervalMs();
    const sender = this.sendLoop();
    while (!this.stopped) {
      await this.poll();
      if (this.now() >= nextEnd) {
        this.closeInterval(nextEnd);
        nextEnd += this.intervalMs();
        while (nextEnd <= this.now()) nextEnd += this.intervalMs();
      }
      await sleep(Math.max(10, Math.min(pollMs, nextEnd - this.now())));
    }
    await sender;
  }

  private async sendLoop(): Promise<void> {
    while (!this.stopped) {
      await this.renewCertificateIfDue();
      const step = await this.drain().catch((error: unknown) => {
        this.options.log.error('drain failed', { detail: (error as Error).message });
        return { outcome: 'wait' } as DrainStep;
      });
      if (step.outcome === 'sent') {
        this.sendBackoff.reset();
        continue;
      }
      const wait = step.outcome === 'idle' ? 1000 : (step.waitMs ?? this.sendBackoff.next());
      await sleep(wait, () => this.stopped);
    }
  }

  stop(): void {
    this.stopped = true;
  }

  async close(): Promise<void> {
    this.stopped = true;
    for (const p of this.pollers) await p.close();
    this.client.close();
    this.buffer.close();
    this.lock.release();
  }
}

async function sleep(ms: number, cancelled: () => boolean = () => false): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !cancelled()) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, until - Date.now())));
  }
}

/** The client certificate from the configuration, its key from the vault. */
export function tlsOf(config: GatewayConfig, secrets: VaultSecrets): TlsPem {
  if (!config.tls) return {};
  if (!secrets.tls_key) throw new EdgeError('KEY_VAULT', 'the vault holds no TLS key: pair again');
  const key = keyForCertificate(config.tls.cert, secrets);
  if (!key)
    throw new EdgeError('KEY_VAULT', 'no key in the vault belongs to the configured certificate: pair again');
  return { cert: config.tls.cert, key, ...(config.tls.ca ? { ca: config.tls.ca } : {}) };
}
