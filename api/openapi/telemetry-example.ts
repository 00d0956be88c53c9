import { createPrivateKey } from 'node:crypto';
import { didKeyFromEd25519Key, signTelemetry } from '../../engine/telemetry/index.ts';

// RFC 8032 §7.1 test 1 key: public on purpose, so anyone can check the example's signature.
export const exampleSeedHex = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
export const examplePublicKeyHex = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const pkcs8 = Buffer.concat([
  Buffer.from('302e020100300506032b657004220420', 'hex'),
  Buffer.from(exampleSeedHex, 'hex'),
]);

/** The example device's private key (the RFC 8032 test key). */
export const exampleDeviceKey = () => createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });

/** A telemetry v1 document signed as a device signs it, for the document's examples. */
export function telemetryExample(seq = 1) {
  const key = exampleDeviceKey();
  return signTelemetry(
    {
      schema_version: '1.0.0',
      device_id: didKeyFromEd25519Key(Buffer.from(examplePublicKeyHex, 'hex')),
      seq,
      timestamp: '2026-02-01T01:00:00Z',
      interval_s: 3600,
      readings: [
        { sensor_id: 'flow_01', type: 'flow_rate', value: 2.8, unit: 'm3/s' },
        { sensor_id: 'head_01', type: 'head', value: 45, unit: 'm' },
        { sensor_id: 'gen_01', type: 'energy', value: 1051.1, unit: 'kWh' },
        { sensor_id: 'exp_01', type: 'energy_export', value: 1030.1, unit: 'kWh' },
      ],
    },
    key,
  );
}
