import { shortDid } from './check-readings.ts';
import { fail, pass, type TrustChainCheck } from './trust-chain-check.ts';

/** What became of one of the token's other mints when the auditor verified its own chain. */
export type OtherIssuance =
  | { transactionId: string; countedReadings: readonly string[] }
  | { transactionId: string; unverifiable: string };

/**
 * A reading may count in one issuance of a token only. Each other mint of the token was verified
 * from its own anchored bundle (so what it counted follows from device signatures, not from the
 * issuer's word); a reading this issuance counts that another one counted too fails, and so does an
 * other issuance whose chain cannot be verified, since then double counting cannot be ruled out.
 */
export function checkAcrossIssuances(
  counted: readonly string[],
  others: readonly OtherIssuance[],
): TrustChainCheck[] {
  const mine = new Set(counted);
  const problems: string[] = [];
  for (const other of others) {
    if ('unverifiable' in other) {
      problems.push(`issuance ${other.transactionId} cannot be verified (${other.unverifiable})`);
      continue;
    }
    const twice = other.countedReadings.filter((r) => mine.has(r));
    if (twice.length > 0) {
      const [did, seq] = splitReading(twice[0]!);
      problems.push(
        `${twice.length} reading(s) also counted by issuance ${other.transactionId} (e.g. ${shortDid(did)}#${seq})`,
      );
    }
  }
  if (problems.length > 0) return [fail('issuances.unique', problems.join('; '))];
  return [
    pass(
      'issuances.unique',
      others.length === 0
        ? 'the only issuance of its token'
        : `none of the ${mine.size} counted readings is counted by the token's ${others.length} other issuance(s)`,
    ),
  ];
}

function splitReading(key: string): [string, string] {
  const at = key.lastIndexOf('#');
  return [key.slice(0, at), key.slice(at + 1)];
}
