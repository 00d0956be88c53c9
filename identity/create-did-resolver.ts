import { type DIDResolver, Resolver } from 'did-resolver';
import { getDidKeyResolver } from './did-key.ts';

/**
 * A `did-resolver` Resolver for the methods we trust: did:key always (offline), plus any others passed in
 * (did:hedera, backed by mirror-node data). No universal-resolver fallback: unknown methods fail.
 */
export function createDidResolver(methods: Record<string, DIDResolver> = {}): Resolver {
  return new Resolver({ ...getDidKeyResolver(), ...methods }, { cache: false });
}
