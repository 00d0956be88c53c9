/** One link of a trust chain and whether it held. `link` names the part a failure points at. */
export interface TrustChainCheck {
  link: string;
  ok: boolean;
  detail: string;
  /** The check could not be made (mirror node down or answering garbage, unreadable bundle). */
  unusable?: true;
}

export function pass(link: string, detail: string): TrustChainCheck {
  return { link, ok: true, detail };
}

export function fail(link: string, detail: string): TrustChainCheck {
  return { link, ok: false, detail };
}

/** A failed check because the input could not be used at all: never VALID, and exit 2 in the CLI. */
export function unusable(link: string, detail: string): TrustChainCheck {
  return { link, ok: false, detail, unusable: true };
}
