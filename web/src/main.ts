import { render } from 'preact';
import { App } from './app.ts';
import { html } from './html.ts';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(html`<${App} />`, root);
}
