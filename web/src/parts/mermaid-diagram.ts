import mermaid from 'mermaid';

let ready = false;
let counter = 0;
const SVG_NS = 'http://www.w3.org/2000/svg';
// In serialized markup `"` is escaped only inside attribute values, so ` style="` starts an attribute.
const STYLE_ATTR = / style="/g;
const KEPT_STYLE_ATTR = / data-mmd-style="/g;

/**
 * Mermaid lays a diagram out in the live page and styles it with a `<style>` element it creates
 * there and `style` attributes it sets, both of which our CSP (`style-src 'self'`, no
 * 'unsafe-inline') refuses. During one render, the element is swapped for an inert SVG `<g>` that
 * keeps its CSS text, which is applied to the page as a constructed stylesheet so text is measured
 * as it will be drawn; `setAttribute('style', …)` goes through CSSOM (`style.cssText`) instead. CSP
 * does not govern CSSOM. Mermaid then sanitizes the serialized SVG by parsing it (DOMPurify, with
 * `DOMParser`), and parsing markup with `style` attributes is refused by the CSP as well (and drops
 * them): during the render those attributes are parsed as `data-mmd-style`, which the sanitizer
 * keeps, and become `style` again in the image. Every patch is undone when the render ends.
 * Returns the CSS so it can go back into the finished image.
 */
async function renderWithoutInlineStyle(id: string, source: string): Promise<{ svg: string; css: string }> {
  const create = document.createElement;
  let css = '';
  const sheet = new CSSStyleSheet();
  const adopted = document.adoptedStyleSheets;
  document.createElement = function (this: Document, tag: string, options?: ElementCreationOptions) {
    if (tag.toLowerCase() !== 'style') return create.call(this, tag, options);
    const stand = document.createElementNS(SVG_NS, 'g');
    Object.defineProperty(stand, 'innerHTML', {
      get: () => '',
      set: (text: string) => {
        css = text;
        sheet.replaceSync(text);
      },
    });
    return stand as unknown as HTMLElement;
  } as typeof document.createElement;
  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style' && 'style' in this) {
      (this as HTMLElement).style.cssText = String(value);
      return;
    }
    setAttribute.call(this, name, value);
  };
  const parse = DOMParser.prototype.parseFromString;
  // DOMPurify hands over a TrustedHTML where the browser has Trusted Types: String() reads it.
  DOMParser.prototype.parseFromString = function (
    this: DOMParser,
    markup: string,
    type: DOMParserSupportedType,
  ) {
    return parse.call(this, String(markup).replace(STYLE_ATTR, ' data-mmd-style="'), type);
  };
  document.adoptedStyleSheets = [...adopted, sheet];
  try {
    const { svg } = await mermaid.render(id, source);
    return { svg: svg.replace(KEPT_STYLE_ATTR, ' style="'), css };
  } finally {
    document.createElement = create;
    Element.prototype.setAttribute = setAttribute;
    DOMParser.prototype.parseFromString = parse;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  }
}

/** `<` and `&` cannot appear raw in an XML `<style>`; CDATA keeps selectors like `a > b` intact. */
const cdata = (css: string) => `<![CDATA[${css.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/**
 * Renders Mermaid source to an SVG image URL, locally (no CDN), under the console's strict CSP: no
 * inline style in the page. The SVG carries its own stylesheet; as an `<img>` it is a separate
 * image document, so its styles are not the page's inline styles.
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
  const { svg, css } = await renderWithoutInlineStyle(`mmd-${counter}`, source);
  const styled = svg.replace(/^(<svg\b[^>]*>)/, `$1<style>${cdata(css)}</style>`);
  return URL.createObjectURL(new Blob([styled], { type: 'image/svg+xml' }));
}
