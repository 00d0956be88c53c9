import { describe, expect, it } from 'vitest';
import { signTelemetry } from '../../../engine/telemetry/index.ts';
import { createVerifier, defaultVerificationConfig } from '../../../engine/verification/index.ts';
import { hour, NOW, newDevice, signedReading, smallPlant } from './support.ts';

const clean = { flow: 2.5, head: 45, energy: 900 };

describe('authenticity', () => {
  it('rejects a document whose values were changed after signing', () => {
    const device = newDevice();
    const verifier = createVerifier({ config: defaultVerificationConfig(), plant: smallPlant([device]) });
    const doc = signedReading(device, 1, hour(1), clean);
    doc.readings[2]!.value = 950;
    const verdict = verifier.verify(doc, NOW).verdict;
    expect(verdict.status).toBe('REJECTED');
    expect(verdict.findings).toContainEqual(
      expect.objectContaining({ rule: 'signature', severity: 'error' }),
    );
  });

  it("rejects a document signed by another device's key", () => {
    const device = newDevice();
    const impostor = newDevice();
    const verifier = createVerifier({ config: defaultVerificationConfig(), plant: smallPlant([device]) });
    const { signature: _s, ...unsigned } = signedReading(device, 1, hour(1), clean);
    const forged = signTelemetry(unsigned, impostor.privateKey);
    expect(verifier.verify(forged, NOW).verdict.findings.map((f) => f.rule)).toContain('signature');
  });

  it('rejects a malformed signature without throwing', () => {
    const device = newDevice();
    const verifier = createVerifier({ config: defaultVerificationConfig(), plant: smallPlant([device]) });
    const doc = { ...signedReading(device, 1, hour(1), clean), signature: 'AAAA' };
    expect(verifier.verify(doc, NOW).verdict.findings.map((f) => f.rule)).toContain('signature');
  });

  it('rejects a device that is not registered to the plant', () => {
    const device = newDevice();
    const stranger = newDevice();
    const verifier = createVerifier({ config: defaultVerificationConfig(), plant: smallPlant([device]) });
    const verdict = verifier.verify(signedReading(stranger, 1, hour(1), clean), NOW).verdict;
    expect(verdict.status).toBe('REJECTED');
    expect(verdict.findings).toContainEqual(expect.objectContaining({ rule: 'device', severity: 'error' }));
    expect(verifier.stateOf(stranger.did)).toBeUndefined();
  });

  it('rejects an inactive device', () => {
    const device = newDevice();
    const plant = smallPlant([device]);
    plant.devices![0]!.active = false;
    const verifier = createVerifier({ config: defaultVerificationConfig(), plant });
    const verdict = verifier.verify(signedReading(device, 1, hour(1), clean), NOW).verdict;
    expect(verdict.findings).toContainEqual(
      expect.objectContaining({ rule: 'device', message: 'device is inactive' }),
    );
  });

  it('uses an injected key resolver for DIDs that are not did:key', () => {
    const device = newDevice();
    const hederaDid = 'did:hedera:testnet:z6Mkexample_0.0.12345';
    const plant = smallPlant([]);
    plant.devices = [{ device_id: hederaDid, scope: 'U1' }];
    const { signature: _s, ...unsigned } = signedReading(device, 1, hour(1), clean);
    const doc = signTelemetry({ ...unsigned, device_id: hederaDid }, device.privateKey);
    const withoutKeys = createVerifier({ config: defaultVerificationConfig(), plant });
    expect(withoutKeys.verify(doc, NOW).verdict.status).toBe('REJECTED');
    const publicKey = Buffer.from(device.privateKey.export({ format: 'jwk' }).x!, 'base64url');
    const withKeys = createVerifier({
      config: defaultVerificationConfig(),
      plant,
      resolveDeviceKey: (id) => (id === hederaDid ? publicKey : undefined),
    });
    expect(withKeys.verify(doc, NOW).verdict.status).toBe('APPROVED');
  });
});
