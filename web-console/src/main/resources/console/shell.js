// The frame of every page: the header (title, who, language, logout) and the menu the caller's district offers.
import { LANGS, state, t, api, el, isCitizen, loadTexts } from './core.js';
import { stopEvents } from './events.js';
import { inboxLink } from './inbox.js';

let redraw = () => {};

/** What draws the page again after a change of language (the router). */
export function onLanguage(fn) {
  redraw = fn;
}

/** Puts the page's main element in the frame. */
export function shell(main) {
  const app = document.getElementById('app');
  const langSelect = el('select', { id: 'lang', onchange: async (e) => {
    state.lang = e.target.value;
    localStorage.setItem('shebao.lang', state.lang);
    state.menu = null;
    await loadTexts();
    if (state.me) state.me = (await api('GET', '/api/me')).json || state.me;
    redraw();
  } }, LANGS.map((l) => el('option', { value: l, selected: l === state.lang }, t(l === 'en' ? 'app.lang.en' : 'app.lang.zh'))));
  const tools = el('div', { class: 'tools' },
    state.me && !state.me.mustChangePassword ? inboxLink() : null,
    el('label', { for: 'lang' }, t('app.language')), langSelect,
    state.me ? el('a', { href: '#/password', id: 'password-link' }, t('app.password')) : null,
    state.me ? el('button', { class: 'secondary', type: 'button', id: 'logout', onclick: logout }, t('app.logout')) : null);
  const header = el('header', { class: 'top' },
    el('h1', {}, el('a', { href: '#/' }, t('app.title'))),
    state.me ? el('span', { class: 'who' }, t('home.welcome', state.me.name, state.me.districtName || t('app.city'))) : null,
    tools);
  const layout = el('div', { class: 'layout' });
  if (state.me) layout.append(state.menu || el('nav', { class: 'menu', 'aria-label': t('app.menu') }));
  main.id = 'main';
  main.tabIndex = -1;
  layout.append(main);
  app.replaceChildren(header, layout);
}

async function logout() {
  await api('DELETE', '/api/session');
  state.me = null;
  stopEvents();
  location.hash = '#/login';
}

const entryLink = (m) => el('li', {}, el('a', { href: `#/entry/${encodeURIComponent(m.id)}`, 'data-entry': m.id }, m.name));

function staffMenu() {
  const roles = state.me.roles;
  return el('nav', { class: 'menu', 'aria-label': t('app.menu') }, el('ul', {},
    roles.includes('REVIEWER') ? el('li', {}, el('a', { href: '#/review', id: 'menu-review' }, t('staff.review'))) : null,
    roles.includes('ADMIN') || roles.includes('DISTRICT_ADMIN') ? el('li', {}, el('a', { href: '#/overview', id: 'menu-overview' }, t('overview.menu'))) : null,
    roles.includes('ADMIN') || roles.includes('DISTRICT_ADMIN') ? el('li', {}, el('a', { href: '#/admin', id: 'menu-admin' }, t('staff.admin'))) : null,
    roles.includes('ADMIN') || roles.includes('DISTRICT_ADMIN') ? el('li', {}, el('a', { href: '#/payments', id: 'menu-payments' }, t('payments.menu'))) : null,
    roles.includes('ADMIN') || roles.includes('DISTRICT_ADMIN') ? el('li', {}, el('a', { href: '#/accounts', id: 'menu-accounts' }, t('accounts.menu'))) : null,
    roles.includes('ADMIN') || roles.includes('DISTRICT_ADMIN') ? el('li', {}, el('a', { href: '#/audit', id: 'menu-audit' }, t('audit.menu'))) : null,
    state.entries.map(entryLink)));
}

function citizenMenu() {
  const groups = new Map();
  const add = (group, name, item) => {
    if (!groups.has(group)) groups.set(group, { name, items: [] });
    groups.get(group).items.push(item);
  };
  state.types.forEach((b) => add(b.group, b.groupName,
    el('li', {}, el('a', { href: `#/new/${encodeURIComponent(b.id)}`, 'data-business': b.id }, b.name))));
  state.entries.forEach((m) => add(m.group, m.groupName, entryLink(m)));
  const nav = el('nav', { class: 'menu', 'aria-label': t('app.menu') }, el('ul', {},
    el('li', {}, el('a', { href: '#/' }, t('app.home'))),
    el('li', {}, el('a', { href: '#/records', id: 'menu-records' }, t('records.heading')))));
  for (const key of ['PERSONAL_BUSINESS', 'DECLARATION', 'OTHER'].filter((g) => groups.has(g))) {
    const id = `menu-${key}`;
    nav.append(el('h2', { id }, groups.get(key).name), el('ul', { 'aria-labelledby': id }, groups.get(key).items));
  }
  return nav;
}

/** Loads the caller's businesses and menu entries and builds the menu. */
export async function buildMenu() {
  const [types, entries] = await Promise.all([
    isCitizen() ? api('GET', '/api/business-types') : Promise.resolve({ json: [] }), api('GET', '/api/menu-entries')]);
  state.types = types.json || [];
  state.entries = entries.json || [];
  state.menu = isCitizen() ? citizenMenu() : staffMenu();
}
