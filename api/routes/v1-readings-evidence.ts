import type { Hono } from 'hono';
import { credentialStore } from '../../store/credential-store.ts';
import { deviceStore } from '../../store/device-store.ts';
import { readingStore } from '../../store/reading-store.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import { deviceJson } from '../device-view.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { evidencePoint } from '../evidence-series.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import { readingJson } from '../reading-view.ts';
import { mountRoute } from '../route.ts';
import type { JsonSchema } from '../schema-validator.ts';

const pointSchema: JsonSchema = namedSchema('EvidencePoint', {
  type: 'object',
  properties: {
    id: idSchema('rdg'),
    timestamp: { type: 'string', format: 'date-time' },
    status: { enum: ['RECEIVED', 'APPROVED', 'FLAGGED', 'REJECTED'] },
    flow_m3s: { type: ['number', 'null'] },
    head_m: { type: ['number', 'null'] },
    energy_kwh: { type: ['number', 'null'] },
    power_kw: { type: ['number', 'null'] },
    efficiency: { type: ['number', 'null'], description: 'Electrical over hydraulic power (ρ·g·Q·H)' },
  },
  required: ['id', 'timestamp', 'status', 'flow_m3s', 'head_m', 'energy_kwh', 'power_kw', 'efficiency'],
});

const evidenceSchema: JsonSchema = namedSchema('ReadingEvidence', {
  type: 'object',
  properties: {
    reading: { type: 'object', description: 'As GET /v1/readings/{readingId}, with its signed document' },
    series: { type: 'array', items: pointSchema, description: "The device's readings around it, by arrival" },
    device: { type: ['object', 'null'] },
    registration: {
      oneOf: [
        namedSchema('EvidenceRegistration', {
          type: 'object',
          description: "The device's registration credential, when issued",
          properties: { id: { type: 'string' }, issued_at: { type: 'string', format: 'date-time' } },
        }),
        { type: 'null' },
      ],
    },
    calibration: { type: ['object', 'null'], description: 'Calibration on record (none is kept yet)' },
  },
  required: ['reading', 'series', 'device', 'registration', 'calibration'],
  examples: [
    {
      reading: { id: 'rdg_4fQ8GZc1Xk3mRr0pLs9TbW', status: 'FLAGGED', findings: [] },
      series: [
        {
          id: 'rdg_4fQ8GZc1Xk3mRr0pLs9TbW',
          timestamp: '2026-05-01T10:00:00Z',
          status: 'FLAGGED',
          flow_m3s: 3.2,
          head_m: 41,
          energy_kwh: 1010,
          power_kw: 1010,
          efficiency: 0.78,
        },
      ],
      device: null,
      registration: null,
      calibration: null,
    },
  ],
});

/**
 * `GET /v1/readings/{readingId}/evidence`: what a verifier looks at before deciding — the reading,
 * the device's readings on either side of it in canonical units with the implied efficiency the
 * physics rules judge, the device and its registration.
 */
export function registerReadingsEvidence(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const readings = readingStore(ctx.db);
  const devices = deviceStore(ctx.db);
  const credentials = credentialStore(ctx.db);
  mountRoute(
    app,
    ctx,
    {
      method: 'get',
      path: '/v1/readings/{readingId}/evidence',
      operationId: 'getReadingEvidence',
      summary: "A reading with the device's readings around it, its device and registration",
      tag: 'Readings',
      auth: 'readings:read',
      params: { readingId: idSchema('rdg') },
      query: {
        type: 'object',
        properties: {
          window: {
            type: 'integer',
            minimum: 1,
            maximum: 250,
            default: 48,
            description: 'Readings each side',
          },
        },
        additionalProperties: false,
      },
      responses: { 200: { description: 'The evidence', schema: evidenceSchema } },
    },
    async (c, { params, query, principal }) => {
      const reading = await readings.get(principal.tenant, params.readingId!);
      if (!reading) throw new ApiError('NOT_FOUND', `no reading ${params.readingId}`);
      const around = { did: reading.did, seq: reading.seq, limit: query.window as number };
      const [before, after, device] = await Promise.all([
        readings.besideSeq(principal.tenant, { ...around, side: 'before' }),
        readings.besideSeq(principal.tenant, { ...around, side: 'after' }),
        devices.get(principal.tenant, reading.deviceId),
      ]);
      // The device's neighbours by sequence number; charted in time order, which a sound device keeps.
      const series = [...before.reverse(), reading, ...after]
        .map(evidencePoint)
        .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
      const registration = device
        ? ((
            await credentials.list(principal.tenant, { type: 'DeviceRegistration', subjectId: device.did })
          )[0] ??
          (
            await credentials.list(principal.tenant, { type: 'DeviceRegistration', subjectId: device._id })
          )[0])
        : undefined;
      return c.json({
        reading: readingJson(reading, { withDocument: true }),
        series,
        device: device ? deviceJson(device) : null,
        registration: registration
          ? { id: registration._id, issued_at: registration.issuedAt.toISOString() }
          : null,
        calibration: null,
      });
    },
  );
}
