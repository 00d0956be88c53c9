import plantSchema from '../schemas/plant.schema.json' with { type: 'json' };
import type { Calibration } from '../store/calibration-store.ts';
import { namedSchema } from './openapi/named-schema.ts';
import type { JsonSchema } from './schema-validator.ts';

/** Largest certificate document accepted (decoded): a scanned PDF of a few pages. */
export const MAX_CERTIFICATE_BYTES = 2 * 1024 * 1024;

const meterTypes = plantSchema.$defs.meter.properties.type.enum;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/** The calibration certificate's essentials, as the laboratory issued them. */
const calibrationCertificateSchema = namedSchema('CalibrationCertificate', {
  type: 'object',
  additionalProperties: false,
  required: ['certificate_id', 'laboratory', 'calibrated_on', 'next_due'],
  properties: {
    certificate_id: { type: 'string', minLength: 1, maxLength: 128, pattern: '\\S' },
    laboratory: { type: 'string', minLength: 1, maxLength: 256, pattern: '\\S' },
    calibrated_on: { ...date, description: 'A real calendar date, not in the future (422 otherwise)' },
    next_due: { ...date, description: 'After calibrated_on; a lapsed certificate is refused (422)' },
    device_id: {
      type: 'string',
      minLength: 8,
      maxLength: 512,
      description:
        "The device the laboratory calibrated, if it names one: it must be this device's DID (422)",
    },
    error_percent: { type: 'number', minimum: -100, maximum: 100 },
  },
});

/** The certificate document itself (PDF or JSON) with the hash the operator computed. */
const calibrationDocumentSchema = namedSchema('CalibrationDocument', {
  type: 'object',
  additionalProperties: false,
  required: ['media_type', 'content_base64', 'sha256'],
  properties: {
    media_type: { enum: ['application/pdf', 'application/json'] },
    content_base64: {
      type: 'string',
      description: 'The document, base64: a PDF (starting %PDF-) or JSON, as media_type says (422 otherwise)',
      minLength: 4,
      maxLength: Math.ceil(MAX_CERTIFICATE_BYTES / 3) * 4,
      pattern: '^[A-Za-z0-9+/]+={0,2}$',
    },
    sha256: {
      type: 'string',
      pattern: '^[0-9a-f]{64}$',
      description: 'Hex SHA-256 of the decoded content: a mismatch is refused (422)',
    },
  },
});

/** `POST /v1/devices/{deviceId}/calibrations`: the certificate's essentials and the document with its hash. */
export const calibrationSubmitSchema: JsonSchema = namedSchema('CalibrationSubmission', {
  type: 'object',
  additionalProperties: false,
  required: ['meter_type', 'accuracy_class', 'certificate', 'document'],
  properties: {
    meter_type: { enum: meterTypes },
    sensor_id: { type: 'string', minLength: 1, maxLength: 64 },
    accuracy_class: { type: 'number', exclusiveMinimum: 0, maximum: 10 },
    certificate: calibrationCertificateSchema,
    document: calibrationDocumentSchema,
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
      document: {
        media_type: 'application/pdf',
        content_base64: 'JVBERi0xLjQK',
        sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      },
    },
  ],
});

/** A calibration as the API shows it (`calibrationJson`): the document only by its hash. */
export const calibrationSchema = namedSchema('Calibration', {
  type: 'object',
  required: [
    'id',
    'device_id',
    'device_did',
    'meter_type',
    'accuracy_class',
    'certificate',
    'document',
    'status',
    'submitted_at',
  ],
  properties: {
    id: { type: 'string', pattern: '^cal_' },
    device_id: { type: 'string', pattern: '^dev_' },
    device_did: { type: 'string' },
    meter_type: { enum: meterTypes },
    sensor_id: { type: 'string' },
    accuracy_class: { type: 'number' },
    certificate: calibrationCertificateSchema,
    document: namedSchema('CalibrationDocumentHash', {
      type: 'object',
      required: ['media_type', 'sha256'],
      properties: { media_type: { type: 'string' }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
    }),
    status: { enum: ['submitted', 'approved', 'rejected'] },
    submitted_at: { type: 'string', format: 'date-time' },
    decision: namedSchema('CalibrationDecisionRecord', {
      type: 'object',
      required: ['decision', 'reason', 'reviewer', 'decided_at'],
      properties: {
        decision: { enum: ['approve', 'reject'] },
        reason: { type: 'string' },
        reviewer: { type: 'string', description: 'The deciding principal' },
        decided_at: { type: 'string', format: 'date-time' },
      },
    }),
    credential_id: { type: 'string', description: 'The MeterCalibration credential, once approved' },
    acted_as: { type: 'string', description: 'The policy role the decision was taken as (decision answers)' },
  },
  examples: [
    {
      id: 'cal_4fQ8GZc1Xk3mRr0pLs9TbW',
      device_id: 'dev_4fQ8GZc1Xk3mRr0pLs9TbW',
      device_did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      meter_type: 'energy_export',
      sensor_id: 'exp_01',
      accuracy_class: 0.2,
      certificate: {
        certificate_id: 'NABL-CC-2026-0118',
        laboratory: 'ERDA Vadodara',
        calibrated_on: '2026-05-02',
        next_due: '2028-05-01',
      },
      document: {
        media_type: 'application/pdf',
        sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      },
      status: 'submitted',
      submitted_at: '2026-05-03T09:00:00.000Z',
    },
  ],
});

/** The `Calibration` body of a stored calibration. */
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
