import { credentialTypeOf } from './credential-types.ts';
import type { EvidenceCredential } from './evidence-credential.ts';
import { fail, pass, type TrustChainCheck } from './trust-chain-check.ts';

export interface Roles {
  registry: Set<string>;
  verifier: Set<string>;
}

/**
 * Who may register devices and plants (registry) and approve flagged readings (verifier): the DIDs
 * named by RoleAccreditation credentials that an accreditation authority the auditor trusts issued.
 * The issuer cannot accredit itself: its own accreditations are simply not from an authority.
 */
export function checkRoles(
  trusted: readonly EvidenceCredential[],
  authorities: readonly string[],
): { roles: Roles; checks: TrustChainCheck[] } {
  const roles: Roles = { registry: new Set(), verifier: new Set() };
  if (authorities.length === 0) {
    return {
      roles,
      checks: [fail('roles', 'no accreditation authority named (mrv chain verify --authority <did>)')],
    };
  }
  const ignored: string[] = [];
  for (const c of trusted) {
    if (credentialTypeOf(c) !== 'RoleAccreditation') continue;
    const role = c.credentialSubject?.role;
    const did = c.credentialSubject?.id;
    if (!authorities.includes(String(c.issuer))) ignored.push(String(c.id));
    else if ((role === 'registry' || role === 'verifier') && typeof did === 'string') roles[role].add(did);
  }
  const checks = [
    roles.registry.size > 0
      ? pass('roles.registry', `accredited registry: ${[...roles.registry].join(', ')}`)
      : fail('roles.registry', 'no registry accredited by a trusted authority'),
  ];
  if (ignored.length > 0) {
    checks.push(pass('roles.ignored', `${ignored.length} accreditation(s) from untrusted issuers ignored`));
  }
  return { roles, checks };
}
