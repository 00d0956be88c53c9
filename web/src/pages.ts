/** The console's pages and the scope each needs: the nav hides what the API would refuse anyway. */
export const pages = [
  { id: 'reviews', label: 'Review queue', scope: 'readings:read' },
  { id: 'reports', label: 'Monitoring reports', scope: 'readings:read' },
  { id: 'author', label: 'Policy workspace', scope: 'policy:write' },
  { id: 'operator', label: 'Projects & devices', scope: 'admin' },
  { id: 'keys', label: 'API keys', scope: 'admin' },
  { id: 'audit', label: 'Audit log', scope: 'admin' },
  { id: 'auditor', label: 'Trust chain', scope: 'readings:read' },
  { id: 'sessions', label: 'Sessions', scope: 'any' },
] as const;

export type PageId = (typeof pages)[number]['id'];
