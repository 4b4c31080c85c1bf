// Changing one's own password (citizens and staff): the current one, the new one twice. The server keeps the
// rules (10 characters, not the login, not a common password) and ends the account's other sessions.
import { state, t, api, el } from '../core.js';
import { shell } from '../shell.js';

function field(name, label, autocomplete) {
  return el('div', { class: 'field required' }, el('label', { for: name }, t(label)),
    el('input', { type: 'password', id: name, name, autocomplete, required: true, 'aria-required': 'true', 'aria-describedby': `err-${name}` }),
    el('p', { class: 'error', id: `err-${name}`, role: 'alert' }));
}

/** The page; {@code temporary} when the account holds a temporary password that must be changed first. */
export function passwordPage(temporary) {
  const message = el('div', { id: 'password-message', 'aria-live': 'polite' });
  const form = el('form', { class: 'task', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    form.querySelectorAll('p.error').forEach((p) => { p.textContent = ''; });
    message.replaceChildren();
    if (form.password.value !== form.confirm.value) {
      document.getElementById('err-confirm').textContent = t('password.mismatch');
      return;
    }
    const r = await api('PUT', '/api/me/password', { current: form.current.value, password: form.password.value });
    if (r.ok) {
      form.reset();
      if (temporary) {
        state.me.mustChangePassword = false;
        if (location.hash === '#/') window.dispatchEvent(new HashChangeEvent('hashchange'));
        else location.hash = '#/';
        return;
      }
      message.replaceChildren(el('p', { class: 'notice', role: 'status', id: 'password-changed' }, t('password.changed')));
      return;
    }
    const errors = (r.json && r.json.errors) || [];
    errors.forEach((f) => { const p = document.getElementById(`err-${f.field}`); if (p) p.textContent = f.message; });
    if (!errors.length) message.replaceChildren(el('p', { class: 'error', role: 'alert' }, (r.json && r.json.detail) || ''));
  } },
  field('current', 'password.current', 'current-password'),
  field('password', 'password.new', 'new-password'),
  el('p', { class: 'hint', id: 'password-rules' }, t('password.rules')),
  field('confirm', 'password.confirm', 'new-password'),
  el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'password-submit' }, t('password.submit')),
    temporary ? null : el('a', { href: '#/', id: 'back' }, t('action.back'))));
  const main = el('main', {}, el('section', { class: 'card', 'aria-labelledby': 'password-heading' },
    el('h2', { id: 'password-heading' }, t('password.heading')),
    temporary ? el('p', { class: 'notice', id: 'password-temporary' }, t('password.temporary')) : null, message, form));
  shell(main);
  main.focus();
}
