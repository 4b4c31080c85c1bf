// 问题报告答复: a reviewer's list of the district's open reports, oldest first, overdue ones flagged, and replies.
export default async function mount(root, ctx) {
  const { api, el, t } = ctx;
  const message = el('div', { id: 'answer-message', role: 'status' });
  const list = el('div');
  const load = async () => {
    const reports = (await api('GET', 'reports')).json || [];
    list.replaceChildren(...(reports.length ? reports.map((r) => {
      const reply = el('textarea', { id: `reply-${r.id}`, rows: 3 });
      return el('article', { class: 'card', 'data-report': r.id, 'aria-labelledby': `report-${r.id}` },
        el('h3', { id: `report-${r.id}` }, `#${r.id} ${r.businessName}`, r.overdue ? el('span', { class: 'returned-yes', 'data-overdue': 'true' }, ` ${t('ui.overdue')}`) : null),
        el('p', {}, `${t('ui.citizen')}: ${r.ownerName} · ${t('ui.expectedBy')}: ${r.expectedBy}`),
        el('p', {}, r.description),
        el('label', { for: `reply-${r.id}` }, t('ui.replyLabel')), reply,
        el('div', { class: 'actions' }, el('button', { type: 'button', 'data-answer': r.id, onclick: async () => {
          const res = await api('POST', `reports/${r.id}/reply`, { reply: reply.value });
          message.replaceChildren(el('p', { class: res.ok ? 'notice' : 'alert' }, res.ok ? t('ui.answered') : (res.json ? res.json.detail : '')));
          if (res.ok) await load();
        } }, t('ui.answer'))));
    }) : [el('p', {}, t('ui.none'))]));
  };
  root.replaceChildren(el('h2', {}, t('ui.answerTitle')), message, list);
  await load();
}
