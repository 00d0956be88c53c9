import { describe, expect, it } from 'vitest';
import { checkAcrossIssuances } from '../../identity/check-issuances.ts';

/** A reading may count in one issuance of a token only (check-issuances.ts). */
describe('checkAcrossIssuances', () => {
  const mine = ['did:key:z6MkA#1', 'did:key:z6MkA#2', 'did:key:z6MkB#1'];

  it('passes the only issuance of a token, and issuances counting other readings', () => {
    expect(checkAcrossIssuances(mine, [])).toEqual([
      { link: 'issuances.unique', ok: true, detail: 'the only issuance of its token' },
    ]);
    const [check] = checkAcrossIssuances(mine, [
      { transactionId: '0.0.2@1.1', countedReadings: ['did:key:z6MkA#3', 'did:key:z6MkB#2'] },
    ]);
    expect(check).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/none of the 3 counted readings/),
    });
  });

  it("fails a reading another issuance counted, and another issuance that can't be verified", () => {
    const [twice] = checkAcrossIssuances(mine, [
      { transactionId: '0.0.2@1.1', countedReadings: ['did:key:z6MkB#1', 'did:key:z6MkA#2'] },
    ]);
    expect(twice).toMatchObject({ link: 'issuances.unique', ok: false });
    expect(twice!.detail).toMatch(
      /^2 reading\(s\) also counted by issuance 0\.0\.2@1\.1 \(e\.g\. did:key:z6Mk.#\d\)$/,
    );
    const [unknown] = checkAcrossIssuances(mine, [
      { transactionId: '0.0.2@2.2', unverifiable: 'cannot read x' },
    ]);
    expect(unknown).toMatchObject({
      ok: false,
      detail: 'issuance 0.0.2@2.2 cannot be verified (cannot read x)',
    });
  });
});
