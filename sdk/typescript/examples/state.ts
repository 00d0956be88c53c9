// Examples hand what they made to the next one through a JSON file (MRV_STATE), as a person would
// keep notes between steps. Not part of the SDK.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const file = process.env.MRV_STATE ?? 'mrv-example-state.json';
export const baseUrl = process.env.MRV_API_URL ?? 'http://127.0.0.1:8080';
export const state = (): Record<string, any> =>
  existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
export const save = (extra: Record<string, unknown>) =>
  writeFileSync(file, JSON.stringify({ ...state(), ...extra }, null, 2));
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  seconds = 240,
): Promise<T> {
  for (let i = 0; i < seconds * 2; i++) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}
