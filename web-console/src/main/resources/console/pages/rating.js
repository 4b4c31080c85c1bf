// 好差评 on a finished task's page: the rating given, or the form to give it (1–5 stars, an optional comment), once.
import { t, api, el, announce } from '../core.js';

const MAX_COMMENT = 500;

function stars(n) {
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

function given(r) {
  return el('p', { id: 'rating-given', 'data-stars': r.stars },
    t('rating.given'), ' ', el('span', { class: 'stars', 'aria-label': t('rating.starsLabel', r.stars) }, stars(r.stars)),
    r.comment ? ` — ${r.comment}` : '');
}

function form(task, section) {
  const message = el('div', { id: 'rating-message', role: 'status' });
  const choices = [5, 4, 3, 2, 1].map((n) => el('label', {},
    el('input', { type: 'radio', name: 'stars', value: String(n), id: `rating-${n}` }),
    el('span', { 'aria-hidden': 'true', class: 'stars' }, stars(n)), el('span', { class: 'sr-only' }, t('rating.starsLabel', n)),
    ' ', t(`rating.level.${n}`)));
  const comment = el('textarea', { id: 'rating-comment', name: 'comment', rows: '3', maxlength: String(MAX_COMMENT),
    'aria-describedby': 'rating-comment-hint' });
  const submit = async (e) => {
    e.preventDefault();
    const chosen = section.querySelector('input[name=stars]:checked');
    const r = await api('POST', `/api/tasks/${task.id}/rating`, { stars: chosen ? Number(chosen.value) : null, comment: comment.value });
    if (!r.ok) {
      message.replaceChildren(el('p', { class: 'alert', role: 'alert' }, (r.json && r.json.detail) || String(r.status)));
      return;
    }
    announce(t('rating.thanks'));
    section.replaceChildren(el('h3', { id: 'rating-heading' }, t('rating.heading')), el('p', { class: 'notice' }, t('rating.thanks')), given(r.json));
  };
  return el('form', { class: 'task', id: 'rating-form', onsubmit: submit },
    el('fieldset', {}, el('legend', {}, t('rating.question')), choices),
    el('div', { class: 'field' }, el('label', { for: 'rating-comment' }, t('rating.comment')), comment,
      el('p', { class: 'hint', id: 'rating-comment-hint' }, t('rating.commentHint', MAX_COMMENT))),
    message, el('button', { type: 'submit', id: 'rating-submit' }, t('rating.submit')));
}

/** The rating section of a task's page: for an APPROVED or RETURNED task only. */
export async function ratingSection(task) {
  if (task.state !== 'APPROVED' && task.state !== 'RETURNED') return null;
  const section = el('section', { id: 'rating', 'aria-labelledby': 'rating-heading', class: 'rating no-print' },
    el('h3', { id: 'rating-heading' }, t('rating.heading')));
  const r = await api('GET', `/api/tasks/${task.id}/rating`);
  section.append(r.ok ? given(r.json) : form(task, section));
  return section;
}
