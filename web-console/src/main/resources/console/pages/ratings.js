// 好差评 in the overview: the ratings of a period (by default the last 30 days) for the city or a district — counts
// and averages by business and district, by stars, and the comments of the low ones (1–2 stars).
import { t, api, el, when } from '../core.js';

function average(a) {
  return a === null || a === undefined ? '—' : Number(a).toFixed(2);
}

function groups(s) {
  return el('table', { id: 'ratings-groups' },
    el('caption', {}, t('ratings.groups')),
    el('thead', {}, el('tr', {}, [t('col.business'), t('admin.district'), t('ratings.count'), t('ratings.average')]
      .map((h, i) => el('th', { scope: 'col', class: i > 1 ? 'num' : null }, h)))),
    el('tbody', {}, s.groups.length ? s.groups.map((g) => el('tr', { 'data-business': g.businessType, 'data-district': g.district },
      el('th', { scope: 'row' }, g.businessName || g.businessType), el('td', {}, g.districtName),
      el('td', { class: 'num', 'data-count': g.count }, String(g.count)), el('td', { class: 'num', 'data-average': g.average }, average(g.average))))
      : el('tr', {}, el('td', { colspan: 4 }, t('ratings.none')))));
}

function low(s) {
  if (!s.lowComments.length) return el('p', { id: 'ratings-low-none' }, t('ratings.noLow'));
  return el('ul', { id: 'ratings-low', 'aria-labelledby': 'ratings-low-heading' }, s.lowComments.map((c) => el('li', { 'data-task': c.taskId },
    t('ratings.lowItem', '★'.repeat(c.stars), c.businessName || c.businessType, c.taskId, when(c.at)), ' ', el('q', {}, c.comment))));
}

/** The ratings card; district: the select of the overview (its value: a district, or empty for the city). */
export function ratingsCard(district) {
  const from = el('input', { type: 'date', id: 'ratings-from' });
  const to = el('input', { type: 'date', id: 'ratings-to' });
  const body = el('div', { id: 'ratings-body', 'aria-live': 'polite' });
  const load = async () => {
    const q = new URLSearchParams();
    if (district.value) q.set('district', district.value);
    if (from.value) q.set('from', from.value);
    if (to.value) q.set('to', to.value);
    const r = await api('GET', `/api/admin/ratings?${q}`);
    if (!r.ok) { body.replaceChildren(el('p', { class: 'alert', role: 'alert' }, (r.json && r.json.detail) || String(r.status))); return; }
    const s = r.json;
    from.value = s.from;
    to.value = s.to;
    body.replaceChildren(
      el('dl', { class: 'facts', id: 'ratings-facts' },
        el('dt', {}, t('ratings.count')), el('dd', { id: 'ratings-count' }, String(s.count)),
        el('dt', {}, t('ratings.average')), el('dd', { id: 'ratings-average' }, average(s.average)),
        el('dt', {}, t('ratings.byStars')), el('dd', { id: 'ratings-stars' }, [5, 4, 3, 2, 1].map((n) => t('ratings.starCount', n, s.byStars[n])).join(t('ratings.separator')))),
      el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('ratings.groups') }, groups(s)),
      el('h4', { id: 'ratings-low-heading' }, t('ratings.low')), low(s));
  };
  const card = el('section', { class: 'card', id: 'ratings', 'aria-labelledby': 'ratings-heading' },
    el('h2', { id: 'ratings-heading' }, t('ratings.heading')),
    el('form', { class: 'task filters', id: 'ratings-filters', onsubmit: (e) => { e.preventDefault(); load(); } },
      el('label', { for: 'ratings-from' }, t('ratings.from')), from, ' ',
      el('label', { for: 'ratings-to' }, t('ratings.to')), to, ' ',
      el('button', { type: 'submit', id: 'ratings-query' }, t('action.query'))),
    body);
  district.addEventListener('change', load);
  return { card, load };
}
