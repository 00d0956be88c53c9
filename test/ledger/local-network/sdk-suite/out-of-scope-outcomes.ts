/**
 * How each out-of-scope test of the Hiero SDK suite must end (classify.mjs decides what is out of scope).
 * An out-of-scope test passes only for a reason listed in PASSES; otherwise it fails, and its failure
 * must show the network's refusal (NOT_SUPPORTED, or Hedera's status for the field), or be one of the
 * tests in SWALLOWED that catch that refusal and then assert on another status. Anything else — an
 * accidental pass, a TypeError, gRPC UNIMPLEMENTED — means the network answered like something it is not.
 */

export interface VitestAssertion {
  ancestorTitles: string[];
  title: string;
  status: string;
  failureMessages?: string[];
}

type Rule = [file: string, title: RegExp, reason: string];

/** Out-of-scope tests that may pass, and why that is not by accident. */
export const PASSES: readonly Rule[] = [
  [
    'AccountCreate',
    /^should error when trying to create an account with .*non-ECDSA/,
    'the SDK refuses it before sending',
  ],
  [
    'TokenCreate',
    /^should be executable$/,
    'token keys are stored and reported (their operations are refused)',
  ],
  ['TokenCreate', /expirationTime/, 'a token expiry is stored and reported (not enforced)'],
  [
    'TokenInfo',
    /^should be executable$/,
    'token keys are stored and reported (their operations are refused)',
  ],
];

/** Out-of-scope tests that catch the network's NOT_SUPPORTED and fail on an assertion about another status. */
export const SWALLOWED: readonly Rule[] = [
  ['AccountCreate', /^should error when trying to create account with .*without signature$/, 'alias refused'],
  [
    'TopicCreate',
    /invalid fee exempt key|should fail to update (fee schedule key|custom fees)/,
    'HIP-991 refused',
  ],
  ['TokenAssociate', /auto association is set to less than -1/, 'AccountUpdate refused'],
];

/** Failures that are the expected refusal: a Hedera status for an unsupported feature, or no route out. */
const REFUSAL = /\bNOT_SUPPORTED\b|PROXY_ACCOUNT_ID_FIELD_IS_DEPRECATED/;
const NO_ROUTE = /ENETUNREACH|ECONNREFUSED/;
/** Out-of-scope tests that need other networks: they must fail for want of a route (loopback only). */
export const OTHER_NETWORKS: readonly Rule[] = [
  ['AccountBalance', /can query balance of node 0\.0\.3|with TLS/, 'public testnet/previewnet'],
];

const find = (rules: readonly Rule[], file: string, title: string) =>
  rules.find(([f, re]) => file.startsWith(f) && re.test(title));

/** Why an out-of-scope outcome is wrong, or undefined when it is as required. */
export function outOfScopeViolation(file: string, t: VitestAssertion): string | undefined {
  const title = t.ancestorTitles.slice(1).concat(t.title).join(' > ');
  const leaf = t.title;
  if (t.status === 'skipped' || t.status === 'pending') return undefined;
  if (t.status === 'passed') {
    return find(PASSES, file, leaf) ? undefined : `${file} :: ${title} passed although out of scope`;
  }
  const first = (t.failureMessages?.[0] ?? '').split('\n')[0] ?? '';
  if (find(OTHER_NETWORKS, file, leaf)) {
    return NO_ROUTE.test(first) ? undefined : `${file} :: ${title} reached another network? ${first}`;
  }
  if (REFUSAL.test(first)) return undefined;
  if (find(SWALLOWED, file, leaf) && /^(AssertionError|Error: .*did not error)/.test(first)) return undefined;
  return `${file} :: ${title} failed without the network's refusal: ${first.slice(0, 200)}`;
}

/** classify.mjs's OOS rule list (the one place of it), read from its source. */
export function outOfScopeRules(classifySource: string): Rule[] {
  const m = /const OOS = \[([\s\S]*?)\n\];/.exec(classifySource);
  if (!m) throw new Error('classify.mjs has no `const OOS = [...]` list');
  return new Function(`return [${m[1]}];`)() as Rule[];
}

export function isOutOfScope(rules: readonly Rule[], file: string, t: VitestAssertion): boolean {
  const title = t.ancestorTitles.slice(1).concat(t.title).join(' > ');
  return rules.some(([f, re]) => file.startsWith(f) && re.test(title));
}
