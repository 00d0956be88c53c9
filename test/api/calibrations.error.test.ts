import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiHarness,
  call,
  createKey,
  registerOrganization,
  startApiHarness,
} from './support/api-harness.ts';
import { setUpProject } from './support/fixtures.ts';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function submission(
  did: string,
  overrides: { certificate?: Record<string, unknown>; json?: unknown; pdf?: Buffer; sha256?: string } = {},
) {
  const certificate = {
    certificate_id: 'NABL-CC-2026-0118',
    laboratory: 'ERDA Vadodara',
    calibrated_on: '2025-05-02',
    next_due: '2099-05-01',
    device_id: did,
    ...overrides.certificate,
  };
  const bytes = overrides.pdf ?? Buffer.from(JSON.stringify(overrides.json ?? certificate));
  return {
    meter_type: 'energy_export',
    sensor_id: 'exp_01',
    accuracy_class: 0.2,
    certificate,
    document: {
      media_type: overrides.pdf ? 'application/pdf' : 'application/json',
      content_base64: bytes.toString('base64'),
      sha256: overrides.sha256 ?? sha(bytes),
    },
  };
}

describe('calibration certificates: upload and decision', () => {
  let h: ApiHarness;
  let org: { key: string; orgId: string };
  let setup: Awaited<ReturnType<typeof setUpProject>>;
  const path = () => `/v1/devices/${setup.device.id}/calibrations`;
  beforeAll(async () => {
    h = await startApiHarness('calibrations_error');
    org = await registerOrganization(h.app());
    setup = await setUpProject(h.app(), org.key);
  });
  afterAll(async () => await h?.close());

  it('stores a JSON certificate with its hash, and a PDF, and lists them without the document', async () => {
    const res = await call(h.app(), 'POST', path(), { key: org.key, body: submission(setup.device.did) });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      status: 'submitted',
      meter_type: 'energy_export',
      device_did: setup.device.did,
    });
    expect(res.json.id).toMatch(/^cal_/);
    const pdf = Buffer.from('%PDF-1.4\n% calibration certificate\n');
    const asPdf = await call(h.app(), 'POST', path(), {
      key: org.key,
      body: submission(setup.device.did, { pdf }),
    });
    expect(asPdf.status).toBe(201);
    expect(asPdf.json.document).toEqual({ media_type: 'application/pdf', sha256: sha(pdf) });
    const list = await call(h.app(), 'GET', path(), { key: org.key });
    expect(list.json.data).toHaveLength(2);
    expect(list.text).not.toContain('content_base64');
  });

  it.each([
    ['a hash that does not match the document', { sha256: 'ab'.repeat(32) }, /sha256/],
    [
      'a certificate for another device',
      { certificate: { device_id: 'did:key:z6MkAnotherDevice' } },
      /names device/,
    ],
    [
      'a future-dated certificate',
      { certificate: { calibrated_on: '2099-01-01', next_due: '2100-01-01' } },
      /in the future/,
    ],
    [
      'an expired certificate',
      { certificate: { calibrated_on: '2020-01-01', next_due: '2022-01-01' } },
      /expired/,
    ],
    ['impossible dates', { certificate: { calibrated_on: '2025-02-30' } }, /not dates/],
    ['a PDF that is not one', { pdf: Buffer.from('hello') }, /not a PDF/],
    ['a JSON document that contradicts the fields', { json: { certificate_id: 'OTHER' } }, /certificate_id/],
  ])('refuses %s with 422 problem+json', async (_name, overrides, message) => {
    const res = await call(h.app(), 'POST', path(), {
      key: org.key,
      body: submission(setup.device.did, overrides),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(res.json.detail).toMatch(message);
  });

  it('refuses malformed bodies with 400 and unknown devices with 404', async () => {
    const bad = { ...submission(setup.device.did), meter_type: 'ph' };
    expect((await call(h.app(), 'POST', path(), { key: org.key, body: bad })).status).toBe(400);
    const notBase64 = submission(setup.device.did);
    notBase64.document.content_base64 = '<script>';
    expect((await call(h.app(), 'POST', path(), { key: org.key, body: notBase64 })).status).toBe(400);
    const missing = await call(h.app(), 'POST', '/v1/devices/dev_0000000000000000000000/calibrations', {
      key: org.key,
      body: submission(setup.device.did),
    });
    expect(missing.status).toBe(404);
  });

  it('keeps the meters a device is registered with, and refuses a meter certificate for another device or a malformed meter', async () => {
    const meters = [
      {
        type: 'energy_export',
        sensor_id: 'exp_01',
        accuracy_class: 0.2,
        full_scale: 5000,
        calibration: {
          certificate_id: 'C-1',
          laboratory: 'ERDA',
          calibrated_on: '2025-05-02',
          next_due: '2027-05-01',
        },
      },
    ];
    const provision = (body: Record<string, unknown>) =>
      call(h.app(), 'POST', '/v1/devices/provision', {
        key: org.key,
        body: { project_id: setup.projectId, ...body },
      });
    const made = await provision({ meters });
    expect(made.status).toBe(201);
    expect(made.json.device.meters).toEqual(meters);
    const got = await call(h.app(), 'GET', `/v1/devices/${made.json.device.id}`, { key: org.key });
    expect(got.json.meters).toEqual(meters);

    const other = structuredClone(meters);
    other[0]!.calibration = { ...other[0]!.calibration, device_id: setup.device.did } as never;
    const refused = await provision({ meters: other });
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([
      { in: 'body', pointer: '/meters/0/calibration/device_id', message: 'another device' },
    ]);
    for (const bad of [
      [{ ...meters[0], accuracy_class: 'x' }],
      [{ ...meters[0], type: 'ph' }],
      [{ ...meters[0], accuracy_class: Number.MAX_VALUE }],
      [{ ...meters[0], calibration: { ...meters[0]!.calibration, calibrated_on: 'yesterday' } }],
    ]) {
      expect((await provision({ meters: bad })).status).toBe(400);
    }
  });

  it("lets only the policy's approver decide", async () => {
    const created = await call(h.app(), 'POST', path(), { key: org.key, body: submission(setup.device.did) });
    // The organization's admin key runs the registry and develops projects; it does not verify.
    const res = await call(h.app(), 'POST', `${path()}/${created.json.id}/decision`, {
      key: org.key,
      body: { decision: 'approve', reason: 'looks fine' },
    });
    expect(res.status).toBe(403);
    expect(res.json.detail).toMatch(/verifier/);
    // A verifier may not upload.
    const verifier = await createKey(h.app(), org.key, ['review:write'], 'verifier');
    const upload = await call(h.app(), 'POST', path(), {
      key: verifier.key,
      body: submission(setup.device.did),
    });
    expect(upload.status).toBe(403);
  });
});
