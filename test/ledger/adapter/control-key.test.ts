import { PrivateKey } from '@hashgraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HederaLedger } from '../../../ledger/hedera-ledger.ts';
import type { Cosigner } from '../../../ledger/ledger-operations.ts';
import { type LedgerFixture, startLedgerFixture } from './ledger-fixture.ts';

// The organization's key (in the product: its issuer DID key, signing inside the key store).
const orgKey = PrivateKey.generateED25519();
const controlKey = Buffer.from(orgKey.publicKey.toBytesRaw()).toString('hex');
const cosign: Cosigner = async ({ orgId, publicKeyHex, bytes }) => {
  if (orgId !== 'org-c' || publicKeyHex !== controlKey) throw new Error('not our key');
  return orgKey.sign(bytes);
};

let f: LedgerFixture;
let ledger: HederaLedger;
beforeAll(async () => {
  f = await startLedgerFixture({ prefix: 'ledger_control' });
  ledger = f.newLedger(undefined, cosign);
});
afterAll(async () => {
  await f?.close();
});

async function mirrorJson(path: string): Promise<Record<string, unknown>> {
  return (await (await fetch(`${f.network.mirrorRestUrl}${path}`)).json()) as Record<string, unknown>;
}

describe('ledger entities controlled by an organization key', () => {
  it('creates a topic whose admin and submit key is the control key, and submits co-signed', async () => {
    const scope = { orgId: 'org-c', idempotencyKey: 'topic/controlled' };
    const { topicId } = await ledger.ensureTopic({ ...scope, restrictSubmit: true, controlKey });
    const sent = await ledger.submitMessage({
      orgId: 'org-c',
      idempotencyKey: 'anchor/c1',
      topicId,
      message: new TextEncoder().encode('anchored'),
      controlKey,
    });
    expect(sent.sequenceNumber).toBe(1);
    const topic = await mirrorJson(`/api/v1/topics/${topicId}`);
    expect(topic.submit_key).toEqual({ _type: 'ED25519', key: controlKey });
    expect(topic.admin_key).toEqual({ _type: 'ED25519', key: controlKey });
  });

  it('creates a token whose supply key is the control key and mints co-signed', async () => {
    const token = await ledger.createToken({
      orgId: 'org-c',
      idempotencyKey: 'token/controlled',
      name: 'Hydro Carbon Credit',
      symbol: 'HCC',
      decimals: 3,
      controlKey,
    });
    const minted = await ledger.mint({
      orgId: 'org-c',
      idempotencyKey: 'mint/c1',
      tokenId: token.tokenId,
      amount: '1500',
      controlKey,
    });
    expect(minted.newTotalSupply).toBe('1500');
    const info = await mirrorJson(`/api/v1/tokens/${token.tokenId}`);
    expect(info.supply_key).toEqual({ _type: 'ED25519', key: controlKey });
  });

  it('refuses a control-key request when no co-signer holds that key', async () => {
    const other = Buffer.from(PrivateKey.generateED25519().publicKey.toBytesRaw()).toString('hex');
    await expect(
      ledger.ensureTopic({ orgId: 'org-c', idempotencyKey: 'topic/foreign', controlKey: other }),
    ).rejects.toThrow(/not our key/);
    await expect(
      f.ledger.ensureTopic({ orgId: 'org-c', idempotencyKey: 'topic/no-cosigner', controlKey }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('refuses a control key that is not a raw Ed25519 public key', async () => {
    await expect(
      ledger.ensureTopic({ orgId: 'org-c', idempotencyKey: 'topic/bad', controlKey: 'zz' }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
