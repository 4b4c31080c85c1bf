// Live changes: the platform's server-sent events (task changes, notices plugins publish, inbox entries), polling when
// they fail.
import { state, announce, t } from './core.js';
import { refreshUnread } from './inbox.js';

/** Listens for changes; onChange(task or null) redraws what the page shows. */
export function startEvents(onChange) {
  if (state.events || state.poll) return;
  let failures = 0;
  const changed = async (data) => {
    await onChange(data);
    if (data) announce(t('live.changed', data.businessName || data.businessType, t(`status.${data.state}`)));
  };
  if (window.EventSource) {
    const source = new EventSource('/api/events');
    source.addEventListener('task', (e) => { failures = 0; changed(JSON.parse(e.data)); });
    // what plugins publish for the citizen: their screens listen for it
    source.addEventListener('notice', (e) => {
      const notice = JSON.parse(e.data);
      window.dispatchEvent(new CustomEvent('shebao:notice', { detail: notice }));
      if (notice.data && notice.data.message) announce(notice.data.message);
    });
    // a slip of the caller's paid at the post office: the slips screen and the records follow it
    source.addEventListener('payment', (e) => {
      const payment = JSON.parse(e.data);
      window.dispatchEvent(new CustomEvent('shebao:payment', { detail: payment }));
      announce(t('live.paid', payment.voucherNo));
    });
    // a new inbox entry: the header counts again, an open inbox shows it
    source.addEventListener('notification', (e) => {
      window.dispatchEvent(new CustomEvent('shebao:notification', { detail: JSON.parse(e.data) }));
      refreshUnread();
      announce(t('inbox.arrived'));
    });
    source.onerror = () => {
      failures += 1;
      if (failures > 3) { source.close(); state.events = null; state.poll = setInterval(() => { changed(null); refreshUnread(); }, 5000); }
    };
    state.events = source;
  } else {
    state.poll = setInterval(() => changed(null), 5000);
  }
}

export function stopEvents() {
  if (state.events) state.events.close();
  if (state.poll) clearInterval(state.poll);
  state.events = null;
  state.poll = null;
  state.menu = null;
}
