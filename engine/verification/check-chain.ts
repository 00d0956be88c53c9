import type { CanonicalForms } from '../telemetry/canonical-forms.ts';
import { documentHash } from '../telemetry/document-hash.ts';
import type { TelemetryDocument } from '../telemetry/telemetry-document.ts';
import type { DeviceState } from './device-state.ts';
import { enabled, finding, type RuleInput } from './rule-input.ts';
import type { Finding } from './verdict.ts';

/**
 * `time.chain`: a document that names its predecessor (`prev_hash`) must name the last document this
 * verifier accepted from the device. A mismatch means documents went missing between the meter and
 * us (or were rejected), or the device's stream forked — a finding for a human, never a crash. A
 * late document (seq below the last accepted) is judged by the sequence rules instead.
 */
export function checkChain(input: Pick<RuleInput, 'document' | 'state' | 'config'>): Finding[] {
  const { document, state, config } = input;
  const last = state.chain;
  if (!enabled(config, 'time.chain') || document.prev_hash === undefined || !last) return [];
  if (document.seq <= last.seq || document.prev_hash === last.hash) return [];
  const missing = document.seq - last.seq - 1;
  const message =
    missing > 0
      ? `prev_hash does not match accepted seq ${last.seq}: ${missing} document(s) before seq ${document.seq} were lost or rejected`
      : `prev_hash does not match the accepted document seq ${last.seq}: the device's chain forked`;
  return [finding('time.chain', 'warning', message, { measured: missing })];
}

/** The chain link the verifier keeps after accepting `document` (the newest seq wins). */
export function nextChain(
  state: DeviceState,
  document: TelemetryDocument,
  forms?: CanonicalForms,
): DeviceState['chain'] {
  if (state.chain && document.seq <= state.chain.seq) return state.chain;
  return { seq: document.seq, hash: documentHash(document, forms) };
}
