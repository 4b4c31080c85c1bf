// The unread count beside the header's link to the inbox: asked when the frame is drawn, again on every
// notification event and after entries are read.
import { state, api, el, t } from './core.js';

function render() {
  const n = state.unread || 0;
  const badge = document.getElementById('unread-count');
  const label = document.getElementById('unread-label');
  if (!badge || !label) return;
  badge.textContent = n > 99 ? '99+' : String(n);
  badge.hidden = n === 0;
  label.textContent = n ? t('inbox.unread', n) : '';
}

/** The header's link to the inbox, with the unread count. */
export function inboxLink() {
  const link = el('a', { href: '#/notifications', id: 'inbox-link' }, t('inbox.link'),
    el('span', { class: 'badge', id: 'unread-count', 'aria-hidden': 'true', hidden: true }, ''),
    el('span', { class: 'sr-only', id: 'unread-label' }, ''));
  setTimeout(render, 0);
  refreshUnread();
  return link;
}

/** Asks the platform how many entries are unread and shows it. */
export async function refreshUnread() {
  if (!state.me) return;
  const r = await api('GET', '/api/notifications?unread=true&size=1');
  if (r.ok && r.json) {
    state.unread = r.json.total;
    render();
  }
}
