// The citizen's console: plain ES modules, no build step. It names no business: menus, forms and screens come
// from the business types and menu entries the platform lists for the caller's district.
import { renderForm } from './form.js';
import { inboxPage, reviewPage, adminPage } from './staff.js';

const LANGS = ['zh-CN', 'en'];
const state = { lang: localStorage.getItem('shebao.lang') || 'zh-CN', texts: {}, me: null, events: null, poll: null };

export function t(key, ...args) {
  let s = state.texts[key] ?? key;
  args.forEach((a, i) => { s = s.split(`{${i}}`).join(String(a)); });
  return s;
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

function when(instant) {
  return instant ? instant.replace('T', ' ').substring(0, 16) : '—';
}

function announce(text) {
  const live = document.getElementById('live');
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 50);
}

async function loadTexts() {
  const response = await fetch(`/console/i18n/${state.lang}.json`);
  state.texts = await response.json();
  document.documentElement.lang = state.lang;
  document.title = t('app.title');
  document.getElementById('skip-link').textContent = t('app.skip');
}

function shell(main) {
  const app = document.getElementById('app');
  const langSelect = el('select', { id: 'lang', onchange: async (e) => {
    state.lang = e.target.value;
    localStorage.setItem('shebao.lang', state.lang);
    state.menu = null;
    await loadTexts();
    route();
  } }, LANGS.map((l) => el('option', { value: l, selected: l === state.lang }, t(l === 'en' ? 'app.lang.en' : 'app.lang.zh'))));
  const tools = el('div', { class: 'tools' },
    el('label', { for: 'lang' }, t('app.language')), langSelect,
    state.me ? el('button', { class: 'secondary', type: 'button', id: 'logout', onclick: logout }, t('app.logout')) : null);
  const header = el('header', { class: 'top' },
    el('h1', {}, el('a', { href: '#/' }, t('app.title'))),
    state.me ? el('span', { class: 'who' }, t('home.welcome', state.me.name, state.me.district)) : null,
    tools);
  const layout = el('div', { class: 'layout' });
  if (state.me) layout.append(state.menu || el('nav', { class: 'menu', 'aria-label': t('app.menu') }));
  main.id = 'main';
  main.tabIndex = -1;
  layout.append(main);
  app.replaceChildren(header, layout);
}

const isCitizen = () => state.me && state.me.roles.includes('CITIZEN');
const staffCtx = () => ({ api, el, t });

async function buildMenu() {
  if (!isCitizen()) {
    const roles = state.me.roles;
    const entries = await api('GET', '/api/menu-entries');
    state.entries = entries.ok ? entries.json : [];
    state.menu = el('nav', { class: 'menu', 'aria-label': t('app.menu') }, el('ul', {},
      roles.includes('REVIEWER') ? el('li', {}, el('a', { href: '#/review', id: 'menu-review' }, t('staff.review'))) : null,
      roles.includes('ADMIN') || roles.includes('DISTRICT_ADMIN') ? el('li', {}, el('a', { href: '#/admin', id: 'menu-admin' }, t('staff.admin'))) : null,
      state.entries.map((m) => el('li', {}, el('a', { href: `#/entry/${encodeURIComponent(m.id)}`, 'data-entry': m.id }, m.name)))));
    return;
  }
  const [types, entries] = await Promise.all([api('GET', '/api/business-types'), api('GET', '/api/menu-entries')]);
  const groups = new Map();
  state.types = types.json || [];
  for (const b of (types.json || [])) {
    if (!groups.has(b.group)) groups.set(b.group, { name: b.groupName, items: [] });
    groups.get(b.group).items.push(el('li', {}, el('a', { href: `#/new/${encodeURIComponent(b.id)}`, 'data-business': b.id }, b.name)));
  }
  for (const m of (entries.json || [])) {
    if (!groups.has(m.group)) groups.set(m.group, { name: m.groupName, items: [] });
    groups.get(m.group).items.push(el('li', {}, el('a', { href: `#/entry/${encodeURIComponent(m.id)}`, 'data-entry': m.id }, m.name)));
  }
  const order = ['PERSONAL_BUSINESS', 'DECLARATION', 'OTHER'];
  const nav = el('nav', { class: 'menu', 'aria-label': t('app.menu') }, el('a', { href: '#/' }, t('app.home')));
  for (const key of order.filter((g) => groups.has(g))) {
    const g = groups.get(key);
    const id = `menu-${key}`;
    nav.append(el('h2', { id }, g.name), el('ul', { 'aria-labelledby': id }, g.items));
  }
  state.entries = entries.json || [];
  state.menu = nav;
}

async function logout() {
  await api('DELETE', '/api/session');
  state.me = null;
  stopEvents();
  location.hash = '#/login';
}

function loginPage() {
  const error = el('p', { class: 'error', id: 'login-error', role: 'alert' });
  const form = el('form', { class: 'task login', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const r = await api('POST', '/api/session', { idNumber: form.idNumber.value.trim(), password: form.password.value });
    if (r.ok) {
      state.me = r.json;
      if (location.hash === '#/' || location.hash === '') route(); else location.hash = '#/';
    } else {
      error.textContent = (r.json && r.json.detail) || t('login.failed');
    }
  } },
  el('div', { class: 'field required' }, el('label', { for: 'idNumber' }, t('login.idNumber')),
    el('input', { type: 'text', id: 'idNumber', name: 'idNumber', autocomplete: 'username', required: true, 'aria-required': 'true' })),
  el('div', { class: 'field required' }, el('label', { for: 'password' }, t('login.password')),
    el('input', { type: 'password', id: 'password', name: 'password', autocomplete: 'current-password', required: true, 'aria-required': 'true' })),
  error,
  el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'login-submit' }, t('login.submit'))));
  const main = el('main', {}, el('section', { class: 'card login' }, el('h2', {}, t('login.heading')), form));
  shell(main);
}

function taskTable(id, caption, tasks, done) {
  if (!tasks.length) return el('section', { class: 'card', 'aria-labelledby': id }, el('h2', { id }, caption), el('p', {}, t('home.empty')));
  const head = done
    ? [t('col.business'), t('col.submitted'), t('col.result'), t('col.action')]
    : [t('col.business'), t('col.created'), t('col.status'), t('col.returned'), t('col.reason'), t('col.action')];
  const rows = tasks.map((task) => {
    const open = el('a', { href: `#/task/${task.id}`, 'data-task': task.id }, t(done ? 'action.view' : 'action.open'));
    const status = el('span', { class: `status-${task.state}`, 'data-status': task.state }, t(`status.${task.state}`));
    return el('tr', { 'data-task-row': task.id }, done
      ? [el('td', {}, task.businessName), el('td', {}, when(task.submittedAt)), el('td', {}, status), el('td', {}, open)]
      : [el('td', {}, task.businessName), el('td', {}, when(task.createdAt)), el('td', {}, status),
        el('td', { class: task.returned ? 'returned-yes' : '' }, t(task.returned ? 'yes' : 'no')),
        el('td', {}, task.returnReason || ''), el('td', {}, open)]);
  });
  return el('section', { class: 'card', 'aria-labelledby': id, id: `${id}-section` }, el('h2', { id }, caption),
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': id },
      el('table', { id: `${id}-table` }, el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, rows))));
}

async function homePage() {
  const main = el('main', {}, el('p', { class: 'loading' }, t('app.loading')));
  shell(main);
  await refreshHome(main);
}

async function refreshHome(main) {
  const [todo, done] = await Promise.all([api('GET', '/api/tasks?list=todo&size=50'), api('GET', '/api/tasks?list=done&size=50')]);
  main.replaceChildren(taskTable('todo', t('home.todo'), todo.json ? todo.json.items : [], false),
    taskTable('done', t('home.done'), done.json ? done.json.items : [], true));
}

async function taskPage(params) {
  const main = el('main', {}, el('p', { class: 'loading' }, t('app.loading')));
  shell(main);
  let task = null;
  let typeId = params.type;
  if (params.id) {
    const r = await api('GET', `/api/tasks/${params.id}`);
    if (!r.ok) { main.replaceChildren(el('p', { class: 'alert', role: 'alert' }, (r.json && r.json.detail) || t('app.notFound'))); return; }
    task = r.json;
    typeId = task.businessType;
  }
  const form = await api('GET', `/api/business-types/${encodeURIComponent(typeId)}/form`);
  const editable = !task || task.state === 'DRAFT' || task.state === 'RETURNED';
  const name = task ? task.businessName : ((document.querySelector(`[data-business="${CSS.escape(typeId)}"]`) || {}).textContent || typeId);
  const heading = el('h2', { id: 'task-heading' }, name);
  const card = el('section', { class: 'card', 'aria-labelledby': 'task-heading' }, heading);
  main.replaceChildren(card);
  const message = el('div', { id: 'message', role: 'status' });
  card.append(message);
  if (task && task.returned && task.returnReason) card.append(el('p', { class: 'alert', id: 'return-reason', role: 'alert' }, t('form.returnReason', task.returnReason)));
  if (task && !editable) card.append(el('p', { class: 'notice', 'data-status': task.state }, `${t('col.status')}: ${t(`status.${task.state}`)}`, ' — ', t('form.readOnly')));
  if (!form.ok) { card.append(el('p', { class: 'alert', role: 'alert' }, (form.json && form.json.detail) || t('app.notFound'))); return; }
  const values = Object.assign({}, form.json.values, task ? task.data : {});
  const controller = renderForm(card, { fields: form.json.fields, values, editable, typeId, task, api, t, el, money });
  if (task && task.assessment) controller.setAmounts(task.assessment);
  // a business may add its own module to the generic form (a tick list the form cannot draw, say)
  const type = (state.types || []).find((b) => b.id === typeId);
  if (type && type.uiModule) {
    try {
      const module = await import(type.uiModule);
      await module.default(card, { api, el, money, lang: state.lang, task, editable, form: controller });
    } catch (e) {
      card.append(el('p', { class: 'alert', role: 'alert' }, t('app.error', e.message)));
    }
  }
  const actions = el('div', { class: 'actions' });
  card.append(actions);
  const show = (cls, text) => { message.replaceChildren(el('p', { class: cls }, text)); };
  const save = async () => {
    controller.clearErrors();
    const data = controller.collect();
    const r = task ? await api('PUT', `/api/tasks/${task.id}`, { data, version: task.version })
      : await api('POST', '/api/tasks', { businessType: typeId, data });
    if (!r.ok) { controller.showProblem(r.json); show('alert', (r.json && r.json.detail) || t('form.errors')); return null; }
    return r.json;
  };
  if (editable) {
    actions.append(el('button', { type: 'button', id: 'save', onclick: async () => {
      const saved = await save();
      if (saved) {
        announce(t('form.saved'));
        if (!task) { location.hash = `#/task/${saved.id}`; } else { await taskPage({ id: saved.id }); }
        setTimeout(() => show('notice', t('form.saved')), 0);
      }
    } }, t('action.save')));
    if (task) {
      actions.append(el('button', { type: 'button', id: 'submit', onclick: async () => {
        const saved = await save();
        if (!saved) return;
        const r = await api('POST', `/api/tasks/${task.id}/submit`, { version: saved.version });
        if (!r.ok) { controller.showProblem(r.json); show('alert', (r.json && r.json.detail) || t('form.errors')); return; }
        announce(t('form.submitted'));
        await taskPage({ id: task.id });
        document.getElementById('message').replaceChildren(el('p', { class: 'notice' }, t('form.submitted')));
      } }, t('action.submit')));
      actions.append(el('button', { type: 'button', class: 'danger', id: 'withdraw', onclick: async () => {
        if (!confirm(t('confirm.withdraw'))) return;
        const r = await api('POST', `/api/tasks/${task.id}/withdraw`, { version: task.version });
        if (!r.ok) { show('alert', (r.json && r.json.detail) || t('form.errors')); return; }
        announce(t('form.withdrawn'));
        location.hash = '#/';
      } }, t('action.withdraw')));
    }
  }
  actions.append(el('a', { href: '#/', id: 'back' }, t('action.back')));
  if (task && task.history) {
    card.append(el('h3', {}, t('history.heading')), el('ol', { id: 'history' }, task.history.map((h) =>
      el('li', {}, `${when(h.at)} ${h.actor}: ${h.from ? t(`status.${h.from}`) + ' → ' : ''}${t(`status.${h.to}`)}${h.comment ? ' — ' + h.comment : ''}`))));
  }
}

async function entryPage(params) {
  const main = el('main', {}, el('p', { class: 'loading' }, t('app.loading')));
  shell(main);
  const entry = (state.entries || []).find((e) => e.id === params.id);
  if (!entry) { main.replaceChildren(el('p', { class: 'alert', role: 'alert' }, t('app.notFound'))); return; }
  const root = el('section', { class: 'card', 'aria-label': entry.name });
  main.replaceChildren(root);
  try {
    const module = await import(entry.uiModule);
    await module.default(root, { api, lang: state.lang, el, money, me: state.me, home: () => { location.hash = '#/'; } });
  } catch (e) {
    root.replaceChildren(el('p', { class: 'alert', role: 'alert' }, t('app.error', e.message)));
  }
}

function startEvents() {
  if (state.events || state.poll) return;
  let failures = 0;
  const onChange = async (data) => {
    const hash = location.hash || '#/';
    if (!isCitizen()) {
      // a reviewer's inbox follows the district's tasks
      const main = document.getElementById('main');
      if (main && (hash === '#/' || hash === '#/review')) await inboxPage(main, staffCtx());
      return;
    }
    if (hash === '#/' || hash === '#') {
      const main = document.getElementById('main');
      if (main) await refreshHome(main);
    } else if (data && hash === `#/task/${data.id}`) {
      await taskPage({ id: data.id });
    }
    if (data) announce(t('live.changed', data.businessName || data.businessType, t(`status.${data.state}`)));
  };
  if (window.EventSource) {
    const source = new EventSource('/api/events');
    source.addEventListener('task', (e) => { failures = 0; onChange(JSON.parse(e.data)); });
    // what plugins publish for the citizen: their screens listen for it
    source.addEventListener('notice', (e) => {
      const notice = JSON.parse(e.data);
      window.dispatchEvent(new CustomEvent('shebao:notice', { detail: notice }));
      if (notice.data && notice.data.message) announce(notice.data.message);
    });
    source.onerror = () => {
      failures += 1;
      if (failures > 3) { source.close(); state.events = null; state.poll = setInterval(() => onChange(null), 5000); }
    };
    state.events = source;
  } else {
    state.poll = setInterval(() => onChange(null), 5000);
  }
}

function stopEvents() {
  if (state.events) state.events.close();
  if (state.poll) clearInterval(state.poll);
  state.events = null;
  state.poll = null;
  state.menu = null;
}

async function route() {
  const hash = location.hash || '#/';
  if (hash === '#/login') { stopEvents(); loginPage(); return; }
  if (!state.me) {
    const me = await api('GET', '/api/me');
    if (!me.ok) { location.hash = '#/login'; loginPage(); return; }
    state.me = me.json;
  }
  if (!state.menu) await buildMenu();
  let m;
  if (!isCitizen()) {
    if (state.me.roles.includes('REVIEWER')) startEvents();
    const main = el('main', {}, el('p', { class: 'loading' }, t('app.loading')));
    shell(main);
    if ((m = hash.match(/^#\/entry\/([^/]+)$/))) { await entryPage({ id: decodeURIComponent(m[1]) }); return; }
    if ((m = hash.match(/^#\/review\/(\d+)$/))) await reviewPage(main, staffCtx(), m[1]);
    else if (hash === '#/admin') await adminPage(main, staffCtx(), state.me);
    else if (state.me.roles.includes('REVIEWER')) await inboxPage(main, staffCtx());
    else await adminPage(main, staffCtx(), state.me);
    main.focus();
    return;
  }
  startEvents();
  if ((m = hash.match(/^#\/new\/([^/]+)$/))) await taskPage({ type: decodeURIComponent(m[1]) });
  else if ((m = hash.match(/^#\/task\/(\d+)$/))) await taskPage({ id: m[1] });
  else if ((m = hash.match(/^#\/entry\/([^/]+)$/))) await entryPage({ id: decodeURIComponent(m[1]) });
  else await homePage();
  const main = document.getElementById('main');
  if (main && hash !== '#/') main.focus();
}

window.addEventListener('hashchange', route);
loadTexts().then(route);
