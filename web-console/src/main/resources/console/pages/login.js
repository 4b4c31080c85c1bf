// The login page: a citizen's ID number or a staff member's user name, and the password.
import { state, t, api, el } from '../core.js';
import { shell } from '../shell.js';

export function loginPage(route) {
  const error = el('p', { class: 'error', id: 'login-error', role: 'alert' });
  const form = el('form', { class: 'task login', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    const r = await api('POST', '/api/session', { idNumber: form.idNumber.value.trim(), password: form.password.value });
    if (r.ok) {
      state.me = r.json;
      const next = r.json.mustChangePassword ? '#/password' : '#/';
      if (location.hash === next || (next === '#/' && location.hash === '')) route(); else location.hash = next;
    } else {
      error.textContent = (r.json && r.json.detail) || t('login.failed');
    }
  } },
  el('div', { class: 'field required' }, el('label', { for: 'idNumber' }, t('login.idNumber')),
    el('input', { type: 'text', id: 'idNumber', name: 'idNumber', autocomplete: 'username', required: true, 'aria-required': 'true' })),
  el('div', { class: 'field required' }, el('label', { for: 'password' }, t('login.password')),
    el('input', { type: 'password', id: 'password', name: 'password', autocomplete: 'current-password', required: true, 'aria-required': 'true' })),
  error,
  el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'login-submit' }, t('login.submit')),
    el('a', { href: '#/register', id: 'register-link' }, t('register.link'))));
  shell(el('main', {}, el('section', { class: 'card login' }, el('h2', {}, t('login.heading')), form)));
}
