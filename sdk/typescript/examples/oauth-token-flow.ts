// OAuth2 client credentials: the gateway exchanges its key for 15-minute tokens (renewed before
// expiry by the client) and submits one signed reading with them.
import { MrvClient, signTelemetry } from '../src/index.ts';
import { baseUrl, state } from './state.ts';

const s = state();
const gateway = new MrvClient({
  baseUrl,
  clientCredentials: {
    clientId: s.gatewayPrefix,
    clientSecret: s.gateway,
    scope: 'telemetry:write readings:read',
  },
});
const me = await MrvClient.unwrap(await gateway.api.GET('/v1/organization'));
if (me.credential.kind !== 'access_token') throw new Error('not a token');
const doc = signTelemetry(
  {
    schema_version: '1.0.0',
    device_id: s.did,
    seq: 32,
    timestamp: '2026-02-02T08:00:00Z',
    interval_s: 3600,
    readings: [
      { sensor_id: 'flow_01', type: 'flow_rate', value: 2.85, unit: 'm3/s' },
      { sensor_id: 'head_01', type: 'head', value: 45, unit: 'm' },
      { sensor_id: 'gen_01', type: 'energy', value: 1069.7, unit: 'kWh' },
      { sensor_id: 'exp_01', type: 'energy_export', value: 1048.3, unit: 'kWh' },
    ],
  },
  s.jwk,
);
const result = await gateway.submitTelemetry([doc]);
console.log(`ok token for scopes [${me.credential.scopes.join(' ')}] submitted ${result.accepted} reading`);
