/**
 * Signs telemetry documents as an edge device would (docs/api walkthrough; real devices sign on the
 * device). Reads unsigned telemetry v1 documents — one object or an array — on stdin and writes them
 * signed (Ed25519 over the JCS form, shared/specs/telemetry-v1.md) as a JSON array on stdout.
 *
 *   npx tsx scripts/sign-telemetry.ts device.json < unsigned.json > signed.json
 *
 * `device.json` is the answer of `POST /v1/devices/provision` (its `pairing.private_key_jwk`).
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signTelemetry } from '../engine/telemetry/index.ts';

const [file] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: sign-telemetry.ts <provisioned-device.json> < unsigned.json\n');
  process.exit(2);
}
const provisioned = JSON.parse(readFileSync(file, 'utf8')) as { pairing?: { private_key_jwk?: object } };
const jwk = provisioned.pairing?.private_key_jwk;
if (!jwk) {
  process.stderr.write(`${file}: no pairing.private_key_jwk (is it the provisioning answer?)\n`);
  process.exit(2);
}
const privateKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
const input = JSON.parse(readFileSync(0, 'utf8')) as unknown;
const documents = Array.isArray(input) ? input : [input];
process.stdout.write(`${JSON.stringify(documents.map((d) => signTelemetry(d as never, privateKey)))}\n`);
