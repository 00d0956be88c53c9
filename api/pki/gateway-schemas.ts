import { idSchema, nameSchema } from '../api-schemas.ts';
import { namedSchema } from '../openapi/named-schema.ts';
import type { JsonSchema } from '../schema-validator.ts';
import { gatewayAgentSchema } from './gateway-agent-schemas.ts';

/**
 * Request and response schemas of the gateway and PKI routes, each named as its OpenAPI component
 * (docs/api/openapi.md) so generated SDKs get these type names.
 */
const date = { type: 'string', format: 'date-time' } as const;
const sha256 = {
  type: 'string',
  pattern: '^[0-9a-f]{64}$',
  examples: ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
};
const pemExample = '-----BEGIN CERTIFICATE-----\nMIIB…\n-----END CERTIFICATE-----';

export const gatewaySchema = namedSchema('Gateway', {
  type: 'object',
  properties: {
    id: idSchema('gw'),
    name: { type: 'string' },
    status: { enum: ['active', 'suspended', 'decommissioned'] },
    device_ids: { type: 'array', items: idSchema('dev') },
    agent: gatewayAgentSchema,
    created_at: date,
    status_changed_at: date,
  },
  required: ['id', 'name', 'status', 'device_ids', 'created_at', 'status_changed_at'],
});

export const gatewayCreateSchema = namedSchema('GatewayCreate', {
  type: 'object',
  properties: {
    name: nameSchema,
    device_ids: { type: 'array', items: idSchema('dev'), minItems: 1, maxItems: 1000, uniqueItems: true },
    agent: gatewayAgentSchema,
  },
  required: ['name', 'device_ids'],
  additionalProperties: false,
  examples: [{ name: 'Plant A gateway', device_ids: ['dev_4fQ8GZc1Xk3mRr0pLs9TbW'] }],
});

export const gatewayPairingSchema = namedSchema('GatewayPairing', {
  type: 'object',
  properties: {
    v: { const: 1 },
    kind: { const: 'gateway' },
    api_url: { type: 'string' },
    mtls_url: { type: ['string', 'null'] },
    org_id: idSchema('org'),
    gateway_id: idSchema('gw'),
    device_dids: { type: 'array', items: { type: 'string' } },
    enrollment_token: { type: 'string' },
    enrollment_expires_at: date,
    certificates_url: { type: 'string' },
    ca_url: { type: 'string' },
  },
  required: ['v', 'kind', 'api_url', 'mtls_url', 'org_id', 'gateway_id', 'enrollment_token'],
});

const enrollmentTokenSchema = namedSchema('GatewayEnrollmentToken', {
  type: 'object',
  description: 'The one-time enrollment token (shown once)',
  properties: { token: { type: 'string' }, expires_at: date },
  required: ['token', 'expires_at'],
});

export const gatewayEnrollmentSchema = namedSchema('GatewayEnrollment', {
  type: 'object',
  properties: {
    gateway: gatewaySchema,
    enrollment: enrollmentTokenSchema,
    pairing: gatewayPairingSchema,
    pairing_qr_png: { type: 'string', description: 'The pairing payload as a QR code (PNG data URL)' },
  },
  required: ['gateway', 'enrollment', 'pairing', 'pairing_qr_png'],
});

export const csrRequestSchema = namedSchema('CertificateSigningRequest', {
  type: 'object',
  properties: { csr: { type: 'string', minLength: 1, maxLength: 16384, description: 'PKCS#10, PEM' } },
  required: ['csr'],
  additionalProperties: false,
  examples: [{ csr: '-----BEGIN CERTIFICATE REQUEST-----\nMIH…\n-----END CERTIFICATE REQUEST-----' }],
});

export const gatewayCertificateSchema = namedSchema('GatewayCertificate', {
  type: 'object',
  properties: {
    serial: { type: 'string', examples: ['1a2b3c4d5e6f708192a3b4c5d6e7f801'] },
    sha256,
    gateway_id: idSchema('gw'),
    org_id: idSchema('org'),
    device_dids: {
      type: 'array',
      items: { type: 'string' },
      examples: [['did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK']],
    },
    not_before: date,
    not_after: date,
    issued_at: date,
    revoked_at: { type: ['string', 'null'], format: 'date-time' },
    revocation_reason: { type: ['string', 'null'] },
    pem: { type: 'string', examples: [pemExample] },
  },
  required: ['serial', 'sha256', 'gateway_id', 'org_id', 'device_dids', 'not_before', 'not_after', 'pem'],
});

export const issuedCertificateSchema = namedSchema('IssuedGatewayCertificate', {
  type: 'object',
  properties: { certificate: gatewayCertificateSchema, ca_pem: { type: 'string', examples: [pemExample] } },
  required: ['certificate', 'ca_pem'],
});

export const certificateListSchema = namedSchema('GatewayCertificateList', {
  type: 'object',
  properties: { certificates: { type: 'array', items: gatewayCertificateSchema } },
  required: ['certificates'],
});

export const revokeRequestSchema = namedSchema('CertificateRevocation', {
  type: 'object',
  properties: { reason: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' } },
  required: ['reason'],
  additionalProperties: false,
  examples: [{ reason: 'gateway stolen' }],
});

export const revokedCountSchema = namedSchema('RevocationResult', {
  type: 'object',
  properties: { revoked: { type: 'integer', minimum: 0 }, crl_number: { type: ['integer', 'null'] } },
  required: ['revoked'],
  examples: [{ revoked: 1, crl_number: 4 }],
});

export const orgQuerySchema: JsonSchema = {
  type: 'object',
  properties: { org: idSchema('org') },
  required: ['org'],
  additionalProperties: false,
};

export const gatewayStatusRequestSchema = namedSchema('GatewayStatusChange', {
  type: 'object',
  properties: { reason: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' } },
  required: ['reason'],
  additionalProperties: false,
  examples: [{ reason: 'plant shut down for maintenance' }],
});

export const gatewayStatusResultSchema = namedSchema('GatewayStatusResult', {
  type: 'object',
  properties: { gateway: gatewaySchema, revoked_certificates: { type: 'integer', minimum: 0 } },
  required: ['gateway', 'revoked_certificates'],
});
