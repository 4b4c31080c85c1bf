// 问题报告: the citizen names the business, describes the problem, picks the date and sends it.
export default async function mount(root, ctx) {
  const { api, el, t } = ctx;
  const businesses = (await api('GET', 'businesses')).json || [];
  const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().substring(0, 10);
  const message = el('div', { id: 'report-message', role: 'status' });
  const error = (name) => el('p', { class: 'error', id: `err-${name}` });
  const business = el('select', { id: 'f-businessType', 'aria-describedby': 'err-businessType', 'aria-required': 'true' },
    el('option', { value: '' }, t('ui.choose')), businesses.map((b) => el('option', { value: b.id }, b.name)));
  const count = el('span', { id: 'description-count', 'aria-live': 'polite' }, t('ui.count', 0));
  const description = el('textarea', { id: 'f-description', rows: 6, maxlength: 1000, 'aria-describedby': 'err-description description-count',
    'aria-required': 'true', oninput: () => { count.textContent = t('ui.count', [...description.value.trim()].length); } });
  const expectedBy = el('input', { type: 'date', id: 'f-expectedBy', min: today, value: today, 'aria-describedby': 'err-expectedBy', 'aria-required': 'true' });
  const field = (id, label, control, name) => el('div', { class: 'field required' }, el('label', { for: id }, label), control, error(name));
  const send = async () => {
    root.querySelectorAll('.error').forEach((p) => { p.textContent = ''; });
    const r = await api('POST', 'reports', { businessType: business.value, description: description.value, expectedBy: expectedBy.value });
    if (!r.ok) {
      message.replaceChildren(el('p', { class: 'alert', role: 'alert' }, r.json ? r.json.detail : ''));
      ((r.json && r.json.errors) || []).forEach((e) => { const p = root.querySelector(`#err-${e.field}`); if (p) p.textContent = e.message; });
      return;
    }
    description.value = '';
    count.textContent = t('ui.count', 0);
    message.replaceChildren(el('p', { class: 'notice' }, t('ui.sent')));
  };
  root.replaceChildren(el('h2', {}, t('ui.reportTitle')), message, el('form', { class: 'task', novalidate: true, onsubmit: (e) => { e.preventDefault(); send(); } },
    field('f-businessType', t('ui.business'), business, 'businessType'),
    field('f-description', t('ui.description'), el('div', {}, description, count), 'description'),
    field('f-expectedBy', t('ui.expectedBy'), expectedBy, 'expectedBy'),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'report-send' }, t('ui.send')))));
}
