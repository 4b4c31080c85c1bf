// What every page of the console shares: the state of the session, texts, REST calls, elements and money.
export const LANGS = ['zh-CN', 'en'];
export const state = { lang: localStorage.getItem('shebao.lang') || 'zh-CN', texts: {}, me: null, menu: null, types: [], entries: [] };

/** Formats a text with {0}, {1}… from the texts given (the console's by default). */
export function format(texts, key, args) {
  let s = texts[key] ?? key;
  args.forEach((a, i) => { s = s.split(`{${i}}`).join(String(a)); });
  return s;
}

export function t(key, ...args) {
  return format(state.texts, key, args);
}

/** One call of the platform's REST API, in the chosen language; answers {status, ok, json}. */
export async function api(method, path, body) {
  const headers = { 'Accept-Language': state.lang, 'Accept': 'application/json' };
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (response.status === 401 && !path.startsWith('/api/session')) {
    state.me = null;
    location.hash = '#/login';
  }
  return { status: response.status, ok: response.ok, json };
}

/** Builds an element: el('a', {href: '#/'}, 'text', child...). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else if (k === 'class') e.className = v;
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c !== undefined && c !== null && c !== false) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

export function money(v) {
  if (v === undefined || v === null || v === '') return '—';
  const [i, f = '00'] = String(v).split('.');
  return `¥ ${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(f + '00').substring(0, 2)}`;
}

const SHANGHAI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A moment as the bureau reads it: yyyy-MM-dd HH:mm in Asia/Shanghai (the API's instants are in UTC). */
export function when(instant) {
  if (!instant) return '—';
  if (!/(Z|[+-]\d\d:\d\d)$/.test(instant)) return instant.replace('T', ' ').substring(0, 16);
  const p = Object.fromEntries(SHANGHAI.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function announce(text) {
  const live = document.getElementById('live');
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 50);
}

/** A page's main element, showing that it loads. */
export function loadingMain() {
  return el('main', {}, el('p', { class: 'loading' }, t('app.loading')));
}

export function alert(text) {
  return el('p', { class: 'alert', role: 'alert' }, text);
}

export async function loadTexts() {
  const response = await fetch(`/console/i18n/${state.lang}.json`);
  state.texts = await response.json();
  document.documentElement.lang = state.lang;
  document.title = t('app.title');
  document.getElementById('skip-link').textContent = t('app.skip');
}

/** The city's districts, code and name in the chosen language (from the server, once per language). */
export async function districts() {
  if (!state.districts || state.districts.lang !== state.lang) {
    const r = await api('GET', '/api/districts');
    state.districts = { lang: state.lang, list: r.ok ? r.json : [] };
  }
  return state.districts.list;
}

export const isCitizen = () => state.me && state.me.roles.includes('CITIZEN');
