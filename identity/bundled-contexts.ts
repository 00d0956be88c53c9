import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as didContexts } from 'did-context';
import { contexts as ed25519Contexts } from 'ed25519-signature-2020-context';

/** The context URL every credential we issue starts with (VC Data Model 2.0). */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/**
 * Our vocabulary, inlined as the second context of every credential we issue. The VC 2.0 context is
 * protected and defines no catch-all, so the MRV terms (orgId, merkleRoot, erTco2e, …) and the credential
 * types need one; inlining keeps it under the signature and needs no URL anyone could serve differently.
 */
export const MRV_CONTEXT = Object.freeze({ '@vocab': 'urn:hydro-mrv:vocab#' });

/**
 * Every JSON-LD context the verifier may ever need, taken from the npm packages that publish them, so
 * that verification never depends on (or leaks to) the network. Frozen copies: a caller that mutates a
 * loaded context must not change what the next verification sees.
 */
export const bundledContexts: ReadonlyMap<string, unknown> = (() => {
  const all = new Map<string, unknown>();
  for (const source of [
    credentialsContexts,
    dataIntegrityContexts,
    multikeyContexts,
    statusListContexts,
    didContexts,
    ed25519Contexts,
  ]) {
    for (const [url, context] of source) all.set(url, deepFreeze(structuredClone(context)));
  }
  return all;
})();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
