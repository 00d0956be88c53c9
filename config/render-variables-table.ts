import { variables } from './variables.ts';

/** The README's configuration table, rendered from the variables table (a test keeps them equal). */
export function renderVariablesTable(): string {
  const rows = variables.map((v) => {
    const fallback = 'default' in v ? `\`${v.default}\`` : '—';
    const description = v.description.replace(/\|/g, '\\|');
    return `| \`${v.name}\` | ${fallback} | ${description} |`;
  });
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}
