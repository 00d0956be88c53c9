import { readFileSync } from 'node:fs';

/** One JSON request of a benchmark's setup; throws on any non-2xx answer. */
export async function json(url: string, init: RequestInit & { key?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.key) headers.set('authorization', `Bearer ${init.key}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const res = await fetch(url, { ...init, headers });
  // biome-ignore lint/suspicious/noExplicitAny: setup answers are read loosely
  const body = (await res.json()) as Record<string, any>;
  if (res.status >= 300)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** A fresh organization with the shipped hydro policy published and a project for the small plant. */
export async function benchProject(base: string, name: string): Promise<{ key: string; projectId: string }> {
  const org = await json(`${base}/v1/organizations`, { method: 'POST', body: JSON.stringify({ name }) });
  const key = org.api_key.key as string;
  const draft = await json(`${base}/v1/policy-drafts?file_name=hydro-ams-i-d.yaml`, {
    method: 'POST',
    key,
    body: readFileSync('policies/hydro-ams-i-d.yaml', 'utf8'),
    headers: { 'content-type': 'application/yaml' },
  });
  const version = await json(`${base}/v1/policy-drafts/${draft.id}/publish`, { method: 'POST', key });
  const plant = JSON.parse(readFileSync('policies/fixtures/hydro-ams-i-d/plant-small.json', 'utf8'));
  const project = await json(`${base}/v1/projects`, {
    method: 'POST',
    key,
    body: JSON.stringify({ plant: { ...plant, devices: [] }, policy_version_id: version.id }),
  });
  return { key, projectId: project.id as string };
}
