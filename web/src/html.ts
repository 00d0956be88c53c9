import htm from 'htm';
import { h } from 'preact';

/** JSX-free templates (no build transform): `html\`<p>${x}</p>\``. */
export const html = htm.bind(h);
