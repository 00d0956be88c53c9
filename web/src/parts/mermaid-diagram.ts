import mermaid from 'mermaid';

let ready = false;
let counter = 0;

/**
 * Renders Mermaid source to an SVG image URL, locally (no CDN). Shown as an <img>, the SVG's own
 * styles need no `style-src 'unsafe-inline'` in the page's CSP.
 */
export async function mermaidToImageUrl(source: string): Promise<string> {
  if (!ready) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      htmlLabels: false,
      flowchart: { htmlLabels: false },
    });
    ready = true;
  }
  counter += 1;
  const { svg } = await mermaid.render(`mmd-${counter}`, source);
  return URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
}
