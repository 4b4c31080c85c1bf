// The reviewer's inbox and decisions. Every call is checked by the platform (403 outside the role or district).
import { t, api, el, when, alert } from '../core.js';

function age(submittedAt) {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(submittedAt)) / 60000));
  if (minutes < 120) return t('review.minutes', minutes);
  if (minutes < 48 * 60) return t('review.hours', Math.round(minutes / 60));
  return t('review.days', Math.round(minutes / 1440));
}

export async function inboxPage(main) {
  const filter = el('select', { id: 'review-filter', onchange: () => load() }, el('option', { value: '' }, t('review.all')));
  const types = await api('GET', '/api/business-types');
  (types.json || []).forEach((b) => filter.append(el('option', { value: b.id }, b.name)));
  const body = el('tbody');
  const heading = el('h2', { id: 'review-heading' });
  const load = async () => {
    const r = await api('GET', `/api/review/tasks?size=50${filter.value ? '&businessType=' + encodeURIComponent(filter.value) : ''}`);
    const items = r.ok ? r.json.items : [];
    heading.textContent = t('review.heading', r.ok ? r.json.total : 0);
    body.replaceChildren(...(items.length ? items.map((task) => el('tr', { 'data-review-row': task.id },
      el('td', {}, String(task.id)), el('td', {}, task.businessName), el('td', {}, task.applicant),
      el('td', {}, when(task.submittedAt)), el('td', {}, age(task.submittedAt)),
      el('td', {}, el('a', { href: `#/review/${task.id}`, 'data-review': task.id }, t('review.open'))))) : [el('tr', {}, el('td', { colspan: 6 }, t('review.empty')))]));
  };
  main.replaceChildren(el('section', { class: 'card', 'aria-labelledby': 'review-heading' }, heading,
    el('div', { class: 'task' }, el('label', { for: 'review-filter' }, t('review.filter')), filter),
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'review-heading' },
      el('table', { id: 'review-table' }, el('thead', {}, el('tr', {}, ['#', t('col.business'), t('review.applicant'), t('col.submitted'),
        t('review.waiting'), t('col.action')].map((h) => el('th', { scope: 'col' }, h)))), body))));
  await load();
}

export async function reviewPage(main, id) {
  const r = await api('GET', `/api/review/tasks/${id}`);
  if (!r.ok) { main.replaceChildren(alert((r.json && r.json.detail) || t('app.notFound'))); return; }
  const { task, fields, reviewNote } = r.json;
  const message = el('div', { id: 'message', role: 'status' });
  const card = el('section', { class: 'card', 'aria-labelledby': 'review-task-heading' },
    el('h2', { id: 'review-task-heading' }, `${task.businessName} #${task.id}`), message,
    reviewNote ? el('p', { class: 'notice' }, t('review.note', reviewNote)) : null,
    el('h3', {}, t('review.data')),
    el('dl', { id: 'review-data' }, fields.flatMap((f) => [el('dt', {}, f.label), el('dd', {}, Array.isArray(f.value) ? f.value.join('、') : String(f.value))])));
  if (task.attachments && task.attachments.length) {
    card.append(el('h3', {}, t('review.photos')), el('div', { class: 'photo' }, task.attachments.map((a) =>
      el('img', { src: `/api/tasks/${task.id}/attachments/${a}`, alt: `${t('review.photos')} ${a}` }))));
  }
  const waiting = task.state === 'SUBMITTED' && task.waitingForReviewer;
  if (waiting) {
    const comment = el('textarea', { id: 'review-comment', rows: 2 });
    const answer = await api('GET', `/api/review/tasks/reasons?businessType=${encodeURIComponent(task.businessType)}`);
    const reasons = { json: answer.ok && Array.isArray(answer.json) ? answer.json : [] };
    const code = el('select', { id: 'review-reason-code', onchange: () => {
      const chosen = (reasons.json || []).find((x) => x.code === code.value);
      if (chosen && !reason.value.trim()) reason.value = chosen.label;
    } }, el('option', { value: '' }, t('form.choose')), (reasons.json || []).map((x) => el('option', { value: x.code }, x.label)));
    const reason = el('textarea', { id: 'review-reason', rows: 3, 'aria-describedby': 'err-reason', 'aria-required': 'true' });
    const error = el('p', { class: 'error', id: 'err-reason' });
    const decide = async (path, body, done) => {
      error.textContent = '';
      const res = await api('POST', `/api/review/tasks/${task.id}/${path}`, body);
      if (!res.ok) {
        const field = res.json && res.json.errors && res.json.errors.find((e) => e.field === 'reason');
        if (field) { error.textContent = field.message; reason.focus(); } else message.replaceChildren(el('p', { class: 'alert', role: 'alert' }, res.json ? res.json.detail : ''));
        return;
      }
      await reviewPage(main, task.id);
      document.getElementById('message').replaceChildren(el('p', { class: 'notice' }, t(done)));
    };
    card.append(el('form', { class: 'task', onsubmit: (e) => e.preventDefault() },
      el('div', { class: 'field' }, el('label', { for: 'review-comment' }, t('review.comment')), comment),
      el('div', { class: 'actions' }, el('button', { type: 'button', id: 'review-approve', onclick: () =>
        decide('approve', { version: task.version, comment: comment.value }, 'review.approved') }, t('review.approve'))),
      el('div', { class: 'field' }, el('label', { for: 'review-reason-code' }, t('review.reasonCode')), code),
      el('div', { class: 'field required' }, el('label', { for: 'review-reason' }, t('review.reason'), el('span', { class: 'mark' }, `（${t('form.required')}）`)), reason, error),
      el('div', { class: 'actions' }, el('button', { type: 'button', class: 'danger', id: 'review-return', onclick: () =>
        decide('return', { version: task.version, reasonCode: code.value || null, reason: reason.value }, 'review.returned') }, t('review.return')))));
  } else {
    card.append(el('p', { class: 'notice', 'data-status': task.state }, `${t('col.status')}: ${t(`status.${task.state}`)}`));
  }
  card.append(el('h3', {}, t('history.heading')), el('ol', {}, (task.history || []).map((h) =>
    el('li', {}, `${when(h.at)} ${h.actor}: ${t(`status.${h.to}`)}${h.comment ? ' — ' + h.comment : ''}`))),
  el('div', { class: 'actions' }, el('a', { href: '#/review' }, t('staff.review'))));
  main.replaceChildren(card);
}

