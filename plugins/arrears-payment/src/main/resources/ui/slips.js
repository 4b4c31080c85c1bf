// 生成欠费补缴单: the arrears plugin's own screen, loaded by the console (menu 个人业务申报). It queries the lines
// approved for payment from a month, lets the citizen tick them, creates the slip and offers its Excel file.
export default async function mount(root, ctx) {
  const { api, el, money, t, url } = ctx;
  const ticked = new Set();
  let rows = [];
  const message = el('div', { id: 'slip-message', role: 'status' });
  const from = el('input', { type: 'month', id: 'slip-from', name: 'from' });
  const body = el('tbody');
  const total = el('output', { id: 'slip-total', 'aria-live': 'polite' }, money('0.00'));
  const slips = el('tbody');

  const sum = () => {
    const cents = rows.filter((r) => ticked.has(String(r.id))).reduce((a, r) => a + Math.round(Number(r.total) * 100), 0);
    total.textContent = money((cents / 100).toFixed(2));
  };
  // 补差 and 暂按 YYYY 年度标准, for the lines that are so
  const note = (row) => [row.kind && row.kind !== 'REGULAR' ? row.kindName : null,
    row.provisional ? t('ui.provisional', row.ratesYear) : null].filter(Boolean).join('，');
  const query = async () => {
    const r = await api('GET', `payable${from.value ? '?from=' + from.value : ''}`);
    if (!r.ok) { message.replaceChildren(el('p', { class: 'alert', role: 'alert' }, r.json ? r.json.detail : '')); return; }
    rows = r.json.items;
    ticked.clear();
    body.replaceChildren(...(rows.length ? rows.map((row) => el('tr', { 'data-row': row.id },
      el('td', {}, el('input', { type: 'checkbox', value: String(row.id), 'aria-label': `${t('ui.tick')} ${row.month} ${row.typeName}`,
        onchange: (e) => { if (e.target.checked) ticked.add(String(row.id)); else ticked.delete(String(row.id)); sum(); } })),
      el('td', {}, row.month), el('td', {}, row.typeName), el('td', { class: 'num' }, money(row.amount)),
      el('td', { class: 'num' }, money(row.lateFee)), el('td', { class: 'num' }, money(row.interest)),
      el('td', { class: 'num' }, money(row.total)), el('td', { class: 'provisional' }, note(row))))
      : [el('tr', {}, el('td', { colspan: 8 }, t('ui.none')))]));
    sum();
  };
  const listSlips = async () => {
    const r = await api('GET', 'slips');
    slips.replaceChildren(...((r.json || []).map((s) => el('tr', { 'data-voucher': s.voucherNo },
      el('td', {}, s.voucherNo), el('td', {}, s.issuedOn), el('td', {}, s.validUntil), el('td', { 'data-status': s.status }, s.statusName),
      el('td', { class: 'num' }, money(s.total)),
      el('td', {}, el('a', { href: url(s.xlsx), download: `${s.voucherNo}.xlsx` }, t('ui.download')))))));
  };
  const create = async () => {
    const r = await api('POST', 'slips', { lines: [...ticked].map(Number) });
    if (!r.ok) { message.replaceChildren(el('p', { class: 'alert', role: 'alert' }, r.json ? r.json.detail : '')); return; }
    message.replaceChildren(el('p', { class: 'notice' }, t('ui.created', ''), el('strong', { id: 'voucher-no' }, r.json.voucherNo), ' ',
      t('ui.validUntil', r.json.validUntil), ' ', el('a', { id: 'slip-download', href: url(r.json.xlsx), download: `${r.json.voucherNo}.xlsx` }, t('ui.download'))));
    await query();
    await listSlips();
  };
  const heading = (id, text) => el('h2', { id }, text);
  const table = (labelId, head, tbody) => el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': labelId },
    el('table', {}, el('thead', {}, el('tr', {}, head.map((h, i) => el('th', { scope: 'col', class: i > 2 ? 'num' : '' }, h)))), tbody));
  // a payment reported by the post office shows at once (已缴费), without a reload
  const onPayment = () => { if (!root.isConnected) { window.removeEventListener('shebao:payment', onPayment); return; } listSlips(); query(); };
  window.addEventListener('shebao:payment', onPayment);
  root.replaceChildren(
    heading('slip-heading', t('ui.title')), message,
    el('div', { class: 'task' }, el('label', { for: 'slip-from' }, t('ui.from')), from,
      el('div', { class: 'actions' }, el('button', { type: 'button', id: 'slip-query', onclick: query }, t('ui.query')))),
    table('slip-heading', [t('ui.tick'), t('ui.month'), t('ui.type'), t('ui.amount'), t('ui.lateFee'), t('ui.interest'), t('ui.subtotal'), t('ui.note')], body),
    el('p', {}, el('label', { for: 'slip-total' }, t('ui.total')), ' ', total),
    el('div', { class: 'actions' }, el('button', { type: 'button', id: 'slip-create', onclick: create }, t('ui.create')),
      el('button', { type: 'button', class: 'secondary', onclick: ctx.home }, t('ui.home'))),
    heading('slips-heading', t('ui.mySlips')),
    table('slips-heading', [t('ui.voucherNo'), t('ui.issuedOn'), t('ui.validUntilCol'), t('ui.status'), t('ui.subtotal'), t('ui.file')], slips));
  await query();
  await listSlips();
}
