import type { Context, Hono } from 'hono';
import { issueGatewayCertificate } from '../../pki/issuing-ca.ts';
import { deviceStore } from '../../store/device-store.ts';
import { gatewayStore } from '../../store/gateway-store.ts';
import { pkiStore } from '../../store/pki-store.ts';
import type { TenantScope } from '../../store/tenant-scope.ts';
import type { ApiContext } from '../api-context.ts';
import { idSchema } from '../api-schemas.ts';
import type { ApiEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { csrRequestSchema, issuedCertificateSchema } from '../pki/gateway-schemas.ts';
import { certificateJson } from '../pki/gateway-view.ts';
import { parseCsr } from '../pki/parse-csr.ts';
import { apiErrorResponse } from '../problem.ts';
import { mountRoute } from '../route.ts';

interface Authority {
  tenant: TenantScope;
  actor: string;
  /** Set for an enrollment token: spent once the certificate is issued. */
  enrollmentHash?: string;
}

/**
 * Who may ask for this gateway's certificate: its one-time enrollment token; the gateway itself over
 * mTLS with a current certificate (renewal); or an admin credential of its organization.
 */
async function authorityFor(c: Context<ApiEnv>, ctx: ApiContext, gatewayId: string): Promise<Authority> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer?.startsWith('mrv_enr_')) {
    const enrollment = await ctx.auth.enrollment(bearer);
    if (!enrollment || enrollment.gatewayId !== gatewayId) {
      throw new ApiError(
        'UNAUTHENTICATED',
        'the enrollment token is unknown, used, expired or for another gateway',
      );
    }
    return { tenant: enrollment.tenant, actor: `enrollment:${gatewayId}`, enrollmentHash: enrollment.hash };
  }
  const principal = await ctx.auth.authenticate({
    authorization: c.req.header('authorization'),
    apiKey: c.req.header('x-api-key'),
    certificate: c.get('clientCertificate'),
  });
  if (principal.kind === 'client_certificate') {
    if (principal.certificate?.gatewayId !== gatewayId) {
      throw new ApiError('FORBIDDEN_SCOPE', 'a gateway certificate renews only its own gateway');
    }
    return { tenant: principal.tenant, actor: `gateway:${gatewayId}` };
  }
  if (!principal.scopes.includes('admin')) {
    throw new ApiError(
      'FORBIDDEN_SCOPE',
      "this operation needs the 'admin' scope, an enrollment token or the gateway's certificate",
    );
  }
  return { tenant: principal.tenant, actor: `key:${principal.keyId}` };
}

/** `POST /v1/gateways/{gatewayId}/certificates`: a certificate for the gateway's own key, from its CSR. */
export function registerGatewaysCertificatesIssue(app: Hono<ApiEnv>, ctx: ApiContext): void {
  const gateways = gatewayStore(ctx.db);
  const devices = deviceStore(ctx.db);
  mountRoute<{ csr: string }>(
    app,
    ctx,
    {
      method: 'post',
      path: '/v1/gateways/{gatewayId}/certificates',
      operationId: 'issueGatewayCertificate',
      summary: 'Issue a gateway certificate from its CSR (enrollment token, renewal over mTLS, or admin)',
      description:
        'Credential: `Authorization: Bearer <one-time enrollment token>` (docs/api/mtls.md), or the ' +
        "gateway's current certificate over the mTLS listener (renewal; the old certificate stays valid " +
        'until it expires), or an admin API key. The key must be ECDSA P-256 or Ed25519; the certificate ' +
        'lives 90 days and lists the DIDs the CSR asks for as SAN URIs (all the gateway devices when none).',
      tag: 'Gateways',
      auth: 'public',
      params: { gatewayId: idSchema('gw') },
      body: { kind: 'json', schema: csrRequestSchema },
      responses: {
        201: { description: 'The certificate and the CA that issued it', schema: issuedCertificateSchema },
      },
    },
    async (c, { params, body }) => {
      const pkiDeps = ctx.pki.ca;
      if (!pkiDeps)
        throw new ApiError('PKI_UNAVAILABLE', 'this API instance has no key store (MRV_MASTER_KEY)');
      let authority: Authority | undefined;
      let status = 500;
      try {
        authority = await authorityFor(c, ctx, params.gatewayId!);
        const { tenant } = authority;
        const gateway = await gateways.get(tenant, params.gatewayId!);
        if (!gateway) throw new ApiError('NOT_FOUND', `no gateway ${params.gatewayId}`);
        if (gateway.status !== 'active')
          throw new ApiError('INVALID_STATE', `the gateway is ${gateway.status}`);
        const parsed = await parseCsr(body.csr);
        const owned = new Map<string, boolean>();
        for (const id of gateway.deviceIds) {
          const device = await devices.get(tenant, id);
          if (device) owned.set(device.did, device.status === 'active');
        }
        const wanted =
          parsed.requestedUris.length > 0
            ? parsed.requestedUris
            : [...owned.keys()].filter((d) => owned.get(d));
        const refused = wanted.filter((did) => owned.get(did) !== true);
        if (refused.length > 0) {
          throw new ApiError(
            'CSR_REJECTED',
            'the CSR asks for DIDs that are not active devices of this gateway',
            {
              extensions: { dids: refused.slice(0, 20) },
            },
          );
        }
        if (wanted.length === 0)
          throw new ApiError('CSR_REJECTED', 'the gateway has no active device to speak for');
        if (
          authority.enrollmentHash &&
          !(await gateways.spendEnrollment(tenant, authority.enrollmentHash, ctx.clock()))
        ) {
          throw new ApiError('UNAUTHENTICATED', 'the enrollment token was used meanwhile');
        }
        const record = await issueGatewayCertificate(pkiDeps, tenant, {
          gatewayId: gateway._id,
          publicKey: parsed.csr.publicKey,
          deviceDids: wanted,
        });
        const ca = await pkiStore(ctx.db).ca(tenant);
        // A CA made by this request: this instance's listener trusts it before the gateway's first
        // handshake (others learn it within their refresh period; docs/api/mtls.md).
        if (!ctx.pki.cache.caOf(tenant.orgId)) await ctx.pki.cache.refreshNow();
        status = 201;
        return c.json({ certificate: certificateJson(record), ca_pem: ca!.certPem }, 201);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const response = apiErrorResponse(c, error);
        status = response.status;
        return response;
      } finally {
        if (authority) {
          await ctx.audit
            .append(authority.tenant, {
              at: ctx.clock().toISOString(),
              actor: authority.actor,
              action: 'issueGatewayCertificate',
              resource: c.req.path,
              requestId: c.get('requestId'),
              status,
            })
            .catch((err) => ctx.logger.error({ err }, 'audit append failed'));
        }
      }
    },
  );
}
