import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { MeterType } from '../../engine/plant/plant.ts';
import { calibrationStanding } from '../../engine/verification/calibration-validity.ts';
import { calibrationStore } from '../../store/calibration-store.ts';
import { deviceStore } from '../../store/device-store.ts';
import { newId } from '../../store/ids.ts';
import { projectStore } from '../../store/project-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import {
  calibrationJson,
  calibrationSchema,
  calibrationSubmitSchema,
  MAX_CERTIFICATE_BYTES,
} from '../calibration-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { actorFor } from '../policy-actor.ts';
import { policyOfProject } from '../policy-of-project.ts';
import { mountRoute } from '../route.ts';

interface Submission {
  meter_type: MeterType;
  sensor_id?: string;
  accuracy_class: number;
  certificate: {
    certificate_id: string;
    laboratory: string;
    calibrated_on: string;
    next_due: string;
    device_id?: string;
    error_percent?: number;
  };
  document: { media_type: 'application/pdf' | 'application/json'; content_base64: string; sha256: string };
}

/**
 * `POST /v1/devices/{deviceId}/calibrations`: the operator uploads a meter's calibration certificate
 * (a PDF, or JSON, with its sha256). It is refused (422) when the hash does not match the document,
 * when it names another device, when it is dated in the future or already expired, or when a JSON
 * certificate contradicts the stated fields. Accepted certificates wait for the policy's approver
 * (`POST …/calibrations/{calibrationId}/decision`).
 */
export function registerDevicesCalibrationsSubmit(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const devices = deviceStore(ctx.db);
  const calibrations = calibrationStore(ctx.db);
  const projects = projectStore(ctx.db);
  mountRoute<Submission>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/devices/{deviceId}/calibrations',
      operationId: 'submitCalibration',
      summary: "Upload a meter's calibration certificate",
      tag: 'Calibrations',
      auth: 'any',
      params: { deviceId: idSchema('dev') },
      body: { kind: 'json', schema: calibrationSubmitSchema },
      responses: {
        201: {
          description: 'The certificate is stored and waits for the approver',
          schema: calibrationSchema,
        },
      },
    },
    async (c, { params, body, principal }) => {
      const device = await devices.get(principal.tenant, params.deviceId!);
      if (!device) throw new ApiError('NOT_FOUND', `no device ${params.deviceId}`);
      const project = await projects.get(principal.tenant, device.projectId);
      if (!project) throw new ApiError('NOT_FOUND', `no device ${params.deviceId}`);
      // The operator is whoever the policy lets register the device (403 otherwise).
      const policy = await policyOfProject(ctx, principal.tenant, project);
      actorFor(principal, { policy, workflow: 'device_lifecycle', event: 'register' });
      const bytes = Buffer.from(body.document.content_base64, 'base64');
      if (bytes.length === 0 || bytes.length > MAX_CERTIFICATE_BYTES) {
        throw new ApiError(
          'CALIBRATION_REFUSED',
          `the document must be 1 byte to ${MAX_CERTIFICATE_BYTES} bytes`,
        );
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (sha256 !== body.document.sha256) {
        throw new ApiError(
          'CALIBRATION_REFUSED',
          `the document's sha256 is ${sha256}, not the ${body.document.sha256} stated`,
        );
      }
      refuseContradictions(body, bytes, device.did);
      const standing = calibrationStanding(body.certificate, { deviceId: device.did, atMs: Date.now() });
      if (standing.kind !== 'ok') throw new ApiError('CALIBRATION_REFUSED', standingMessage(standing, body));
      const record = await calibrations.insert(principal.tenant, {
        _id: newId('cal'),
        projectId: device.projectId,
        deviceId: device._id,
        did: device.did,
        meterType: body.meter_type,
        ...(body.sensor_id === undefined ? {} : { sensorId: body.sensor_id }),
        accuracyClass: body.accuracy_class,
        certificate: body.certificate,
        document: { mediaType: body.document.media_type, sha256, base64: body.document.content_base64 },
        status: 'submitted',
        submittedBy: principal.keyId,
        submittedAt: new Date(),
      });
      return c.json(calibrationJson(record), 201);
    },
  );
}

function standingMessage(standing: ReturnType<typeof calibrationStanding>, body: Submission): string {
  switch (standing.kind) {
    case 'other_device':
      return `certificate ${body.certificate.certificate_id} names device ${standing.named}, not this device`;
    case 'future_dated':
      return `certificate ${body.certificate.certificate_id} is dated ${body.certificate.calibrated_on}, in the future`;
    case 'overdue':
      return `certificate ${body.certificate.certificate_id} expired on ${body.certificate.next_due}`;
    case 'bad_dates':
      return standing.message;
    default:
      return 'the certificate cannot be accepted';
  }
}

/** A JSON certificate must say what the submission says about itself. */
function refuseContradictions(body: Submission, bytes: Buffer, did: string): void {
  if (body.document.media_type === 'application/pdf') {
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new ApiError('CALIBRATION_REFUSED', 'the document is not a PDF (no %PDF- header)');
    }
    return;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ApiError('CALIBRATION_REFUSED', 'the document is not JSON');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ApiError('CALIBRATION_REFUSED', 'the JSON certificate must be an object');
  }
  const stated = doc as Record<string, unknown>;
  for (const field of ['certificate_id', 'laboratory', 'calibrated_on', 'next_due'] as const) {
    if (stated[field] !== undefined && stated[field] !== body.certificate[field]) {
      throw new ApiError(
        'CALIBRATION_REFUSED',
        `the JSON certificate's ${field} is ${JSON.stringify(stated[field])}, not ${JSON.stringify(body.certificate[field])}`,
      );
    }
  }
  if (stated.device_id !== undefined && stated.device_id !== did) {
    throw new ApiError(
      'CALIBRATION_REFUSED',
      `the JSON certificate names device ${String(stated.device_id)}, not this device`,
    );
  }
}
