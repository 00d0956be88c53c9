import type { Collector } from '../collectors/collector.ts';
import { connectionProtocol, createCollector } from '../collectors/create-collector.ts';
import { type ConnectionState, reconnecting } from '../collectors/reconnecting-collector.ts';
import { applyAnalog } from '../template/apply-analog.ts';
import { EdgeError } from '../template/edge-error.ts';
import { type Point, resolvePoints } from '../template/edge-template.ts';
import { loadTemplate } from '../template/template-library.ts';
import type { GatewayDevice } from './gateway-config.ts';
import { IntervalWindow } from './interval-window.ts';

interface Source {
  collector: Collector & { state: ConnectionState };
  points: Point[];
}

/**
 * Reads every mapped point of one device once per poll into the current interval's window. Sources
 * are read one after another (one bus master per serial line), points in template order; each read
 * is timed out and a failure is a gap for that point only.
 */
export class DevicePoller {
  window = new IntervalWindow();
  readonly sources: Source[];

  constructor(
    readonly device: GatewayDevice,
    options: { templateDirs?: readonly string[]; now?: () => number; backoffBaseMs?: number } = {},
  ) {
    const timeoutMs = device.read_timeout_ms ?? 2000;
    this.sources = device.sources.map((s) => {
      const template = loadTemplate(s.template, options.templateDirs);
      const expected = connectionProtocol[s.connection.protocol];
      if (template.protocol !== expected) {
        throw new EdgeError(
          'CONFIG_INVALID',
          `device ${device.ref}: template ${s.template} speaks ${template.protocol}, the connection ${s.connection.protocol}`,
        );
      }
      const points = resolvePoints(template);
      const inner = createCollector(s.connection, points, {
        timeoutMs,
        ...(options.now ? { now: options.now } : {}),
      });
      return {
        points,
        collector: reconnecting(inner, {
          readTimeoutMs: timeoutMs,
          ...(options.now ? { now: options.now } : {}),
          ...(options.backoffBaseMs !== undefined ? { baseMs: options.backoffBaseMs } : {}),
        }),
      };
    });
  }

  async poll(atMs: number): Promise<void> {
    for (const source of this.sources) {
      for (const point of source.points) {
        const sample = applyAnalog(await source.collector.collect(point), point);
        this.window.add(point, sample, atMs);
      }
    }
  }

  /** Hands over the finished interval's window and starts a new one. */
  take(): IntervalWindow {
    const done = this.window;
    this.window = new IntervalWindow();
    return done;
  }

  connections(): ConnectionState[] {
    return this.sources.map((s) => ({ ...s.collector.state }));
  }

  async close(): Promise<void> {
    for (const s of this.sources) await s.collector.close().catch(() => undefined);
  }
}
