// 问题报告查询: the citizen's reports with their status and the reply; a reply shows up without reloading.
export default async function mount(root, ctx) {
  const { api, el, t } = ctx;
  const when = (s) => (s || '').replace('T', ' ').substring(0, 16);
  const body = el('tbody');
  const load = async () => {
    const reports = (await api('GET', 'reports')).json || [];
    body.replaceChildren(...(reports.length ? reports.map((r) => el('tr', { 'data-report': r.id, 'data-status': r.status },
      el('td', {}, when(r.createdAt)), el('td', {}, r.businessName), el('td', {}, r.description), el('td', {}, r.expectedBy),
      el('td', {}, r.statusName), el('td', {}, r.reply || ''), el('td', {}, r.repliedBy || ''), el('td', {}, when(r.repliedAt))))
      : [el('tr', {}, el('td', { colspan: 8 }, t('ui.none')))]));
  };
  const onNotice = (e) => { if (!root.isConnected) { window.removeEventListener('shebao:notice', onNotice); return; }
    if (e.detail && e.detail.topic === 'problem-report') load(); };
  window.addEventListener('shebao:notice', onNotice);
  root.replaceChildren(el('h2', { id: 'reports-heading' }, t('ui.queryTitle')),
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'reports-heading' },
      el('table', { id: 'reports-table' }, el('thead', {}, el('tr', {}, [t('ui.createdAt'), t('ui.business'), t('ui.description'),
        t('ui.expectedBy'), t('ui.status'), t('ui.reply'), t('ui.repliedBy'), t('ui.repliedAt')].map((h) => el('th', { scope: 'col' }, h)))), body)));
  await load();
}
