/** Flattens the nested errors `@digitalbazaar/vc` reports into readable messages. */
export function verificationErrors(result: unknown): string[] {
  const out: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 6) return;
    const v = value as {
      error?: unknown;
      errors?: unknown[];
      message?: string;
      results?: unknown[];
      statusResult?: unknown;
      presentationResult?: unknown;
      credentialResults?: unknown[];
    };
    if (value instanceof Error) {
      if (Array.isArray(v.errors) && v.errors.length > 0) for (const e of v.errors) visit(e, depth + 1);
      else if (v.message) out.push(v.message);
      return;
    }
    visit(v.error, depth + 1);
    for (const r of v.results ?? []) visit(r, depth + 1);
    visit(v.statusResult, depth + 1);
    visit(v.presentationResult, depth + 1);
    for (const r of v.credentialResults ?? []) visit(r, depth + 1);
  };
  visit(result, 0);
  return [...new Set(out)];
}
