// The back office in the console: the reviewer's inbox and decisions, the plugin administration and the
// district's enablement. Every call is checked by the platform (403 outside the role or district).
const DISTRICTS = ['420102', '420103', '420104', '420105', '420106', '420107', '420111', '420112', '420113', '420114',
  '420115', '420116', '420117'];

function age(ctx, submittedAt) {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(submittedAt)) / 60000));
  if (minutes < 120) return ctx.t('review.minutes', minutes);
  if (minutes < 48 * 60) return ctx.t('review.hours', Math.round(minutes / 60));
  return ctx.t('review.days', Math.round(minutes / 1440));
}

export async function inboxPage(main, ctx) {
  const { api, el, t } = ctx;
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
      el('td', {}, (task.submittedAt || '').replace('T', ' ').substring(0, 16)), el('td', {}, age(ctx, task.submittedAt)),
      el('td', {}, el('a', { href: `#/review/${task.id}`, 'data-review': task.id }, t('review.open'))))) : [el('tr', {}, el('td', { colspan: 6 }, t('review.empty')))]));
  };
  main.replaceChildren(el('section', { class: 'card', 'aria-labelledby': 'review-heading' }, heading,
    el('div', { class: 'task' }, el('label', { for: 'review-filter' }, t('review.filter')), filter),
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'review-heading' },
      el('table', { id: 'review-table' }, el('thead', {}, el('tr', {}, ['#', t('col.business'), t('review.applicant'), t('col.submitted'),
        t('review.waiting'), t('col.action')].map((h) => el('th', { scope: 'col' }, h)))), body))));
  await load();
}

export async function reviewPage(main, ctx, id) {
  const { api, el, t } = ctx;
  const r = await api('GET', `/api/review/tasks/${id}`);
  if (!r.ok) { main.replaceChildren(el('p', { class: 'alert', role: 'alert' }, (r.json && r.json.detail) || t('app.notFound'))); return; }
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
    const answer = await api('GET', '/api/review/tasks/reasons');
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
      await reviewPage(main, ctx, task.id);
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
    el('li', {}, `${(h.at || '').replace('T', ' ').substring(0, 16)} ${h.actor}: ${t(`status.${h.to}`)}${h.comment ? ' — ' + h.comment : ''}`))),
  el('div', { class: 'actions' }, el('a', { href: '#/review' }, t('staff.review'))));
  main.replaceChildren(card);
}

export async function adminPage(main, ctx, me) {
  const { api, el, t } = ctx;
  const isAdmin = me.roles.includes('ADMIN');
  const message = el('div', { id: 'message', role: 'status' });
  const done = (r) => message.replaceChildren(el('p', { class: r.ok ? 'notice' : 'alert', role: r.ok ? null : 'alert' },
    r.ok ? t('admin.done') : ((r.json && r.json.detail) || String(r.status))));
  const upload = async (method, path, input) => {
    if (!input.files.length) return;
    const body = new FormData();
    body.append('file', input.files[0]);
    const r = await api(method, path, body);
    await adminPage(main, ctx, me);
    done(r);
  };
  const sections = [message];
  const plugins = await api('GET', '/api/admin/plugins');
  const rows = (plugins.json || []).map((p) => {
    const file = el('input', { type: 'file', accept: '.jar,.kar', id: `upgrade-file-${p.id}`, 'aria-label': `${t('admin.upgrade')} ${p.id}` });
    return el('tr', { 'data-plugin': p.id }, el('td', {}, p.id), el('td', {}, p.version), el('td', {}, p.bundleState),
      el('td', {}, p.districts.length ? p.districts.join(', ') : t('admin.all')), el('td', {}, p.disabledIn.join(', ')),
      el('td', { class: 'num' }, String(p.openTasks)), el('td', {}, p.source),
      el('td', {}, isAdmin ? [file, el('button', { type: 'button', class: 'secondary', onclick: () => upload('PUT', `/api/admin/plugins/${p.id}`, file) }, t('admin.upgrade')),
        el('button', { type: 'button', class: 'danger', 'data-remove': p.id, onclick: async () => {
          if (!confirm(t('admin.confirmRemove', p.id))) return;
          const r = await api('DELETE', `/api/admin/plugins/${p.id}`);
          await adminPage(main, ctx, me);
          done(r);
        } }, t('admin.remove'))] : ''));
  });
  sections.push(el('h2', { id: 'admin-heading' }, t('admin.heading')),
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'admin-heading' },
      el('table', { id: 'plugins-table' }, el('thead', {}, el('tr', {}, [t('admin.col.plugin'), t('admin.col.version'), t('admin.col.state'),
        t('admin.col.districts'), t('admin.col.off'), t('admin.col.open'), t('admin.col.source'), t('col.action')].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, rows))));
  if (isAdmin) {
    const file = el('input', { type: 'file', id: 'install-file', accept: '.jar,.kar' });
    sections.push(el('div', { class: 'task' }, el('label', { for: 'install-file' }, t('admin.install')), file,
      el('div', { class: 'actions' }, el('button', { type: 'button', id: 'install', onclick: () => upload('POST', '/api/admin/plugins', file) }, t('admin.installButton')))));
  }
  const district = el('select', { id: 'admin-district', disabled: !isAdmin, onchange: () => loadDistrict() },
    (isAdmin ? DISTRICTS : [me.district]).map((d) => el('option', { value: d, selected: d === me.district }, d)));
  const body = el('tbody');
  const loadDistrict = async () => {
    const r = await api('GET', `/api/admin/districts/${district.value}/plugins`);
    body.replaceChildren(...(r.json || []).map((p) => el('tr', {}, el('td', {}, p.name), el('td', {}, p.districtOnly ? t('admin.districtOnly') : ''),
      el('td', {}, el('input', { type: 'checkbox', checked: p.enabled, 'data-enable': p.id, 'aria-label': `${t('admin.enabled')} ${p.name}`,
        onchange: async (e) => { done(await api('PUT', `/api/admin/districts/${district.value}/plugins/${p.id}`, { enabled: e.target.checked })); } })))));
  };
  sections.push(el('h2', { id: 'district-heading' }, t('admin.districtHeading')),
    el('div', { class: 'task' }, el('label', { for: 'admin-district' }, t('admin.district')), district),
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'district-heading' },
      el('table', {}, el('thead', {}, el('tr', {}, [t('col.business'), t('admin.col.districts'), t('admin.enabled')].map((h) => el('th', { scope: 'col' }, h)))), body)));
  main.replaceChildren(el('section', { class: 'card', 'aria-labelledby': 'admin-heading' }, sections));
  await loadDistrict();
}
