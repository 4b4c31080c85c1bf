// Staff accounts (the city's administrator: every district and role; a district's administrator: reviewers and
// district administrators of their own district): listed, created, disabled and enabled, given a new temporary
// password. A temporary password is shown once, to be handed to its holder, who must change it at the first login.
import { t, api, el, districts } from '../core.js';

const ROLES = ['REVIEWER', 'DISTRICT_ADMIN', 'ADMIN', 'PAYMENT_CHANNEL'];

function temporaryNotice(username, password) {
  return el('div', { class: 'notice', role: 'status', id: 'temporary-password' },
    el('p', {}, t('accounts.temporary', username)), el('p', {}, el('code', { id: 'temporary-value' }, password)));
}

export async function accountsPage(main, me) {
  const isAdmin = me.roles.includes('ADMIN');
  const all = await districts();
  const name = (code) => (all.find((d) => d.code === code) || { name: code }).name;
  const message = el('div', { id: 'accounts-message', 'aria-live': 'polite' });
  const problem = (r) => message.replaceChildren(el('p', { class: 'alert', role: 'alert' }, (r.json && r.json.detail) || String(r.status)));
  const body = el('tbody');
  const load = async () => {
    const r = await api('GET', '/api/admin/accounts');
    body.replaceChildren(...(r.json || []).map((a) => el('tr', { 'data-account': a.username },
      el('td', {}, a.username), el('td', {}, a.name), el('td', {}, a.roles.map((x) => t(`role.${x}`)).join('、')),
      el('td', {}, name(a.district)), el('td', {}, a.enabled ? t('accounts.enabled') : t('accounts.disabled')),
      el('td', {}, a.username === me.idNumber ? '' : [
        el('button', { type: 'button', class: a.enabled ? 'danger' : 'secondary', 'data-toggle': a.username, onclick: async () => {
          const r2 = await api('POST', `/api/admin/accounts/${encodeURIComponent(a.username)}/${a.enabled ? 'disable' : 'enable'}`);
          if (!r2.ok) { problem(r2); return; }
          message.replaceChildren(el('p', { class: 'notice', role: 'status' }, t('admin.done')));
          await load();
        } }, a.enabled ? t('accounts.disable') : t('accounts.enable')),
        el('button', { type: 'button', class: 'secondary', 'data-reset': a.username, onclick: async () => {
          if (!confirm(t('accounts.confirmReset', a.username))) return;
          const r2 = await api('POST', `/api/admin/accounts/${encodeURIComponent(a.username)}/reset-password`);
          if (!r2.ok) { problem(r2); return; }
          message.replaceChildren(temporaryNotice(a.username, r2.json.temporaryPassword));
        } }, t('accounts.reset'))]))));
  };
  const grantable = isAdmin ? ROLES : ['REVIEWER', 'DISTRICT_ADMIN'];
  const form = el('form', { class: 'task', id: 'account-form', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    form.querySelectorAll('p.error').forEach((p) => { p.textContent = ''; });
    const r = await api('POST', '/api/admin/accounts', { username: form.username.value.trim(), name: form.displayName.value.trim(),
      roles: [form.role.value], district: form.district.value });
    if (r.ok) {
      form.reset();
      message.replaceChildren(temporaryNotice(r.json.username, r.json.temporaryPassword));
      await load();
      return;
    }
    const errors = (r.json && r.json.errors) || [];
    errors.forEach((f) => { const p = document.getElementById(`err-account-${f.field}`); if (p) p.textContent = f.message; });
    if (!errors.length) problem(r);
  } },
  el('h3', { id: 'account-new' }, t('accounts.new')),
  ...[['username', 'text', 'accounts.username'], ['displayName', 'text', 'accounts.name']].map(([n, type, label]) =>
    el('div', { class: 'field required' }, el('label', { for: `account-${n}` }, t(label)),
      el('input', { type, id: `account-${n}`, name: n, required: true, 'aria-required': 'true', autocomplete: 'off',
        'aria-describedby': `err-account-${n === 'displayName' ? 'name' : n}` }),
      el('p', { class: 'error', id: `err-account-${n === 'displayName' ? 'name' : n}`, role: 'alert' }))),
  el('div', { class: 'field required' }, el('label', { for: 'account-role' }, t('accounts.role')),
    el('select', { id: 'account-role', name: 'role', 'aria-describedby': 'err-account-roles' }, grantable.map((r) => el('option', { value: r }, t(`role.${r}`)))),
    el('p', { class: 'error', id: 'err-account-roles', role: 'alert' })),
  el('div', { class: 'field required' }, el('label', { for: 'account-district' }, t('admin.district')),
    el('select', { id: 'account-district', name: 'district', disabled: !isAdmin, 'aria-describedby': 'err-account-district' },
      (isAdmin ? all.map((d) => d.code) : [me.district]).map((d) => el('option', { value: d, selected: d === me.district }, name(d)))),
    el('p', { class: 'error', id: 'err-account-district', role: 'alert' })),
  el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'account-create' }, t('accounts.create'))));
  main.replaceChildren(el('section', { class: 'card', 'aria-labelledby': 'accounts-heading' },
    el('h2', { id: 'accounts-heading' }, t('accounts.heading')), message,
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'accounts-heading' },
      el('table', { id: 'accounts-table' }, el('thead', {}, el('tr', {}, [t('accounts.username'), t('accounts.name'), t('accounts.role'),
        t('admin.district'), t('accounts.state'), t('col.action')].map((h) => el('th', { scope: 'col' }, h)))), body)),
    form));
  await load();
}
