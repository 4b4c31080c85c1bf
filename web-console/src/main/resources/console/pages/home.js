// The citizen's home: the tasks to do (drafts, returned, under review) and those done.
import { t, api, el, when, loadingMain } from '../core.js';
import { shell } from '../shell.js';
import { summaryCard } from './records.js';

function taskTable(id, caption, tasks, done) {
  if (!tasks.length) return el('section', { class: 'card', 'aria-labelledby': id }, el('h2', { id }, caption), el('p', {}, t('home.empty')));
  const head = done
    ? [t('col.business'), t('col.submitted'), t('col.result'), t('col.action')]
    : [t('col.business'), t('col.created'), t('col.status'), t('col.returned'), t('col.reason'), t('col.action')];
  const rows = tasks.map((task) => {
    const open = el('a', { href: `#/task/${task.id}`, 'data-task': task.id }, t(done ? 'action.view' : 'action.open'));
    const status = el('span', { class: `status-${task.state}`, 'data-status': task.state }, t(`status.${task.state}`));
    return el('tr', { 'data-task-row': task.id }, done
      ? [el('td', {}, task.businessName), el('td', {}, when(task.submittedAt)), el('td', {}, status), el('td', {}, open)]
      : [el('td', {}, task.businessName), el('td', {}, when(task.createdAt)), el('td', {}, status),
        el('td', { class: task.returned ? 'returned-yes' : '' }, t(task.returned ? 'yes' : 'no')),
        el('td', {}, task.returnReason || ''), el('td', {}, open)]);
  });
  return el('section', { class: 'card', 'aria-labelledby': id, id: `${id}-section` }, el('h2', { id }, caption),
    el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': id },
      el('table', { id: `${id}-table` }, el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, rows))));
}

/** 好差评: finished tasks of the last 30 days not rated yet, each a link to its page's rating. */
function ratingReminder(due) {
  if (!due.length) return null;
  return el('section', { class: 'card', id: 'rating-reminder', 'aria-labelledby': 'rating-reminder-heading' },
    el('h2', { id: 'rating-reminder-heading' }, t('rating.reminder')),
    el('ul', {}, due.map((d) => el('li', { 'data-due': d.taskId }, t('rating.dueItem', d.businessName, t(`receipt.state.${d.state}`), when(d.decidedAt)), ' ',
      el('a', { href: `#/task/${d.taskId}`, 'data-rate': d.taskId }, t('rating.rateIt'))))));
}

export async function refreshHome(main) {
  const [todo, done, records, due] = await Promise.all([api('GET', '/api/tasks?list=todo&size=50'),
    api('GET', '/api/tasks?list=done&size=50'), summaryCard(), api('GET', '/api/ratings/due')]);
  main.replaceChildren(...[ratingReminder(due.ok ? due.json : []), records, taskTable('todo', t('home.todo'), todo.json ? todo.json.items : [], false),
    taskTable('done', t('home.done'), done.json ? done.json.items : [], true)].filter(Boolean));
}

export async function homePage() {
  const main = loadingMain();
  shell(main);
  await refreshHome(main);
}
