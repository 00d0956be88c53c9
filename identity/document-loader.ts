import type { DocumentLoader } from '@digitalbazaar/vc';
import type { DIDDocument, Resolvable } from 'did-resolver';
import { bundledContexts } from './bundled-contexts.ts';
import { IdentityError } from './identity-error.ts';

export type { DocumentLoader };

export interface DocumentLoaderOptions {
  /** Resolves `did:` URLs (did:key offline, did:hedera from mirror-node data). */
  resolver: Resolvable;
  /** Further documents by URL, e.g. status list credentials carried in a trust-chain bundle. */
  documents?: ReadonlyMap<string, unknown>;
}

/**
 * A JSON-LD document loader that never touches the network: contexts come from the bundled npm copies,
 * DIDs from the resolver, anything else from `documents`. Unknown URLs fail closed, so a credential can
 * never make the verifier fetch (and trust) a remote document.
 */
export function createDocumentLoader(options: DocumentLoaderOptions): DocumentLoader {
  const { resolver, documents } = options;
  return async (url: string) => {
    if (typeof url !== 'string')
      throw new IdentityError('DOCUMENT_NOT_BUNDLED', 'document URL must be a string');
    const context = bundledContexts.get(url);
    if (context !== undefined) return { contextUrl: null, documentUrl: url, document: context };
    const extra = documents?.get(url);
    if (extra !== undefined) return { contextUrl: null, documentUrl: url, document: structuredClone(extra) };
    if (url.startsWith('did:'))
      return { contextUrl: null, documentUrl: url, document: await loadDid(resolver, url) };
    throw new IdentityError('DOCUMENT_NOT_BUNDLED', `refusing to load '${url.slice(0, 200)}': not bundled`);
  };
}

async function loadDid(resolver: Resolvable, url: string): Promise<unknown> {
  const hash = url.indexOf('#');
  const did = hash === -1 ? url : url.slice(0, hash);
  const result = await resolver.resolve(did);
  const doc = result.didDocument;
  if (!doc || result.didResolutionMetadata.error) {
    throw new IdentityError(
      'DID_NOT_FOUND',
      `cannot resolve '${did.slice(0, 120)}': ${result.didResolutionMetadata.error ?? 'no document'}`,
    );
  }
  if (result.didDocumentMetadata.deactivated) {
    throw new IdentityError('DID_NOT_FOUND', `'${did.slice(0, 120)}' is deactivated`);
  }
  if (hash === -1) return structuredClone(doc);
  return findVerificationMethod(doc, url);
}

function findVerificationMethod(doc: DIDDocument, url: string): unknown {
  const fragment = url.slice(url.indexOf('#'));
  const method = (doc.verificationMethod ?? []).find((m) => m.id === url || m.id === fragment);
  if (!method) throw new IdentityError('DID_NOT_FOUND', `no verification method '${url.slice(0, 160)}'`);
  // A verification method is loaded on its own, so it carries the context that defines its type.
  const context =
    method.type === 'Ed25519VerificationKey2020'
      ? 'https://w3id.org/security/suites/ed25519-2020/v1'
      : 'https://w3id.org/security/multikey/v1';
  return { '@context': context, ...structuredClone(method), id: url };
}
