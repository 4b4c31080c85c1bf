// A citizen opens their own account: ID number, name and the mobile on record must match the social-insurance
// records (the server answers one vague refusal otherwise), and a password that keeps the rules.
import { t, api, el } from '../core.js';
import { shell } from '../shell.js';

function field(name, type, autocomplete, hint) {
  return el('div', { class: 'field required' }, el('label', { for: `reg-${name}` }, t(`register.${name}`)),
    el('input', { type, id: `reg-${name}`, name, autocomplete, required: true, 'aria-required': 'true',
      'aria-describedby': [hint ? `reg-${name}-hint` : null, `err-reg-${name}`].filter(Boolean).join(' ') }),
    hint ? el('p', { class: 'hint', id: `reg-${name}-hint` }, t(hint)) : null,
    el('p', { class: 'error', id: `err-reg-${name}`, role: 'alert' }));
}

export function registerPage() {
  const message = el('div', { id: 'register-message', 'aria-live': 'polite' });
  const form = el('form', { class: 'task login', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    form.querySelectorAll('p.error').forEach((p) => { p.textContent = ''; });
    message.replaceChildren();
    if (form.password.value !== form.confirm.value) {
      document.getElementById('err-reg-confirm').textContent = t('password.mismatch');
      return;
    }
    const r = await api('POST', '/api/accounts', { idNumber: form.idNumber.value.trim(), name: form.name.value.trim(),
      mobile: form.mobile.value.trim(), password: form.password.value });
    if (r.ok) {
      form.replaceChildren();
      message.replaceChildren(el('p', { class: 'notice', role: 'status', id: 'registered' }, t('register.done')),
        el('p', {}, el('a', { href: '#/login', id: 'to-login' }, t('login.submit'))));
      return;
    }
    const errors = (r.json && r.json.errors) || [];
    errors.forEach((f) => { const p = document.getElementById(`err-reg-${f.field}`); if (p) p.textContent = f.message; });
    if (!errors.length) message.replaceChildren(el('p', { class: 'alert', role: 'alert', id: 'register-error' }, (r.json && r.json.detail) || String(r.status)));
  } },
  field('idNumber', 'text', 'username'),
  field('name', 'text', 'name'),
  field('mobile', 'tel', 'tel', 'register.mobileHint'),
  field('password', 'password', 'new-password', 'register.passwordHint'),
  field('confirm', 'password', 'new-password'),
  el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'register-submit' }, t('register.submit')),
    el('a', { href: '#/login', id: 'back' }, t('register.back'))));
  const main = el('main', {}, el('section', { class: 'card login', 'aria-labelledby': 'register-heading' },
    el('h2', { id: 'register-heading' }, t('register.heading')), el('p', {}, t('register.intro')), message, form));
  shell(main);
  main.focus();
}
