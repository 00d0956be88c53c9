import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { html } from '../html.ts';
import { ErrorBox, Loading } from '../parts/states.ts';
import { useApi } from '../parts/use-api.ts';
import type { Project } from './operator.ts';

interface Provisioned {
  device: { id: string; did: string; name: string | null; template: string | null };
  pairing_qr_png: string;
}

/** A shipped edge template as `GET /v1/edge-templates` answers it. */
interface EdgeTemplate {
  name: string;
  manufacturer: string;
  model: string;
  protocol: string;
  source: { manual: string; url: string | null; verified: boolean; note: string | null };
  sensors: { sensor_id: string; type: string; unit: string }[];
}

/** The template step: pick the meter's map, see the manual it cites and the sensors it reads. */
function TemplateStep({ value, onPick }: { value: string; onPick: (name: string) => void }) {
  const { data, error, loading } = useApi<{ data: EdgeTemplate[] }>('/v1/edge-templates');
  const chosen = data?.data.find((t) => t.name === value);
  return html`<${ErrorBox} error=${error} />
    ${loading && !data ? html`<${Loading} what="the edge templates" />` : null}
    ${
      data
        ? html`<label>Edge template (how the gateway reads this meter) <select value=${value} onChange=${(e: Event) => onPick((e.target as HTMLSelectElement).value)}>
            <option value="">none (choose on the gateway later)</option>
            ${data.data.map((t) => html`<option value=${t.name}>${t.manufacturer} ${t.model} (${t.protocol})</option>`)}</select></label>`
        : null
    }
    ${
      chosen
        ? html`<div class="template" data-testid="template-details">
            <p>Manual cited: <cite>${chosen.source.manual}</cite>${chosen.source.url ? html` (<a href=${chosen.source.url} rel="noreferrer">source</a>)` : null}.
              ${chosen.source.verified ? 'Register map checked against it.' : html`<strong>Not checked against the manual: confirm the map on site.</strong>`}</p>
            <table aria-label=${`Sensors of ${chosen.name}`}><thead><tr><th scope="col">Sensor</th><th scope="col">Reading</th><th scope="col">Unit</th></tr></thead>
              <tbody>${chosen.sensors.map((s) => html`<tr><td>${s.sensor_id}</td><td>${s.type}</td><td>${s.unit}</td></tr>`)}</tbody></table>
          </div>`
        : null
    }`;
}

/**
 * Project → scope → template → name → pairing QR. The QR carries the device's private key: it is shown once,
 * downloadable once, and forgotten when the wizard closes.
 */
export function ProvisionWizard({ projects }: { projects: Project[] }) {
  const [step, setStep] = useState(1);
  const [projectId, setProjectId] = useState(projects[0]?.id ?? '');
  const [scope, setScope] = useState('plant');
  const [template, setTemplate] = useState('');
  const [name, setName] = useState('');
  const [result, setResult] = useState<Provisioned | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const project = projects.find((p) => p.id === projectId);
  const scopes = ['plant', ...(project?.plant.units ?? []).map((u) => u.unit_id)];
  const provision = async () => {
    setError(null);
    try {
      setResult(
        await api<Provisioned>('/v1/devices/provision', {
          json: {
            project_id: projectId,
            scope,
            ...(template ? { template } : {}),
            ...(name.trim() ? { name: name.trim() } : {}),
          },
        }),
      );
      setStep(5);
    } catch (err) {
      setError(err);
    }
  };
  const reset = () => {
    setResult(null);
    setDownloaded(false);
    setStep(1);
    setName('');
    setTemplate('');
  };
  return html`<section class="card wizard" aria-labelledby="wiz-h">
    <h2 id="wiz-h">Provision a device</h2>
    <ol class="steps">${['Project', 'Scope', 'Template', 'Name', 'Pairing QR'].map(
      (s, i) => html`<li aria-current=${step === i + 1 ? 'step' : undefined}>${s}</li>`,
    )}</ol>
    ${
      step === 1
        ? html`<label>Project <select value=${projectId} onChange=${(e: Event) => setProjectId((e.target as HTMLSelectElement).value)}>
            ${projects.map((p) => html`<option value=${p.id}>${p.name}</option>`)}</select></label>
          <button type="button" onClick=${() => setStep(2)}>Next</button>`
        : null
    }
    ${
      step === 2
        ? html`<label>Scope (the whole plant or one unit) <select value=${scope} onChange=${(e: Event) => setScope((e.target as HTMLSelectElement).value)}>
            ${scopes.map((s) => html`<option value=${s}>${s}</option>`)}</select></label>
          <button type="button" onClick=${() => setStep(1)}>Back</button> <button type="button" onClick=${() => setStep(3)}>Next</button>`
        : null
    }
    ${
      step === 3
        ? html`<${TemplateStep} value=${template} onPick=${setTemplate} />
          <button type="button" onClick=${() => setStep(2)}>Back</button> <button type="button" onClick=${() => setStep(4)}>Next</button>`
        : null
    }
    ${
      step === 4
        ? html`<label>Device name (optional) <input value=${name} maxlength="200" onInput=${(e: Event) => setName((e.target as HTMLInputElement).value)} /></label>
          <p class="hint">The API generates the device key; its private half is in the QR code and shown only now.</p>
          <button type="button" onClick=${() => setStep(3)}>Back</button> <button type="button" class="primary" onClick=${provision}>Provision</button>`
        : null
    }
    ${
      step === 5 && result
        ? html`<p class="state ok" role="status">Provisioned ${result.device.name ?? result.device.id}${result.device.template ? ` (read with ${result.device.template})` : ''}. Scan this with the edge agent; it will not be shown again.</p>
          <img class="qr" src=${result.pairing_qr_png} alt=${`Pairing QR code for ${result.device.id}`} data-testid="pairing-qr" width="240" height="240" />
          <p>${
            downloaded
              ? 'Downloaded. The code is not kept anywhere else.'
              : html`<a href=${result.pairing_qr_png} download=${`${result.device.id}-pairing.png`} onClick=${() => setTimeout(() => setDownloaded(true), 0)}>Download the QR code (once)</a>`
          }</p>
          <button type="button" onClick=${reset}>Done — forget the code</button>`
        : null
    }
    <${ErrorBox} error=${error} />
  </section>`;
}
