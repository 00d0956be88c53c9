import type { Hono } from 'hono';
import type { ApiContext } from './api-context.ts';
import type { ApiEnv } from './env.ts';
import { registerConsole } from './routes/console.ts';
import { registerDocs } from './routes/docs.ts';
import { registerOauthToken } from './routes/oauth-token.ts';
import { registerApiKeysCreate } from './routes/v1-api-keys-create.ts';
import { registerApiKeysGet } from './routes/v1-api-keys-get.ts';
import { registerApiKeysList } from './routes/v1-api-keys-list.ts';
import { registerApiKeysRevoke } from './routes/v1-api-keys-revoke.ts';
import { registerApiKeysRotate } from './routes/v1-api-keys-rotate.ts';
import { registerAuditList } from './routes/v1-audit-list.ts';
import { registerConsoleSession } from './routes/v1-console-session.ts';
import { registerConsoleSessions } from './routes/v1-console-sessions.ts';
import { registerDevicesApprove } from './routes/v1-devices-approve.ts';
import { registerDevicesCalibrationsDecide } from './routes/v1-devices-calibrations-decide.ts';
import { registerDevicesCalibrationsList } from './routes/v1-devices-calibrations-list.ts';
import { registerDevicesCalibrationsSubmit } from './routes/v1-devices-calibrations-submit.ts';
import { registerDevicesDecommission } from './routes/v1-devices-decommission.ts';
import { registerDevicesGet } from './routes/v1-devices-get.ts';
import { registerDevicesList } from './routes/v1-devices-list.ts';
import { registerDevicesPairing } from './routes/v1-devices-pairing.ts';
import { registerDevicesProvision } from './routes/v1-devices-provision.ts';
import { registerDevicesReactivate } from './routes/v1-devices-reactivate.ts';
import { registerDevicesRegister } from './routes/v1-devices-register.ts';
import { registerDevicesReject } from './routes/v1-devices-reject.ts';
import { registerDevicesSuspend } from './routes/v1-devices-suspend.ts';
import { registerEdgeTemplatesList } from './routes/v1-edge-templates-list.ts';
import { registerGatewaysCertificatesIssue } from './routes/v1-gateways-certificates-issue.ts';
import { registerGatewaysConfig } from './routes/v1-gateways-config.ts';
import { registerGatewaysCreate } from './routes/v1-gateways-create.ts';
import { registerGatewaysDecommission } from './routes/v1-gateways-decommission.ts';
import { registerGatewaysEnrollment } from './routes/v1-gateways-enrollment.ts';
import { registerGatewaysGet } from './routes/v1-gateways-get.ts';
import { registerGatewaysSuspend } from './routes/v1-gateways-suspend.ts';
import { registerIssuancesGet } from './routes/v1-issuances-get.ts';
import { registerIssuancesList } from './routes/v1-issuances-list.ts';
import { registerIssuancesTrustChain } from './routes/v1-issuances-trust-chain.ts';
import { registerMintsGet } from './routes/v1-mints-get.ts';
import { registerMintsList } from './routes/v1-mints-list.ts';
import { registerOrganizationGet } from './routes/v1-organization-get.ts';
import { registerOrganizationsRegister } from './routes/v1-organizations-register.ts';
import { registerPeriodsClose } from './routes/v1-periods-close.ts';
import { registerPeriodsDecide } from './routes/v1-periods-decide.ts';
import { registerPeriodsGet } from './routes/v1-periods-get.ts';
import { registerPeriodsList } from './routes/v1-periods-list.ts';
import { registerPeriodsTrustChain } from './routes/v1-periods-trust-chain.ts';
import { registerPkiCa } from './routes/v1-pki-ca.ts';
import { registerPkiCertificatesList } from './routes/v1-pki-certificates-list.ts';
import { registerPkiCertificatesRevoke } from './routes/v1-pki-certificates-revoke.ts';
import { registerPkiCrl } from './routes/v1-pki-crl.ts';
import { registerPoliciesGet } from './routes/v1-policies-get.ts';
import { registerPoliciesGraph } from './routes/v1-policies-graph.ts';
import { registerPoliciesList } from './routes/v1-policies-list.ts';
import { registerPolicyChecks } from './routes/v1-policy-checks.ts';
import { registerPolicyDraftsCreate } from './routes/v1-policy-drafts-create.ts';
import { registerPolicyDraftsDiff } from './routes/v1-policy-drafts-diff.ts';
import { registerPolicyDraftsGet } from './routes/v1-policy-drafts-get.ts';
import { registerPolicyDraftsPublish } from './routes/v1-policy-drafts-publish.ts';
import { registerPolicyDraftsScenarios } from './routes/v1-policy-drafts-scenarios.ts';
import { registerPolicyDraftsValidate } from './routes/v1-policy-drafts-validate.ts';
import { registerProjectsCreate } from './routes/v1-projects-create.ts';
import { registerProjectsGet } from './routes/v1-projects-get.ts';
import { registerProjectsList } from './routes/v1-projects-list.ts';
import { registerProjectsRegistrations } from './routes/v1-projects-registrations.ts';
import { registerPublicDocumentsGet } from './routes/v1-public-documents-get.ts';
import { registerReadingsEvidence } from './routes/v1-readings-evidence.ts';
import { registerReadingsGet } from './routes/v1-readings-get.ts';
import { registerReadingsList } from './routes/v1-readings-list.ts';
import { registerReviewsDecide } from './routes/v1-reviews-decide.ts';
import { registerReviewsList } from './routes/v1-reviews-list.ts';
import { registerTelemetrySubmit } from './routes/v1-telemetry-submit.ts';
import { registerTrustChainVerifications } from './routes/v1-trust-chain-verifications.ts';
import { registerWellKnownJwks } from './routes/well-known-jwks.ts';

/** Every API route, in the order the OpenAPI document lists them. The only wiring of routes. */
export function registerApiRoutes(app: Hono<ApiEnv>, ctx: ApiContext): void {
  for (const register of [
    registerOrganizationsRegister,
    registerOrganizationGet,
    registerApiKeysCreate,
    registerApiKeysList,
    registerApiKeysGet,
    registerApiKeysRevoke,
    registerApiKeysRotate,
    registerOauthToken,
    registerWellKnownJwks,
    registerPolicyDraftsCreate,
    registerPolicyDraftsGet,
    registerPolicyDraftsValidate,
    registerPolicyDraftsPublish,
    registerPolicyChecks,
    registerPolicyDraftsScenarios,
    registerPolicyDraftsDiff,
    registerPoliciesList,
    registerPoliciesGet,
    registerPoliciesGraph,
    registerProjectsCreate,
    registerProjectsList,
    registerProjectsGet,
    registerProjectsRegistrations,
    registerDevicesProvision,
    registerDevicesRegister,
    registerDevicesList,
    registerDevicesGet,
    registerDevicesPairing,
    registerDevicesApprove,
    registerDevicesCalibrationsSubmit,
    registerDevicesCalibrationsList,
    registerDevicesCalibrationsDecide,
    registerDevicesReject,
    registerDevicesSuspend,
    registerDevicesReactivate,
    registerDevicesDecommission,
    registerEdgeTemplatesList,
    registerGatewaysCreate,
    registerGatewaysGet,
    registerGatewaysConfig,
    registerGatewaysEnrollment,
    registerGatewaysCertificatesIssue,
    registerGatewaysSuspend,
    registerGatewaysDecommission,
    registerPkiCa,
    registerPkiCrl,
    registerPkiCertificatesList,
    registerPkiCertificatesRevoke,
    registerTelemetrySubmit,
    registerReadingsList,
    registerReadingsGet,
    registerReadingsEvidence,
    registerReviewsList,
    registerReviewsDecide,
    registerPeriodsList,
    registerPeriodsGet,
    registerPeriodsClose,
    registerPeriodsDecide,
    registerPeriodsTrustChain,
    registerIssuancesList,
    registerIssuancesGet,
    registerIssuancesTrustChain,
    registerPublicDocumentsGet,
    registerTrustChainVerifications,
    registerMintsList,
    registerMintsGet,
    registerAuditList,
    registerConsoleSession,
    registerConsoleSessions,
  ]) {
    register(app, ctx);
  }
  registerDocs(app, ctx);
  registerConsole(app, ctx);
}
