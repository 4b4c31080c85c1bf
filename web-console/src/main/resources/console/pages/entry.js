// A plugin's menu entry: its own screen, drawn by its module.
import { state, t, el, loadingMain, alert } from '../core.js';
import { shell } from '../shell.js';
import { mount } from '../plugins.js';

export async function entryPage(id) {
  const main = loadingMain();
  shell(main);
  const entry = state.entries.find((e) => e.id === id);
  if (!entry) { main.replaceChildren(alert(t('app.notFound'))); return; }
  const root = el('section', { class: 'card', 'aria-label': entry.name });
  main.replaceChildren(root);
  await mount(root, entry.uiModule, entry.plugin);
}
