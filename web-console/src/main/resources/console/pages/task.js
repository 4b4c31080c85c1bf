// A citizen's task: the business's form (new, draft, returned, or read-only once submitted), its own module if it has
// one, the actions, and the history.
import { state, t, api, el, money, when, announce, loadingMain, alert } from '../core.js';
import { shell } from '../shell.js';
import { mount } from '../plugins.js';
import { renderForm } from '../form.js';
import { ratingSection } from './rating.js';

function history(task) {
  return [el('h3', {}, t('history.heading')), el('ol', { id: 'history' }, task.history.map((h) =>
    el('li', {}, `${when(h.at)} ${h.actor}: ${h.from ? t(`status.${h.from}`) + ' → ' : ''}${t(`status.${h.to}`)}${h.comment ? ' — ' + h.comment : ''}`)))];
}

function actions(task, controller, show) {
  const bar = el('div', { class: 'actions' });
  const save = async () => {
    controller.clearErrors();
    const data = controller.collect();
    const r = task ? await api('PUT', `/api/tasks/${task.id}`, { data, version: task.version })
      : await api('POST', '/api/tasks', { businessType: controller.typeId, data });
    if (!r.ok) { controller.showProblem(r.json); show('alert', (r.json && r.json.detail) || t('form.errors')); return null; }
    return r.json;
  };
  bar.append(el('button', { type: 'button', id: 'save', onclick: async () => {
    const saved = await save();
    if (!saved) return;
    announce(t('form.saved'));
    if (!task) { location.hash = `#/task/${saved.id}`; } else { await taskPage({ id: saved.id }); }
    setTimeout(() => show('notice', t('form.saved')), 0);
  } }, t('action.save')));
  if (!task) return bar;
  bar.append(el('button', { type: 'button', id: 'submit', onclick: async () => {
    const saved = await save();
    if (!saved) return;
    const r = await api('POST', `/api/tasks/${task.id}/submit`, { version: saved.version });
    if (!r.ok) { controller.showProblem(r.json); show('alert', (r.json && r.json.detail) || t('form.errors')); return; }
    announce(t('form.submitted'));
    await taskPage({ id: task.id });
    document.getElementById('message').replaceChildren(el('p', { class: 'notice' }, t('form.submitted')));
  } }, t('action.submit')));
  bar.append(el('button', { type: 'button', class: 'danger', id: 'withdraw', onclick: async () => {
    if (!confirm(t('confirm.withdraw'))) return;
    const r = await api('POST', `/api/tasks/${task.id}/withdraw`, { version: task.version });
    if (!r.ok) { show('alert', (r.json && r.json.detail) || t('form.errors')); return; }
    announce(t('form.withdrawn'));
    location.hash = '#/';
  } }, t('action.withdraw')));
  return bar;
}

/** params: {type} for a new task of the business, {id} for an existing one. */
export async function taskPage(params) {
  const main = loadingMain();
  shell(main);
  let task = null;
  let typeId = params.type;
  if (params.id) {
    const r = await api('GET', `/api/tasks/${params.id}`);
    if (!r.ok) { main.replaceChildren(alert((r.json && r.json.detail) || t('app.notFound'))); return; }
    task = r.json;
    typeId = task.businessType;
  }
  const form = await api('GET', `/api/business-types/${encodeURIComponent(typeId)}/form`);
  const editable = !task || task.state === 'DRAFT' || task.state === 'RETURNED';
  const type = state.types.find((b) => b.id === typeId);
  const card = el('section', { class: 'card', 'aria-labelledby': 'task-heading' },
    el('h2', { id: 'task-heading' }, task ? task.businessName : (type ? type.name : typeId)));
  main.replaceChildren(card);
  const message = el('div', { id: 'message', role: 'status' });
  card.append(message);
  if (task && task.returned && task.returnReason) card.append(el('p', { class: 'alert', id: 'return-reason', role: 'alert' }, t('form.returnReason', task.returnReason)));
  if (task && !editable) card.append(el('p', { class: 'notice', 'data-status': task.state }, `${t('col.status')}: ${t(`status.${task.state}`)}`, ' — ', t('form.readOnly')));
  if (!form.ok) { card.append(alert((form.json && form.json.detail) || t('app.notFound'))); return; }
  const values = Object.assign({}, form.json.values, task ? task.data : {});
  const controller = renderForm(card, { fields: form.json.fields, values, editable, typeId, task, api, t, el, money });
  controller.typeId = typeId;
  if (task && task.assessment) controller.setAmounts(task.assessment);
  // a business may add its own module to the generic form (a tick list the form cannot draw, say)
  if (type && type.uiModule) await mount(card, type.uiModule, type.plugin, { task, editable, form: controller });
  const show = (cls, text) => { message.replaceChildren(el('p', { class: cls }, text)); };
  const bar = editable ? actions(task, controller, show) : el('div', { class: 'actions' });
  if (task && ['SUBMITTED', 'APPROVED', 'RETURNED'].includes(task.state)) {
    bar.append(el('a', { href: `#/tasks/${task.id}/receipt`, id: 'receipt-link' }, t('receipt.link')));
  }
  bar.append(el('a', { href: '#/', id: 'back' }, t('action.back')));
  card.append(bar);
  const rating = task ? await ratingSection(task) : null;
  if (rating) card.append(rating);
  if (task && task.history) card.append(...history(task));
}
