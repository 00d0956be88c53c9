import type { RouteSpec } from './route.ts';

/**
 * The methods the declared routes allow on a request path, for a 405 with `Allow` instead of a 404
 * when the path exists but the method does not (RFC 9110 §15.5.6). GET implies HEAD.
 */
export function allowedMethods(routes: readonly RouteSpec[], path: string): string[] {
  const allowed = new Set<string>();
  // A literal path (`/v1/devices/provision`) is not also the template beside it (`/v1/devices/{deviceId}`).
  const literal = routes.filter((r) => r.path === path);
  for (const route of literal.length > 0 ? literal : routes) {
    const pattern = new RegExp(
      `^${route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`,
    );
    if (!pattern.test(path)) continue;
    allowed.add(route.method.toUpperCase());
    if (route.method === 'get') allowed.add('HEAD');
  }
  return [...allowed].sort();
}
