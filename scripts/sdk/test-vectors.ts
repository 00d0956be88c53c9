import {
  exampleDeviceKey,
  examplePublicKeyHex,
  exampleSeedHex,
} from '../../api/openapi/telemetry-example.ts';
import { didKeyFromEd25519Key, signingPayload, signTelemetry } from '../../engine/telemetry/index.ts';

// The RFC 8032 §7.1 test key: published, so the vectors' signatures are checkable by anyone.
const [seedHex, publicKeyHex] = [exampleSeedHex, examplePublicKeyHex];

/**
 * RFC 8785 §3.2.2 and §3.2.3 examples and Appendix B number serializations, as JSON text in and
 * canonical text out. Written from the RFC, not from a JCS implementation.
 */
const jcsVectors = [
  {
    name: 'rfc8785 3.2.2 values',
    input:
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    expected:
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
  },
  {
    name: 'rfc8785 3.2.3 sorting',
    input:
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}',
    expected:
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
  },
  { name: 'rfc8785 B zero', input: '[0, -0]', expected: '[0,0]' },
  { name: 'rfc8785 B min subnormal', input: '[5e-324]', expected: '[5e-324]' },
  { name: 'rfc8785 B max double', input: '[1.7976931348623157e308]', expected: '[1.7976931348623157e+308]' },
  { name: 'rfc8785 B 2^53', input: '[9007199254740992]', expected: '[9007199254740992]' },
  {
    name: 'rfc8785 B 1e21 and 1e23',
    input: '[1e21, 1E23, 999999999999999900000]',
    expected: '[1e+21,1e+23,999999999999999900000]',
  },
  {
    name: 'rfc8785 B small',
    input: '[0.000001, 1e-7, 295147905179352830000]',
    expected: '[0.000001,1e-7,295147905179352830000]',
  },
  {
    name: 'nested objects sort recursively',
    input: '{"b": {"z": 1, "a": [ {"y": 2, "x": 1} ]}, "a": "x"}',
    expected: '{"a":"x","b":{"a":[{"x":1,"y":2}],"z":1}}',
  },
];

function telemetry(seq: number, extra: Record<string, unknown> = {}) {
  return {
    schema_version: '1.0.0',
    device_id: didKeyFromEd25519Key(Buffer.from(publicKeyHex, 'hex')),
    seq,
    timestamp: `2026-02-01T${String(seq % 24).padStart(2, '0')}:00:00Z`,
    interval_s: 3600,
    readings: [
      { sensor_id: 'flow_01', type: 'flow_rate' as const, value: 2.83, unit: 'm3/s', quality: 0.95 },
      { sensor_id: 'gen_01', type: 'energy' as const, value: 1051.1, unit: 'kWh' },
      { sensor_id: 'exp_01', type: 'energy_export' as const, value: 1e-7 + 1030, unit: 'kWh' },
    ],
    ...extra,
  };
}

/** Documents signed by the engine's signer (what the server verifies), for each SDK to reproduce. */
function signingVectors() {
  const key = exampleDeviceKey();
  const cases = [
    telemetry(1),
    telemetry(2, { metadata: { site: 'Alaknanda – unit 1 ⚡', firmware: 'v2.1', zeros: [0, -0, 1.5e300] } }),
    telemetry(3, { metadata: { é: 1, e: 2, '\u20ac': 3, nested: { b: null, a: true } } }),
  ].map((unsigned) => {
    const document = signTelemetry(unsigned, key);
    return { document, payload: Buffer.from(signingPayload(document)).toString('utf8') };
  });
  return { seed_hex: seedHex, public_key_hex: publicKeyHex, did: cases[0]!.document.device_id, cases };
}

/** Documents that are not telemetry v1: every SDK refuses to sign them, before any request. */
const notTelemetryV1 = [
  { name: 'schema version 2', document: { ...telemetry(1), schema_version: '2.0.0' } },
  { name: 'no schema version', document: (({ schema_version: _s, ...rest }) => rest)(telemetry(1)) },
  { name: 'device id not a DID', document: { ...telemetry(1), device_id: 'meter-7' } },
  { name: 'no readings', document: { ...telemetry(1), readings: [] } },
  { name: 'seq negative', document: { ...telemetry(1), seq: -1 } },
  { name: 'an array', document: [telemetry(1)] },
];

export function sdkTestVectors() {
  return {
    'jcs-rfc8785': jcsVectors,
    'telemetry-signing': signingVectors(),
    'not-telemetry-v1': notTelemetryV1,
  };
}
