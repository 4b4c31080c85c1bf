// 收款对账 for administrators: a channel's reconciliation file (CSV) and its report, and the payment exceptions of
// the district (platform administrators: all), each applied to another slip of the same person or marked refunded.
import { t, api, el, money, alert, districts } from '../core.js';

async function upload(file, out) {
  const text = await file.text();
  const response = await fetch('/api/admin/reconciliations', { method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'text/csv', Accept: 'application/json', 'Accept-Language': document.documentElement.lang }, body: text });
  const json = await response.json().catch(() => null);
  if (!response.ok) { out.replaceChildren(alert((json && json.detail) || String(response.status))); return; }
  out.replaceChildren(el('p', { class: 'notice', id: 'reconcile-summary' }, t('payments.report', json.rows, json.applied, json.alreadyApplied, json.exceptions.length)),
    json.exceptions.length ? el('ul', { id: 'reconcile-problems' }, json.exceptions.map((e) =>
      el('li', { 'data-line': e.line }, t('payments.problem', e.line, e.voucherNo || '—', e.detail)))) : null);
}

function resolveForm(x, reload) {
  const action = el('select', { id: `resolve-action-${x.id}` }, ['APPLY_TO', 'REFUNDED'].map((a) => el('option', { value: a }, t(`payments.action.${a}`))));
  const voucher = el('input', { type: 'text', id: `resolve-voucher-${x.id}`, inputmode: 'numeric', maxlength: 24 });
  const note = el('input', { type: 'text', id: `resolve-note-${x.id}`, maxlength: 500 });
  const error = el('span', { class: 'error', role: 'alert' });
  return el('div', { class: 'resolve' }, el('label', { for: action.id }, t('payments.action')), action,
    el('label', { for: voucher.id }, t('payments.voucher')), voucher, el('label', { for: note.id }, t('payments.note')), note,
    el('button', { type: 'button', 'data-resolve': x.id, onclick: async () => {
      const r = await api('POST', `/api/admin/payment-exceptions/${x.id}/resolve`, { action: action.value, voucherNo: voucher.value || null, note: note.value });
      if (!r.ok) { error.textContent = (r.json && r.json.detail) || String(r.status); return; }
      await reload();
    } }, t('payments.resolve')), error);
}

export async function paymentsPage(main, me) {
  const out = el('div', { id: 'reconcile-result', role: 'status' });
  const file = el('input', { type: 'file', id: 'reconcile-file', accept: '.csv,text/csv' });
  const list = el('tbody');
  const all = await districts();
  const name = (code) => (code ? (all.find((d) => d.code === code) || { name: code }).name : t('payments.noDistrict'));
  const reload = async () => {
    const r = await api('GET', '/api/admin/payment-exceptions?open=true&size=200');
    const items = r.ok ? r.json.items : [];
    list.replaceChildren(...(items.length ? items.map((x) => el('tr', { 'data-exception': x.id },
      el('td', {}, x.voucherNo), el('td', { class: 'num' }, money(x.amount)), el('td', {}, x.paidAt), el('td', {}, t(`payments.reason.${x.reason}`)),
      el('td', {}, name(x.district)), el('td', {}, `${x.channel} ${x.channelRef}`), el('td', {}, resolveForm(x, reload))))
      : [el('tr', {}, el('td', { colspan: 7 }, t('payments.none')))]));
  };
  main.replaceChildren(el('section', { class: 'card', 'aria-labelledby': 'reconcile-heading' },
    el('h2', { id: 'reconcile-heading' }, t('payments.reconcile')), el('p', {}, t('payments.reconcileHelp')),
    el('div', { class: 'task' }, el('label', { for: 'reconcile-file' }, t('payments.file')), file,
      el('div', { class: 'actions' }, el('button', { type: 'button', id: 'reconcile', onclick: async () => {
        if (file.files.length) { await upload(file.files[0], out); await reload(); }
      } }, t('payments.import')))), out),
  el('section', { class: 'card', 'aria-labelledby': 'exceptions-heading' }, el('h2', { id: 'exceptions-heading' },
    t(me.roles.includes('ADMIN') ? 'payments.exceptionsAll' : 'payments.exceptions')),
  el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'exceptions-heading' },
    el('table', { id: 'exceptions-table' }, el('thead', {}, el('tr', {}, [t('payments.voucher'), t('payments.amount'), t('payments.paidAt'),
      t('payments.reasonCol'), t('records.district'), t('payments.channel'), t('col.action')].map((h) => el('th', { scope: 'col' }, h)))), list))));
  await reload();
}
