// 个人参保信息 / 缴费记录: the citizen's own record (never anyone else's), a summary, the ledger month by month with
// filters and pages, and the contribution certificate (参保缴费证明) for a chosen period.
import { t, api, el, money, alert, loadingMain, announce } from '../core.js';
import { shell } from '../shell.js';

const TYPES = ['110', '310', '330'];
const STATUSES = ['PAID', 'DUE', 'ARREARS', 'PAYABLE', 'ON_SLIP', 'WRITTEN_OFF'];

const table = (id, labelId, head, rows) => el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': labelId },
  el('table', { id }, el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, rows)));

function personCard(person, enrolments, summary) {
  const dl = el('dl', { class: 'facts', id: 'records-person' }, [
    [t('records.name'), person.name], [t('records.idNumber'), person.idNumber], [t('records.district'), person.districtName],
    [t('records.mobile'), person.mobile || '—'], [t('records.address'), person.address || '—'],
  ].flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  const rows = enrolments.length ? enrolments.map((e) => el('tr', { 'data-enrolment': e.insuranceType },
    el('td', {}, e.typeName), el('td', {}, e.statusName), el('td', {}, e.tier ? `${e.tier}%` : '—'), el('td', {}, e.from), el('td', {}, e.until || '—')))
    : [el('tr', {}, el('td', { colspan: 5 }, t('records.noEnrolment')))];
  const paid = TYPES.filter((c) => summary.paidMonths[c]).map((c) => t('records.paidMonths', t(`type.${c}`), summary.paidMonths[c])).join('；');
  return el('section', { class: 'card', 'aria-labelledby': 'records-heading' }, el('h2', { id: 'records-heading' }, t('records.heading')), dl,
    el('h3', { id: 'enrolments-heading' }, t('records.enrolments')),
    table('enrolments-table', 'enrolments-heading', [t('records.type'), t('col.status'), t('records.tier'), t('records.from'), t('records.until')], rows),
    el('h3', {}, t('records.summary')),
    el('p', { id: 'records-summary' }, paid || t('records.noPaid'), el('br'),
      t('records.owed', money(summary.arrears), money(summary.payable), money(summary.onSlip))));
}

function certificateCard() {
  const from = el('input', { type: 'month', id: 'cert-from' });
  const to = el('input', { type: 'month', id: 'cert-to' });
  const out = el('div', { id: 'cert-result', role: 'status' });
  const issue = async () => {
    const r = await api('POST', '/api/certificates', { from: from.value || null, to: to.value || null });
    if (!r.ok) { out.replaceChildren(alert((r.json && r.json.detail) || t('form.errors'))); return; }
    announce(t('cert.issued'));
    out.replaceChildren(el('p', { class: 'notice' }, t('cert.issuedText', r.json.code, r.json.validUntil), ' ',
      el('a', { href: r.json.url, id: 'cert-link', target: '_blank', rel: 'noopener' }, t('cert.open'))));
  };
  return el('section', { class: 'card', 'aria-labelledby': 'cert-heading' }, el('h2', { id: 'cert-heading' }, t('cert.heading')),
    el('p', {}, t('cert.explain')),
    el('div', { class: 'task' }, el('label', { for: 'cert-from' }, t('records.from')), from, el('label', { for: 'cert-to' }, t('records.until')), to,
      el('div', { class: 'actions' }, el('button', { type: 'button', id: 'cert-issue', onclick: issue }, t('cert.issue')))), out);
}

function ledgerCard() {
  const filters = { from: el('input', { type: 'month', id: 'ledger-from' }), to: el('input', { type: 'month', id: 'ledger-to' }),
    insuranceType: el('select', { id: 'ledger-type' }, el('option', { value: '' }, t('records.all')), TYPES.map((c) => el('option', { value: c }, t(`type.${c}`)))),
    status: el('select', { id: 'ledger-status' }, el('option', { value: '' }, t('records.all')), STATUSES.map((s) => el('option', { value: s }, t(`line.${s}`)))) };
  const body = el('tbody');
  const pager = el('p', { id: 'ledger-pages', 'aria-live': 'polite' });
  const message = el('div', { role: 'status' });
  let page = 0;
  const load = async () => {
    const q = new URLSearchParams({ page, size: 24 });
    Object.entries(filters).forEach(([k, input]) => { if (input.value) q.set(k, input.value); });
    const r = await api('GET', `/api/records/me/ledger?${q}`);
    if (!r.ok) { message.replaceChildren(alert((r.json && r.json.detail) || t('form.errors'))); return; }
    message.replaceChildren();
    const pages = Math.max(1, Math.ceil(r.json.total / r.json.size));
    body.replaceChildren(...(r.json.items.length ? r.json.items.map((l) => el('tr', { 'data-line': l.id, 'data-status': l.status },
      el('td', {}, l.month), el('td', {}, l.typeName), el('td', { class: 'num' }, money(l.base)), el('td', { class: 'num' }, money(l.amount)),
      el('td', {}, l.statusName), el('td', {}, l.paidOn || ''), el('td', {}, l.voucherNo || ''),
      el('td', { class: 'provisional' }, [l.kind !== 'REGULAR' ? l.kindName : null, l.provisional ? t('records.provisional', l.ratesYear) : null].filter(Boolean).join('，'))))
      : [el('tr', {}, el('td', { colspan: 8 }, t('records.noLines')))]));
    pager.replaceChildren(t('records.page', page + 1, pages, r.json.total), ' ',
      el('button', { type: 'button', class: 'secondary', id: 'ledger-prev', disabled: page === 0, onclick: () => { page -= 1; load(); } }, t('records.prev')), ' ',
      el('button', { type: 'button', class: 'secondary', id: 'ledger-next', disabled: page + 1 >= pages, onclick: () => { page += 1; load(); } }, t('records.next')));
  };
  const card = el('section', { class: 'card', 'aria-labelledby': 'ledger-heading' }, el('h2', { id: 'ledger-heading' }, t('records.ledger')), message,
    el('div', { class: 'task filters' }, Object.entries(filters).flatMap(([k, input]) => [el('label', { for: input.id }, t(`records.filter.${k}`)), input]),
      el('div', { class: 'actions' }, el('button', { type: 'button', id: 'ledger-query', onclick: () => { page = 0; load(); } }, t('records.query')))),
    table('ledger-table', 'ledger-heading', [t('records.month'), t('records.type'), t('records.base'), t('records.amount'), t('col.status'),
      t('records.paidOn'), t('records.voucherNo'), t('records.note')], body), pager);
  return { card, load };
}

export async function recordsPage() {
  const main = loadingMain();
  shell(main);
  const r = await api('GET', '/api/records/me');
  if (!r.ok) { main.replaceChildren(alert((r.json && r.json.detail) || t('app.notFound'))); return; }
  const ledger = ledgerCard();
  main.replaceChildren(personCard(r.json.person, r.json.enrolments, r.json.summary), ledger.card, certificateCard());
  const onPayment = () => { if (!main.isConnected) { window.removeEventListener('shebao:payment', onPayment); return; } ledger.load(); };
  window.addEventListener('shebao:payment', onPayment);
  await ledger.load();
}

/** The home page's small card: paid months and what is owed, with the way to the records. */
export async function summaryCard() {
  const r = await api('GET', '/api/records/me');
  if (!r.ok) return null;
  const s = r.json.summary;
  const paid = TYPES.filter((c) => s.paidMonths[c]).map((c) => t('records.paidMonths', t(`type.${c}`), s.paidMonths[c])).join('；');
  return el('section', { class: 'card summary', id: 'records-card', 'aria-labelledby': 'records-card-heading' },
    el('h2', { id: 'records-card-heading' }, t('records.heading')),
    el('p', {}, paid || t('records.noPaid'), el('br'), t('records.owed', money(s.arrears), money(s.payable), money(s.onSlip))),
    el('a', { href: '#/records', id: 'records-link' }, t('records.open')));
}
