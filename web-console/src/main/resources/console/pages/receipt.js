// 办理回执: a task's printable receipt (A4, app.css's print rules): number, business, the citizen (ID masked), times,
// state, the decision's comment or the return's reason, and the district office with its address and telephone.
import { state, t, api, el, when, alert, districts } from '../core.js';

const PRINTABLE = ['SUBMITTED', 'APPROVED', 'RETURNED'];

function masked(id) {
  return id && id.length > 10 ? `${id.substring(0, 6)}${'*'.repeat(id.length - 10)}${id.substring(id.length - 4)}` : id;
}

function decision(task) {
  if (task.state === 'RETURNED' || task.returned) return task.returnReason;
  const last = (task.history || []).filter((h) => h.to === task.state).pop();
  return last && last.comment ? last.comment : null;
}

function row(label, value, id) {
  return el('tr', {}, el('th', { scope: 'row' }, label), el('td', { id }, value || '—'));
}

export async function receiptPage(main, id) {
  const r = await api('GET', `/api/tasks/${id}`);
  if (!r.ok) { main.replaceChildren(alert((r.json && r.json.detail) || t('app.notFound'))); return; }
  const task = r.json;
  if (!PRINTABLE.includes(task.state)) {
    main.replaceChildren(alert(t('receipt.notYet')), el('a', { href: `#/task/${task.id}` }, t('receipt.backToTask')));
    return;
  }
  const code = task.district || state.me.district;
  const office = (await districts()).find((d) => d.code === code) || { name: state.me.districtName || code };
  const decided = decision(task);
  main.replaceChildren(el('section', { class: 'card receipt', id: 'receipt', 'aria-labelledby': 'receipt-heading' },
    el('h2', { id: 'receipt-heading' }, t('receipt.heading')),
    el('p', { class: 'issuer-line' }, t('app.title')),
    el('table', { id: 'receipt-table' }, el('tbody', {},
      row(t('receipt.number'), String(task.id), 'receipt-number'),
      row(t('col.business'), task.businessName, 'receipt-business'),
      row(t('receipt.citizen'), `${state.me.name} ${masked(state.me.idNumber)}`, 'receipt-citizen'),
      row(t('col.submitted'), when(task.submittedAt), 'receipt-submitted'),
      row(t('receipt.decided'), task.decidedAt ? when(task.decidedAt) : t('receipt.pending'), 'receipt-decided'),
      row(t('col.status'), t(`receipt.state.${task.state}`), 'receipt-state'),
      row(task.state === 'RETURNED' ? t('col.reason') : t('receipt.comment'), decided, 'receipt-comment'),
      row(t('receipt.office'), office.name, 'receipt-office'),
      row(t('receipt.address'), office.office && office.office.address, 'receipt-address'),
      row(t('receipt.phone'), office.office && office.office.phone, 'receipt-phone'))),
    el('div', { class: 'actions no-print' },
      el('button', { type: 'button', id: 'receipt-print', onclick: () => window.print() }, t('receipt.print')),
      el('a', { href: `#/task/${task.id}`, id: 'receipt-back' }, t('receipt.backToTask')))));
}
