/** One link of a trust chain and whether it held. `link` names the part a failure points at. */
export interface TrustChainCheck {
  link: string;
  ok: boolean;
  detail: string;
}

export function pass(link: string, detail: string): TrustChainCheck {
  return { link, ok: true, detail };
}

export function fail(link: string, detail: string): TrustChainCheck {
  return { link, ok: false, detail };
}
