// 办理概览 for administrators: tasks by business and state, the oldest waiting, referred to a reviewer, the
// pipeline's lag, the ledger job's last run, the plugins' health — for the city or a district, refreshed every 15 s
// while the page is open; and the ratings (好差评) of a period.
import { t, api, el, districts, when } from '../core.js';
import { ratingsCard } from './ratings.js';

const STATES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'WITHDRAWN'];
let timer = null;

function seconds(s) {
  if (s === null || s === undefined) return '—';
  if (s < 120) return t('overview.seconds', s);
  if (s < 7200) return t('overview.minutes', Math.floor(s / 60));
  return t('overview.hours', Math.floor(s / 3600));
}

function table(report) {
  const byType = new Map();
  report.tasks.forEach((c) => {
    if (!byType.has(c.businessType)) byType.set(c.businessType, { name: c.businessName, counts: {} });
    byType.get(c.businessType).counts[c.state] = c.count;
  });
  return el('table', { id: 'overview-tasks' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('col.business')), STATES.map((s) => el('th', { scope: 'col', class: 'num' }, t(`overview.state.${s}`))))),
    el('tbody', {}, byType.size ? [...byType.entries()].map(([type, b]) => el('tr', { 'data-business': type }, el('th', { scope: 'row' }, b.name),
      STATES.map((s) => el('td', { class: 'num', 'data-state': s }, String(b.counts[s] || 0)))))
      : el('tr', {}, el('td', { colspan: STATES.length + 1 }, t('overview.noTasks')))));
}

export async function overviewPage(main, me) {
  const isAdmin = me.roles.includes('ADMIN');
  const all = await districts();
  const district = el('select', { id: 'overview-district', disabled: !isAdmin, onchange: () => load() },
    isAdmin ? [el('option', { value: '' }, t('app.city')), ...all.map((d) => el('option', { value: d.code }, d.name))]
      : el('option', { value: me.district }, (all.find((d) => d.code === me.district) || { name: me.district }).name));
  const body = el('div', { id: 'overview-body', 'aria-live': 'polite' });
  const load = async () => {
    if (!document.body.contains(body)) { clearInterval(timer); timer = null; return; }
    const r = await api('GET', `/api/admin/overview${district.value ? `?district=${district.value}` : ''}`);
    if (!r.ok) { body.replaceChildren(el('p', { class: 'alert', role: 'alert' }, (r.json && r.json.detail) || String(r.status))); return; }
    const o = r.json;
    body.replaceChildren(
      el('dl', { class: 'facts', id: 'overview-facts' },
        el('dt', {}, t('overview.oldest')), el('dd', { id: 'overview-oldest' }, o.oldestWaiting
          ? t('overview.oldestTask', o.oldestWaiting.id, seconds(o.oldestWaiting.ageSeconds)) : t('overview.none')),
        el('dt', {}, t('overview.referred')), el('dd', { id: 'overview-referred' }, String(o.referred)),
        el('dt', {}, t('overview.lag')), el('dd', { id: 'overview-lag' }, seconds(o.pipelineLagSeconds)),
        el('dt', {}, t('overview.ledger')), el('dd', { id: 'overview-ledger' }, o.lastLedgerRun ? `${when(o.lastLedgerRun.startedAt)} (${o.lastLedgerRun.node})` : '—')),
      el('h3', { id: 'overview-tasks-heading' }, t('overview.tasks')),
      el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'overview-tasks-heading' }, table(o)),
      el('h3', { id: 'overview-plugins-heading' }, t('overview.plugins')),
      el('ul', { id: 'overview-plugins', 'aria-labelledby': 'overview-plugins-heading' }, o.plugins.map((p) => el('li', { 'data-plugin': p.id },
        t('overview.plugin', p.name, p.id, p.version), ' ', el('span', { class: p.healthy ? 'ok' : 'alert' }, p.healthy ? t('overview.healthy') : p.bundleState)))),
      el('p', { class: 'hint' }, t('overview.at', when(o.at))));
  };
  const ratings = ratingsCard(district);
  main.replaceChildren(el('section', { class: 'card', 'aria-labelledby': 'overview-heading' },
    el('h2', { id: 'overview-heading' }, t('overview.heading')),
    el('div', { class: 'task' }, el('label', { for: 'overview-district' }, t('admin.district')), district), body), ratings.card);
  await Promise.all([load(), ratings.load()]);
  if (timer) clearInterval(timer);
  timer = setInterval(load, 15000);
}
