// The caller's inbox (消息通知): newest first, unread ones marked, each with a link to what it tells; read one by
// one (opening it) or all at once. New entries arrive live.
import { t, api, el, when, announce } from '../core.js';
import { refreshUnread } from '../inbox.js';

const SIZE = 20;

function entry(n, reload) {
  const read = async () => {
    const r = await api('POST', `/api/notifications/${n.id}/read`);
    if (r.ok) await refreshUnread();
    return r.ok;
  };
  const open = n.link ? el('a', { href: n.link, 'data-open': n.id, onclick: async (e) => {
    e.preventDefault();
    await read();
    location.hash = n.link;
  } }, t('inbox.open')) : null;
  const mark = n.read ? null : el('button', { type: 'button', class: 'secondary', 'data-read': n.id, onclick: async () => {
    if (await read()) { announce(t('inbox.markedRead')); await reload(); }
  } }, t('inbox.markRead'));
  return el('li', { 'data-notification': n.id, 'data-kind': n.kind, class: n.read ? 'read' : 'unread' },
    el('p', { class: 'when' }, when(n.at), ' ', n.read ? '' : el('strong', { class: 'new' }, t('inbox.new'))),
    el('p', { class: 'text' }, n.text),
    el('div', { class: 'actions' }, open, mark));
}

export async function notificationsPage(main) {
  let page = 0;
  const unreadOnly = el('input', { type: 'checkbox', id: 'inbox-unread', onchange: () => { page = 0; load(); } });
  const list = el('ul', { id: 'notifications', class: 'inbox', 'aria-labelledby': 'inbox-heading' });
  const pager = el('div', { class: 'pager' });
  const load = async () => {
    const r = await api('GET', `/api/notifications?page=${page}&size=${SIZE}${unreadOnly.checked ? '&unread=true' : ''}`);
    if (!r.ok) { list.replaceChildren(el('li', { class: 'alert', role: 'alert' }, (r.json && r.json.detail) || String(r.status))); return; }
    const items = r.json.items;
    list.replaceChildren(...(items.length ? items.map((n) => entry(n, load)) : [el('li', { class: 'empty' }, t('inbox.empty'))]));
    const pages = Math.max(1, Math.ceil(r.json.total / SIZE));
    pager.replaceChildren(
      el('button', { type: 'button', class: 'secondary', id: 'inbox-prev', disabled: page === 0, onclick: () => { page -= 1; load(); } }, t('table.prev')),
      el('span', {}, t('inbox.page', page + 1, pages)),
      el('button', { type: 'button', class: 'secondary', id: 'inbox-next', disabled: page + 1 >= pages, onclick: () => { page += 1; load(); } }, t('table.next')));
    await refreshUnread();
  };
  const all = el('button', { type: 'button', class: 'secondary', id: 'inbox-read-all', onclick: async () => {
    const r = await api('POST', '/api/notifications/read');
    if (r.ok) { announce(t('inbox.allRead')); await load(); }
  } }, t('inbox.readAll'));
  main.replaceChildren(el('section', { class: 'card', 'aria-labelledby': 'inbox-heading' },
    el('h2', { id: 'inbox-heading' }, t('inbox.heading')),
    el('div', { class: 'actions' }, el('label', { for: 'inbox-unread' }, unreadOnly, ' ', t('inbox.unreadOnly')), all),
    list, pager));
  // a new entry while the inbox is open: it shows at once
  const onNew = () => { if (document.body.contains(list)) load(); else window.removeEventListener('shebao:notification', onNew); };
  window.addEventListener('shebao:notification', onNew);
  await load();
}
