import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { html } from '../html.ts';
import { Empty, ErrorBox, Loading } from '../parts/states.ts';
import { useApi } from '../parts/use-api.ts';
import type { Session } from '../session.ts';
import { ProvisionWizard } from './provision-wizard.ts';

export interface Project {
  id: string;
  name: string;
  plant_id: string;
  policy: { policy_id: string; version: string };
  plant: { units?: { unit_id: string }[] };
}
interface Device {
  id: string;
  name: string | null;
  scope: string;
  status: string;
  policy_status: string | null;
  origin: string;
}

const commands = [
  ['suspend', 'Suspend', ['active']],
  ['reactivate', 'Reactivate', ['suspended']],
  ['decommission', 'Decommission', ['active', 'suspended', 'pending']],
] as const;

function Devices({ project }: { project: Project }) {
  const { data, error, loading, reload } = useApi<{ data: Device[] }>(`/v1/devices?project_id=${project.id}`);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  // A lifecycle change needs a reason (it goes into the device's history): asked in the page, not by prompt().
  const [pending, setPending] = useState<{ device: Device; command: string; label: string } | null>(null);
  const run = async (d: Device, command: string, reason: string) => {
    setActionError(null);
    try {
      const r = await api<{ status?: string }>(`/v1/devices/${d.id}/${command}`, { json: { reason } });
      setNotice(`${d.name ?? d.id}: ${command} recorded${r?.status ? ` (${r.status})` : ''}`);
      setPending(null);
      reload();
    } catch (err) {
      setActionError(err);
    }
  };
  return html`<section class="card" aria-label=${`Devices of ${project.name}`}>
    <h3>Devices</h3>
    <${ErrorBox} error=${error ?? actionError} />
    ${notice ? html`<p class="state ok" role="status">${notice}</p>` : null}
    ${loading && !data ? html`<${Loading} what="devices" />` : null}
    ${data && data.data.length === 0 ? html`<p class="muted">No device yet: provision one with the wizard.</p>` : null}
    ${
      data && data.data.length > 0
        ? html`<table><thead><tr><th scope="col">Device</th><th scope="col">Scope</th><th scope="col">Status</th><th scope="col">Policy status</th><th scope="col">Actions</th></tr></thead>
          <tbody>${data.data.map(
            (
              d,
            ) => html`<tr><td>${d.name ?? d.id}</td><td>${d.scope}</td><td><span class=${`status ${d.status}`}>${d.status}</span></td><td>${d.policy_status ?? '—'}</td>
              <td>${commands
                .filter(([, , from]) => (from as readonly string[]).includes(d.status))
                .map(
                  ([c, label]) =>
                    html`<button type="button" class="small" onClick=${() => setPending({ device: d, command: c as string, label: label as string })}>${label}</button> `,
                )}</td></tr>`,
          )}</tbody></table>`
        : null
    }
    ${
      pending
        ? html`<form class="reason" aria-label=${`${pending.label} ${pending.device.name ?? pending.device.id}`} onSubmit=${(
            e: Event,
          ) => {
            e.preventDefault();
            const reason = String(new FormData(e.target as HTMLFormElement).get('reason') ?? '').trim();
            if (reason) run(pending.device, pending.command, reason);
          }}>
            <label>Reason to ${pending.label.toLowerCase()} ${pending.device.name ?? pending.device.id} (required)
              <input name="reason" required maxlength="500" ref=${(el: HTMLInputElement | null) => el?.focus()} /></label>
            <button type="submit">${pending.label}</button>
            <button type="button" onClick=${() => setPending(null)}>Cancel</button>
          </form>`
        : null
    }
  </section>`;
}

/** The operator's view: projects and their devices with status, lifecycle actions and provisioning. */
export function OperatorPage(_: { session: Session }) {
  const { data, error, loading } = useApi<{ data: Project[] }>('/v1/projects');
  const [selected, setSelected] = useState('');
  const projects = data?.data ?? [];
  const project = projects.find((p) => p.id === selected) ?? projects[0];
  return html`<h1>Projects & devices</h1>
    <${ErrorBox} error=${error} />
    ${loading && !data ? html`<${Loading} what="projects" />` : null}
    ${data && projects.length === 0 ? html`<${Empty}><p>No project yet. Create one with <code>POST /v1/projects</code> (a plant file and a published policy).</p></${Empty}>` : null}
    ${
      projects.length > 0
        ? html`<table><thead><tr><th scope="col">Project</th><th scope="col">Plant</th><th scope="col">Policy</th><th scope="col"><span class="visually-hidden">Select</span></th></tr></thead>
          <tbody>${projects.map(
            (
              p,
            ) => html`<tr class=${p.id === project?.id ? 'selected' : ''}><td>${p.name}</td><td>${p.plant_id}</td><td>${p.policy.policy_id}@${p.policy.version}</td>
              <td><button type="button" class="small" aria-pressed=${p.id === project?.id} onClick=${() => setSelected(p.id)}>Show devices</button></td></tr>`,
          )}</tbody></table>`
        : null
    }
    ${project ? html`<${Devices} key=${project.id} project=${project} />` : null}
    ${projects.length > 0 ? html`<${ProvisionWizard} projects=${projects} />` : null}`;
}
