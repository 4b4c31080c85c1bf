// Plugin screens: a business's own module for its form, or a menu entry's screen. Every module gets the same ctx:
//   t(key, ...args)  the plugin's texts (ui.* of its bundle) in the chosen language
//   api(method, path, body)  a REST call; a path without a leading '/' is the plugin's own, under /api/plugins/<id>/
//   url(path)  the absolute URL of such a path (for links), el, money, lang, me, home()
import { state, api, el, money, format, alert, t as consoleT } from './core.js';

const cache = new Map();

async function texts(plugin) {
  const key = `${plugin}/${state.lang}`;
  if (!cache.has(key)) {
    const r = await api('GET', `/api/plugin-texts/${encodeURIComponent(plugin)}`);
    cache.set(key, r.ok ? r.json : {});
  }
  return cache.get(key);
}

/** The ctx of a plugin's module, with what the page adds (task, editable, form…). */
export async function pluginCtx(plugin, extra = {}) {
  const own = await texts(plugin);
  const base = `/api/plugins/${encodeURIComponent(plugin)}`;
  const url = (path) => (path.startsWith('/') ? path : `${base}/${path}`);
  return Object.assign({
    plugin,
    t: (key, ...args) => format(own, key, args),
    api: (method, path, body) => api(method, url(path), body),
    url,
    el,
    money,
    lang: state.lang,
    me: state.me,
    home: () => { location.hash = '#/'; },
  }, extra);
}

/** Loads the module and lets it draw into root; a module that fails says so in the page. */
export async function mount(root, moduleUrl, plugin, extra) {
  try {
    const module = await import(moduleUrl);
    await module.default(root, await pluginCtx(plugin, extra));
  } catch (e) {
    root.append(alert(consoleT('app.error', e.message)));
  }
}
