// 操作日志 for administrators: who did what, newest first, by actor, action, district and days, a page at a time
// (GET /api/admin/audit; a district's administrator reads their own district's entries).
import { t, api, el, districts } from '../core.js';

const ACTIONS = ['LOGIN', 'LOGIN_FAILED', 'LOGIN_REFUSED', 'REGISTERED', 'REGISTRATION_REFUSED', 'PASSWORD_CHANGED',
  'PASSWORD_RESET', 'ACCOUNT_CREATED', 'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'TASK_CREATED', 'TASK_EDITED',
  'TASK_SUBMITTED', 'TASK_WITHDRAWN', 'TASK_APPROVED', 'TASK_RETURNED', 'TASK_REFERRED', 'PHOTO_UPLOADED',
  'PLUGIN_INSTALLED', 'PLUGIN_UPGRADED', 'PLUGIN_REMOVED', 'PLUGIN_REFUSED', 'PLUGIN_SWITCHED_ON',
  'PLUGIN_SWITCHED_OFF', 'PLUGIN_CALL', 'BACKUP'];
const SIZE = 20;

function input(id, label, attrs) {
  return el('div', { class: 'field' }, el('label', { for: id }, t(label)), el('input', { id, name: id, ...attrs }));
}

export async function auditPage(main, me) {
  const isAdmin = me.roles.includes('ADMIN');
  const all = await districts();
  const name = (code) => (code ? (all.find((d) => d.code === code) || { name: code }).name : '—');
  const body = el('tbody');
  const status = el('p', { id: 'audit-status', role: 'status' });
  const pager = el('div', { class: 'actions' });
  const form = el('form', { class: 'task filters', id: 'audit-filters', onsubmit: (e) => { e.preventDefault(); load(0); } },
    input('audit-actor', 'audit.actor', { type: 'text', autocomplete: 'off' }),
    el('div', { class: 'field' }, el('label', { for: 'audit-action' }, t('audit.action')),
      el('select', { id: 'audit-action' }, el('option', { value: '' }, t('audit.any')),
        ACTIONS.map((a) => el('option', { value: a }, t(`audit.action.${a}`))))),
    el('div', { class: 'field' }, el('label', { for: 'audit-district' }, t('admin.district')),
      el('select', { id: 'audit-district', disabled: !isAdmin },
        isAdmin ? [el('option', { value: '' }, t('audit.any')), ...all.map((d) => el('option', { value: d.code }, d.name))]
          : el('option', { value: me.district }, name(me.district)))),
    input('audit-from', 'audit.from', { type: 'date' }),
    input('audit-to', 'audit.to', { type: 'date' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'audit-search' }, t('audit.search'))));
  const load = async (page) => {
    const q = new URLSearchParams({ page, size: SIZE });
    [['actor', 'audit-actor'], ['action', 'audit-action'], ['district', 'audit-district'], ['from', 'audit-from'], ['to', 'audit-to']]
      .forEach(([k, id]) => { const v = document.getElementById(id).value.trim(); if (v) q.set(k, v); });
    const r = await api('GET', `/api/admin/audit?${q}`);
    if (!r.ok) { status.textContent = (r.json && r.json.detail) || String(r.status); body.replaceChildren(); return; }
    body.replaceChildren(...r.json.items.map((e) => el('tr', { 'data-audit': e.id },
      el('td', {}, e.at.replace('T', ' ').substring(0, 19)), el('td', {}, e.actor), el('td', { 'data-action': e.action }, t(`audit.action.${e.action}`)),
      el('td', {}, e.target || ''), el('td', {}, name(e.district)), el('td', {}, e.address || ''), el('td', {}, e.detail || ''))));
    const pages = Math.max(1, Math.ceil(r.json.total / SIZE));
    status.textContent = t('audit.count', r.json.total, page + 1, pages);
    pager.replaceChildren(
      el('button', { type: 'button', class: 'secondary', id: 'audit-prev', disabled: page === 0, onclick: () => load(page - 1) }, t('audit.prev')),
      el('button', { type: 'button', class: 'secondary', id: 'audit-next', disabled: page + 1 >= pages, onclick: () => load(page + 1) }, t('audit.next')));
  };
  main.replaceChildren(el('section', { class: 'card', 'aria-labelledby': 'audit-heading' },
    el('h2', { id: 'audit-heading' }, t('audit.heading')), form, status,
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'audit-heading' },
      el('table', { id: 'audit-table' }, el('thead', {}, el('tr', {}, ['audit.at', 'audit.actor', 'audit.action', 'audit.target',
        'admin.district', 'audit.address', 'audit.detail'].map((h) => el('th', { scope: 'col' }, t(h))))), body)), pager));
  await load(0);
}
