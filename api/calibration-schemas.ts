import plantSchema from '../schemas/plant.schema.json' with { type: 'json' };
import type { Calibration } from '../store/calibration-store.ts';
import type { JsonSchema } from './schema-validator.ts';

/** Largest certificate document accepted (decoded): a scanned PDF of a few pages. */
export const MAX_CERTIFICATE_BYTES = 2 * 1024 * 1024;

const meterTypes = plantSchema.$defs.meter.properties.type.enum;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/** `POST /v1/devices/{deviceId}/calibrations`: the certificate's essentials and the document with its hash. */
export const calibrationSubmitSchema: JsonSchema = {
  title: 'CalibrationSubmission',
  type: 'object',
  additionalProperties: false,
  required: ['meter_type', 'accuracy_class', 'certificate', 'document'],
  properties: {
    meter_type: { enum: meterTypes },
    sensor_id: { type: 'string', minLength: 1, maxLength: 64 },
    accuracy_class: { type: 'number', exclusiveMinimum: 0, maximum: 10 },
    certificate: {
      type: 'object',
      additionalProperties: false,
      required: ['certificate_id', 'laboratory', 'calibrated_on', 'next_due'],
      properties: {
        certificate_id: { type: 'string', minLength: 1, maxLength: 128, pattern: '\\S' },
        laboratory: { type: 'string', minLength: 1, maxLength: 256, pattern: '\\S' },
        calibrated_on: date,
        next_due: date,
        device_id: { type: 'string', minLength: 8, maxLength: 512 },
        error_percent: { type: 'number', minimum: -100, maximum: 100 },
      },
    },
    document: {
      type: 'object',
      additionalProperties: false,
      required: ['media_type', 'content_base64', 'sha256'],
      properties: {
        media_type: { enum: ['application/pdf', 'application/json'] },
        content_base64: {
          type: 'string',
          minLength: 4,
          maxLength: Math.ceil(MAX_CERTIFICATE_BYTES / 3) * 4,
          pattern: '^[A-Za-z0-9+/]+={0,2}$',
        },
        sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      },
    },
  },
  examples: [
    {
      meter_type: 'energy_export',
      sensor_id: 'exp_01',
      accuracy_class: 0.2,
      certificate: {
        certificate_id: 'NABL-CC-2026-0118',
        laboratory: 'ERDA Vadodara',
        calibrated_on: '2026-05-02',
        next_due: '2028-05-01',
        error_percent: -0.06,
      },
      document: { media_type: 'application/pdf', content_base64: 'JVBERi0xLjQK…', sha256: '9f86d0…' },
    },
  ],
};

/** A calibration as the API shows it (the document itself is not echoed, only its hash). */
export function calibrationJson(c: Calibration) {
  return {
    id: c._id,
    device_id: c.deviceId,
    device_did: c.did,
    meter_type: c.meterType,
    ...(c.sensorId === undefined ? {} : { sensor_id: c.sensorId }),
    accuracy_class: c.accuracyClass,
    certificate: c.certificate,
    document: { media_type: c.document.mediaType, sha256: c.document.sha256 },
    status: c.status,
    submitted_at: c.submittedAt.toISOString(),
    ...(c.decision
      ? {
          decision: {
            decision: c.decision.decision,
            reason: c.decision.reason,
            reviewer: c.decision.reviewer,
            decided_at: c.decision.decidedAt.toISOString(),
          },
        }
      : {}),
    ...(c.credentialId ? { credential_id: c.credentialId } : {}),
  };
}
