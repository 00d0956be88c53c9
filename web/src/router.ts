import { useEffect, useState } from 'preact/hooks';

/** Routes live in the URL fragment, so the server serves one page (and one CSP) for all of them. */
export function useRoute(): string[] {
  const read = () =>
    (location.hash.replace(/^#\/?/, '') || '')
      .split('/')
      .filter(Boolean)
      .map((p) => decodeURIComponent(p));
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const onChange = () => setParts(read());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return parts;
}

export const go = (path: string): void => {
  location.hash = `#/${path}`;
};
