import { buildDocument } from '../agent/build-document.ts';
import { DevicePoller } from '../agent/device-poller.ts';
import type { GatewayConfig } from '../agent/gateway-config.ts';
import { privateKeyOf, type VaultSecrets } from '../keys/key-vault.ts';

export interface TestReport {
  ref: string;
  points: Record<string, string>;
  gaps: { sensor_id: string; reason: string }[];
  document?: unknown;
  note?: string;
}

/**
 * `mrv-edge test`: reads every mapped point twice (`gapMs` apart) and prints what it read, with
 * units, and the document it would send for that span (signed, never buffered or sent; the
 * persisted seq is not consumed).
 */
export async function testCommand(
  config: GatewayConfig,
  secrets: VaultSecrets,
  gapMs = 1000,
): Promise<TestReport[]> {
  const reports: TestReport[] = [];
  for (const device of config.devices) {
    const poller = new DevicePoller(
      device,
      config.template_dirs ? { templateDirs: config.template_dirs } : {},
    );
    try {
      const t0 = Date.now();
      await poller.poll(t0);
      const first = poller.take();
      await new Promise((r) => setTimeout(r, gapMs));
      const t1 = Date.now();
      await poller.poll(t1);
      const second = poller.take();
      const counters = Object.fromEntries(
        [...first.counters.values()]
          .filter((c) => c.value !== undefined)
          .map((c) => [c.point.sensor_id, { raw: c.value!, unwrapped: c.value!, at_ms: c.at_ms! }]),
      );
      const interval = device.interval_s ?? config.interval_s;
      const result = buildDocument({
        state: { seq: -1, counters, last_end_ms: t1 - interval * 1000 },
        window: second,
        endMs: t1,
        nominalIntervalS: interval,
        plant: config.plant,
        scope: device.scope,
        did: device.did,
        key: privateKeyOf(secrets.devices[device.did]!),
      });
      reports.push({
        ref: device.ref,
        points: second.summary(),
        gaps: second.gaps(),
        ...(result.document ? { document: result.document } : { note: result.skipped }),
      });
    } finally {
      await poller.close();
    }
  }
  return reports;
}
