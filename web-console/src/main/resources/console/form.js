// Draws a business form from its schema (GET /api/business-types/{id}/form): required fields red (also while a
// requiredWhen condition holds), important blue, computed amounts refreshed from the assessment as the citizen types
// (with 暂按 YYYY 年度标准 when provisional), tick tables with paging, totals and a 查询 button, photo upload with
// preview; field errors next to their fields. A decided task's tables show the rows kept when it was decided.

export function renderForm(container, ctx) {
  const { fields, values, editable, typeId, task, api, t, el, money } = ctx;
  const form = el('form', { class: 'task', novalidate: true, id: 'task-form', onsubmit: (e) => e.preventDefault() });
  form.append(el('p', { class: 'hint' }, t('form.legend.required')));
  const controls = new Map();
  const outputs = new Map();
  const tables = [];
  let timer = null;

  const refreshAmounts = () => {
    if (!editable || !outputs.size) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const r = await api('POST', `/api/business-types/${encodeURIComponent(typeId)}/assessment`, { data: collect() });
      if (r.ok) setAmounts(r.json);
    }, 250);
  };
  const conditional = [];
  const changed = () => { refreshAmounts(); tables.forEach((tb) => tb.reloadIfFiltered()); conditional.forEach((c) => c()); };
  const snapshot = (!editable && task && task.snapshot) || null;

  for (const f of fields) {
    const id = `f-${f.name}`;
    const errorId = `err-${f.name}`;
    const classes = ['field', `type-${f.type}`, f.required ? 'required' : '', f.important ? 'important' : ''].join(' ');
    const wrap = el('div', { class: classes, 'data-field': f.name });
    const requiredMark = el('span', { class: 'mark', hidden: !f.required }, `（${t('form.required')}）`);
    const marks = [requiredMark,
      f.important && !f.required ? el('span', { class: 'mark important-mark' }, `（${t('form.important')}）`) : null];
    if (f.requiredWhen) {
      // red while the other field is (or contains) the value, e.g. the pension tier while 110 is chosen
      conditional.push(() => {
        const other = collect()[f.requiredWhen.field];
        const holds = Array.isArray(other) ? other.includes(f.requiredWhen.contains) : other === f.requiredWhen.contains;
        wrap.classList.toggle('required', holds);
        requiredMark.hidden = !holds;
        wrap.querySelectorAll('select, input').forEach((c) => c.setAttribute('aria-required', holds ? 'true' : 'false'));
        const importantMark = wrap.querySelector('.important-mark');
        if (importantMark) importantMark.hidden = holds;
      });
    }
    const readOnly = !editable || f.readOnly;
    const value = values[f.name];
    const common = { id, name: f.name, 'aria-describedby': errorId, 'aria-required': f.required ? 'true' : null };
    if (f.type === 'money') {
      const out = el('output', { id, for: '', 'aria-live': 'polite', 'data-amount': f.name }, '—');
      const note = el('span', { class: 'provisional', 'data-provisional': f.name, hidden: true });
      outputs.set(f.name, { out, note });
      wrap.append(el('label', { for: id }, f.label, marks), out, ' ', note);
    } else if (f.type === 'select') {
      const select = el('select', { ...common, disabled: readOnly, onchange: changed },
        el('option', { value: '' }, t('form.choose')),
        (f.options || []).map((o) => el('option', { value: o.value, selected: String(value ?? '') === o.value }, o.label)));
      controls.set(f.name, () => select.value);
      wrap.append(el('label', { for: id }, f.label, marks), select);
    } else if (f.type === 'multiselect') {
      const chosen = new Set((Array.isArray(value) ? value : value ? [value] : []).map(String));
      const boxes = (f.options || []).map((o) => el('label', {}, el('input', { type: 'checkbox', name: f.name, value: o.value,
        checked: chosen.has(o.value), disabled: readOnly, onchange: changed }), o.label));
      controls.set(f.name, () => [...wrap.querySelectorAll('input[type=checkbox]:checked')].map((b) => b.value));
      wrap.append(el('fieldset', { id, 'aria-describedby': errorId }, el('legend', {}, f.label, marks), boxes));
    } else if (f.type === 'table') {
      const table = tickTable(f, value, readOnly, ctx, () => collect(), changed, snapshot ? snapshot[f.name] : null);
      tables.push(table);
      controls.set(f.name, table.value);
      wrap.append(el('fieldset', { id, 'aria-describedby': errorId }, el('legend', {}, f.label, marks), table.node));
    } else if (f.type === 'photo') {
      wrap.append(el('label', { for: id }, f.label, marks), photo(f, id, readOnly, ctx));
    } else {
      const type = f.type === 'date' ? 'date' : f.type === 'month' ? 'month' : 'text';
      const input = el('input', { ...common, type, value: value ?? '', readonly: readOnly, min: f.min, max: f.max,
        oninput: changed, autocomplete: f.name === 'mobile' ? 'tel' : f.name === 'address' ? 'street-address' : f.name === 'email' ? 'email' : null });
      if (!f.readOnly) controls.set(f.name, () => input.value.trim());
      wrap.append(el('label', { for: id }, f.label, marks), input);
    }
    wrap.append(el('p', { class: 'error', id: errorId }));
    form.append(wrap);
  }
  container.append(form);

  function collect() {
    const data = {};
    for (const [name, read] of controls) {
      const v = read();
      if (Array.isArray(v) ? v.length : v !== '' && v !== undefined) data[name] = v;
    }
    return data;
  }
  function setAmounts(amounts) {
    for (const [name, { out, note }] of outputs) {
      out.textContent = money(amounts ? amounts[name] : null);
      // figures on an earlier year's rates until the year's own are published: 暂按 2026 年度标准
      const provisional = amounts && amounts.provisional && amounts[name] !== undefined;
      note.hidden = !provisional;
      note.textContent = provisional ? t('form.provisional', amounts.ratesYear) : '';
    }
  }
  function clearErrors() {
    form.querySelectorAll('.error').forEach((p) => { p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
  }
  function showProblem(problem) {
    if (!problem || !problem.errors) return;
    let first = null;
    for (const e of problem.errors) {
      const p = form.querySelector(`#err-${CSS.escape(e.field)}`);
      if (p) {
        p.textContent = p.textContent ? `${p.textContent} ${e.message}` : e.message;
        const control = form.querySelector(`#f-${CSS.escape(e.field)}`);
        if (control) { control.setAttribute('aria-invalid', 'true'); first = first || control; }
      }
    }
    if (first) first.focus();
  }
  tables.forEach((tb) => tb.load());
  conditional.forEach((c) => c());
  if (editable) refreshAmounts();
  return { collect, setAmounts, clearErrors, showProblem };
}

function tickTable(f, value, readOnly, ctx, collect, changed, kept) {
  const { api, t, el, money } = ctx;
  const ticked = new Set((Array.isArray(value) ? value : []).map(String));
  const body = el('tbody');
  const foot = el('tfoot');
  const info = el('span', { 'aria-live': 'polite' });
  const sizes = [10, 20, 50];
  let page = 0;
  let size = f.pageSize || 0;
  let count = 0;
  let rows = [];
  let lastQuery = '';
  const selectable = !readOnly && !kept;
  const columns = f.columns || [];
  if (kept) size = 0;
  const noteHead = el('th', { scope: 'col', hidden: true }, t('table.note'));
  const head = el('tr', {}, selectable ? el('th', { scope: 'col' }, t('table.select')) : null,
    columns.map((c) => el('th', { scope: 'col', class: c.type === 'money' ? 'num' : '' }, c.label)), noteHead);
  const typeTotals = el('div', { class: 'type-totals', 'aria-live': 'polite' });
  const query = () => {
    const params = new URLSearchParams();
    const data = collect();
    for (const [k, v] of Object.entries(data)) if (typeof v === 'string' && k !== f.name) params.set(k, v);
    if (size) { params.set('page', page); params.set('size', size); }
    return params.toString();
  };
  const cell = (c, row) => {
    const v = row[c.name];
    return el('td', { class: c.type === 'money' ? 'num' : '' }, c.type === 'money' ? money(v) : (v ?? ''));
  };
  // 补差 / 溢缴 and 暂按 YYYY 年度标准, for the rows that are so
  const note = (row) => [row.kind && row.kind !== 'REGULAR' ? row.kindName : null,
    row.provisional ? t('form.provisional', row.ratesYear) : null].filter(Boolean).join('，');
  const noted = () => rows.some((r) => note(r));
  const totals = () => {
    const summed = columns.filter((c) => c.total);
    if (!summed.length) { foot.replaceChildren(); return; }
    const over = selectable ? rows.filter((r) => ticked.has(String(r.id))) : rows;
    const sum = (name) => over.reduce((a, r) => a + Math.round(Number(r[name] || 0) * 100), 0);
    foot.replaceChildren(el('tr', {}, el('th', { scope: 'row', colspan: selectable ? 1 : 0 }, t(selectable ? 'table.total' : 'table.totalPage')),
      columns.slice(selectable ? 0 : 1).map((c) => el('td', { class: 'num', 'data-total': c.name },
        c.total ? money((sum(c.name) / 100).toFixed(2)) : ''))));
  };
  const draw = () => {
    body.replaceChildren(...(rows.length ? rows.map((row) => el('tr', { 'data-row': row.id },
      selectable ? el('td', {}, el('input', { type: 'checkbox', value: String(row.id), checked: ticked.has(String(row.id)),
        disabled: row.backPayable === false, 'aria-label': `${t('table.select')} ${row.month || ''} ${row.typeName || ''}`.trim(),
        onchange: (e) => { if (e.target.checked) ticked.add(String(row.id)); else ticked.delete(String(row.id)); totals(); changed(); } })) : null,
      columns.map((c) => cell(c, row)), noted() ? el('td', { class: 'provisional' }, note(row)) : null))
      : [el('tr', {}, el('td', { colspan: columns.length + 1 }, t('table.empty')))]));
    noteHead.hidden = !noted();
    totals();
    const pages = size ? Math.max(1, Math.ceil(count / size)) : 1;
    info.textContent = size ? t('table.page', page + 1, pages, count) : '';
    prev.disabled = page <= 0;
    next.disabled = page + 1 >= pages;
  };
  // totals per insurance type over every page of the query (核定后欠费信息), when the source gives them
  const drawTypeTotals = (list) => {
    if (!list || !list.length) { typeTotals.replaceChildren(); return; }
    typeTotals.replaceChildren(el('table', { 'data-type-totals': f.name },
      el('caption', {}, t('table.typeTotals')),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('table.type')), el('th', { scope: 'col', class: 'num' }, t('table.months')),
        el('th', { scope: 'col', class: 'num' }, t('table.amount')))),
      el('tbody', {}, list.map((x) => el('tr', { 'data-type': x.insuranceType }, el('td', {}, x.typeName),
        el('td', { class: 'num' }, x.months), el('td', { class: 'num' }, money(x.amount)))))));
  };
  const load = async () => {
    if (kept) {
      // a decided task: the rows as they were decided, not today's records
      rows = kept;
      count = rows.length;
      draw();
      return;
    }
    lastQuery = query();
    const r = await api('GET', `${f.source}${lastQuery ? '?' + lastQuery : ''}`);
    rows = r.ok && r.json ? (r.json.items || []) : [];
    count = r.ok && r.json ? (r.json.count ?? rows.length) : 0;
    drawTypeTotals(r.ok && r.json ? r.json.totals : null);
    draw();
  };
  const prev = el('button', { type: 'button', class: 'secondary', onclick: () => { page -= 1; load(); } }, t('table.prev'));
  const next = el('button', { type: 'button', class: 'secondary', onclick: () => { page += 1; load(); } }, t('table.next'));
  const sizeId = `size-${f.name}`;
  const pager = size ? el('div', { class: 'pager' }, prev, next, info,
    el('label', { for: sizeId }, t('table.size')),
    el('select', { id: sizeId, onchange: (e) => { size = Number(e.target.value); page = 0; load(); } },
      sizes.map((s) => el('option', { value: s, selected: s === size }, s)))) : null;
  const queryButton = f.queried && !kept ? el('div', { class: 'actions' }, el('button', { type: 'button', class: 'secondary',
    id: `query-${f.name}`, onclick: () => { page = 0; load(); } }, t('table.query'))) : null;
  const node = el('div', {}, queryButton, el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': f.label },
    el('table', { 'data-table': f.name }, el('thead', {}, head), body, foot)), pager, typeTotals);
  return {
    node,
    load,
    value: () => (selectable ? [...ticked] : []),
    // a queried table waits for 查询; the others follow their filters as they change
    reloadIfFiltered: () => { if (f.queried || kept) return; page = 0; const q = query(); if (q !== lastQuery) load(); },
  };
}

function photo(f, id, readOnly, ctx) {
  const { api, t, el, task } = ctx;
  const preview = el('div', { class: 'photo', 'aria-live': 'polite' });
  const shown = (aid) => preview.replaceChildren(el('img', { src: `/api/tasks/${task.id}/attachments/${aid}?t=${Date.now()}`, alt: t('form.photoPreview') }));
  if (!task) return el('p', { id }, t('form.photoAfterSave'));
  let latest = task.attachments && task.attachments.length ? task.attachments[task.attachments.length - 1] : null;
  if (latest) shown(latest);
  if (readOnly) return preview;
  const input = el('input', { type: 'file', id, accept: 'image/jpeg,image/png', 'aria-describedby': `err-${f.name}` });
  const upload = el('button', { type: 'button', class: 'secondary', id: `upload-${f.name}`, onclick: async () => {
    const error = document.getElementById(`err-${f.name}`);
    error.textContent = '';
    if (!input.files.length) return;
    const body = new FormData();
    body.append('file', input.files[0]);
    const r = await api('POST', `/api/tasks/${task.id}/attachments`, body);
    if (!r.ok) { error.textContent = (r.json && r.json.detail) || ''; return; }
    latest = r.json.id;
    task.version = r.json.version; // the upload was an edit: the next save goes on from it
    shown(latest);
    document.getElementById('live').textContent = t('form.photoUploaded');
  } }, t('action.upload'));
  const refresh = el('button', { type: 'button', class: 'secondary', onclick: async () => {
    const r = await api('GET', `/api/tasks/${task.id}`);
    const ids = r.ok ? (r.json.attachments || []) : [];
    if (ids.length) { latest = ids[ids.length - 1]; shown(latest); }
  } }, t('action.refresh'));
  return el('div', {}, input, el('div', { class: 'actions' }, upload, refresh), preview);
}
