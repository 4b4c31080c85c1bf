// The console's router: plain ES modules, no build step. It names no business: menus, forms and screens come from
// the business types and menu entries the platform lists for the caller's district.
import { state, api, isCitizen, loadingMain, loadTexts } from './core.js';
import { shell, buildMenu, onLanguage } from './shell.js';
import { startEvents, stopEvents } from './events.js';
import { loginPage } from './pages/login.js';
import { homePage, refreshHome } from './pages/home.js';
import { taskPage } from './pages/task.js';
import { entryPage } from './pages/entry.js';
import { inboxPage, reviewPage } from './pages/review.js';
import { adminPage } from './pages/admin.js';
import { recordsPage } from './pages/records.js';
import { paymentsPage } from './pages/payments.js';
import { passwordPage } from './pages/password.js';
import { registerPage } from './pages/register.js';
import { accountsPage } from './pages/accounts.js';
import { auditPage } from './pages/audit.js';
import { overviewPage } from './pages/overview.js';
import { notificationsPage } from './pages/notifications.js';
import { receiptPage } from './pages/receipt.js';

const main = () => document.getElementById('main');

/** Redraws what a change shows: a citizen's home or open task, a reviewer's inbox. */
async function onChange(task) {
  const hash = location.hash || '#/';
  if (!isCitizen()) {
    if (main() && (hash === '#/' || hash === '#/review')) await inboxPage(main());
  } else if (hash === '#/' || hash === '#') {
    if (main()) await refreshHome(main());
  } else if (task && hash === `#/task/${task.id}`) {
    await taskPage({ id: task.id });
  }
}

async function staffRoute(hash) {
  startEvents(onChange);
  let m;
  if ((m = hash.match(/^#\/entry\/([^/]+)$/))) { await entryPage(decodeURIComponent(m[1])); return; }
  const page = loadingMain();
  shell(page);
  if ((m = hash.match(/^#\/review\/(\d+)$/))) await reviewPage(page, m[1]);
  else if (hash === '#/payments') await paymentsPage(page, state.me);
  else if (hash === '#/accounts') await accountsPage(page, state.me);
  else if (hash === '#/audit') await auditPage(page, state.me);
  else if (hash === '#/overview') await overviewPage(page, state.me);
  else if (hash === '#/notifications') await notificationsPage(page);
  else if (hash === '#/admin' || !state.me.roles.includes('REVIEWER')) await adminPage(page, state.me);
  else await inboxPage(page);
  page.focus();
}

async function citizenRoute(hash) {
  startEvents(onChange);
  let m;
  if ((m = hash.match(/^#\/new\/([^/]+)$/))) await taskPage({ type: decodeURIComponent(m[1]) });
  else if ((m = hash.match(/^#\/task\/(\d+)$/))) await taskPage({ id: m[1] });
  else if ((m = hash.match(/^#\/entry\/([^/]+)$/))) await entryPage(decodeURIComponent(m[1]));
  else if (hash === '#/records') await recordsPage();
  else if (hash === '#/notifications' || (m = hash.match(/^#\/tasks\/(\d+)\/receipt$/))) {
    const page = loadingMain();
    shell(page);
    await (m ? receiptPage(page, m[1]) : notificationsPage(page));
  }
  else await homePage();
  if (main() && hash !== '#/') main().focus();
}

async function route() {
  const hash = location.hash || '#/';
  if (hash === '#/login') { stopEvents(); loginPage(route); return; }
  if (hash === '#/register') { stopEvents(); registerPage(); return; }
  if (!state.me) {
    const me = await api('GET', '/api/me');
    if (!me.ok) { location.hash = '#/login'; loginPage(route); return; }
    state.me = me.json;
  }
  if (state.me.mustChangePassword) { passwordPage(true); return; } // a temporary password: nothing else first
  if (!state.menu) await buildMenu();
  if (hash === '#/password') { passwordPage(false); return; }
  await (isCitizen() ? citizenRoute(hash) : staffRoute(hash));
}

onLanguage(route);
window.addEventListener('hashchange', route);
loadTexts().then(route);
