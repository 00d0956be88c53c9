// Onboard: register an organization (its admin key is shown once), then keys for a gateway and a verifier.
import { MrvClient } from '../src/index.ts';
import { baseUrl, save } from './state.ts';

const { organization, api_key } = await MrvClient.registerOrganization(baseUrl, 'Example Hydro');
const admin = new MrvClient({ baseUrl, apiKey: api_key.key });
const gateway = await MrvClient.unwrap(
  await admin.api.POST('/v1/api-keys', {
    body: { name: 'gateway', scopes: ['telemetry:write', 'readings:read'] },
  }),
);
const verifier = await MrvClient.unwrap(
  await admin.api.POST('/v1/api-keys', {
    body: { name: 'verifier', scopes: ['review:write', 'readings:read'], roles: ['verifier'] },
  }),
);
save({
  admin: api_key.key,
  gateway: gateway.key,
  gatewayId: gateway.id,
  gatewayPrefix: gateway.prefix,
  verifier: verifier.key,
});
console.log(`ok organization ${organization.id} with keys ${gateway.id}, ${verifier.id}`);
