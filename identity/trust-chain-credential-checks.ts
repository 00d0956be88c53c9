import type { createStatusChecker } from './check-credential-status.ts';
import { credentialTypeOf, type SubjectSchemas } from './credential-types.ts';
import type { EvidenceCredential } from './evidence-credential.ts';
import { floorScaled } from './floor-scaled.ts';
import type { TrustChainBundle } from './trust-chain-bundle.ts';
import { fail, pass, type TrustChainCheck } from './trust-chain-check.ts';
import { validateSubject } from './validate-subject.ts';

type Subject = Record<string, unknown>;
type Credential = EvidenceCredential;

/** One credential's links: its signature, its subject against the schema, its revocation status. */
export async function checkCredential(
  credential: Credential,
  proofErrors: string[],
  schemas: SubjectSchemas,
  statusChecker: ReturnType<typeof createStatusChecker>,
): Promise<TrustChainCheck[]> {
  const type = credentialTypeOf(credential);
  const link = `credential:${type ?? 'unknown'}:${String(credential?.id)}`;
  const out: TrustChainCheck[] = [
    proofErrors.length === 0
      ? pass(`${link}.signature`, `signed by ${String(credential.issuer)}`)
      : fail(`${link}.signature`, proofErrors.join('; ')),
  ];
  const schema = type ? schemas[type] : undefined;
  if (!schema) out.push(fail(`${link}.schema`, 'no subject schema for this type in the published policy'));
  else {
    try {
      validateSubject(credential.credentialSubject, schema);
      out.push(pass(`${link}.schema`, 'subject matches the policy schema'));
    } catch (error) {
      out.push(fail(`${link}.schema`, (error as Error).message));
    }
  }
  if (credential.credentialStatus === undefined) {
    out.push(
      type === 'DeviceRegistration'
        ? fail(`${link}.status`, 'a device registration must be revocable (no credentialStatus)')
        : pass(`${link}.status`, 'not revocable'),
    );
  } else {
    const status = (await statusChecker({ credential: credential as Record<string, unknown> })) as {
      verified: boolean;
      revoked?: boolean;
      revokedAt?: { timestamp: string };
      error?: Error;
    };
    const when = status.revokedAt ? ` on the ledger at ${status.revokedAt.timestamp}` : '';
    if (status.verified) out.push(pass(`${link}.status`, 'not revoked'));
    else if (status.revoked && status.revokedAt && type === 'DeviceRegistration') {
      // A registration revoked later leaves the readings taken before it evidence (check-readings.ts).
      out.push(pass(`${link}.status`, `revoked${when}: the device's readings from then on do not count`));
    } else {
      out.push(
        fail(
          `${link}.status`,
          status.revoked
            ? `REVOKED by its issuer${when}`
            : `status unknown: ${status.error?.message ?? 'unverifiable'}`,
        ),
      );
    }
  }
  return out;
}

/** The mint as the Issuance and MonitoringReport state it: same fields, amount = floor(ER × 10^d). */
export function checkAmount(
  mint: TrustChainBundle['mint'],
  iss: Subject,
  report: Subject,
): TrustChainCheck[] {
  const out: TrustChainCheck[] = [];
  const same =
    iss.tokenId === mint.tokenId &&
    iss.mintTransactionId === mint.transactionId &&
    iss.decimals === mint.decimals &&
    iss.amount === mint.amount;
  out.push(
    same
      ? pass('mint:fields', 'token, transaction, decimals and amount match the Issuance credential')
      : fail('mint:fields', 'bundle mint differs from the Issuance credential'),
  );
  try {
    const expected = floorScaled(Number(report.erTco2e), Number(iss.decimals));
    out.push(
      typeof report.erTco2e === 'number' && expected === BigInt(String(iss.amount))
        ? pass(
            'mint:amount',
            `${String(iss.amount)} = floor(ER ${report.erTco2e} × 10^${String(iss.decimals)})`,
          )
        : fail(
            'mint:amount',
            `Issuance amount ${String(iss.amount)} ≠ floor(ER ${String(report.erTco2e)} × 10^${String(iss.decimals)}) = ${expected}`,
          ),
    );
  } catch (error) {
    out.push(fail('mint:amount', `cannot compute the expected amount: ${(error as Error).message}`));
  }
  return out;
}
