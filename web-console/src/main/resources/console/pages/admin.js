// The back office's administration: the plugins (install, upgrade, remove; city administrators) and which businesses
// a district offers (its own administrator, or the city's for any district).
import { t, api, el, districts } from '../core.js';

export async function adminPage(main, me) {
  const isAdmin = me.roles.includes('ADMIN');
  const message = el('div', { id: 'message', role: 'status' });
  const done = (r) => message.replaceChildren(el('p', { class: r.ok ? 'notice' : 'alert', role: r.ok ? null : 'alert' },
    r.ok ? t('admin.done') : ((r.json && r.json.detail) || String(r.status))));
  const upload = async (method, path, input) => {
    if (!input.files.length) return;
    const body = new FormData();
    body.append('file', input.files[0]);
    const r = await api(method, path, body);
    await adminPage(main, me);
    done(r);
  };
  const sections = [message];
  const all = await districts();
  const name = (code) => (all.find((d) => d.code === code) || { name: code }).name;
  const plugins = await api('GET', '/api/admin/plugins');
  const rows = (plugins.json || []).map((p) => {
    const file = el('input', { type: 'file', accept: '.jar,.kar', id: `upgrade-file-${p.id}`, 'aria-label': `${t('admin.upgrade')} ${p.id}` });
    return el('tr', { 'data-plugin': p.id }, el('td', {}, p.id), el('td', {}, p.version), el('td', {}, p.bundleState),
      el('td', {}, p.districts.length ? p.districts.map(name).join('、') : t('admin.all')), el('td', {}, p.disabledIn.map(name).join('、')),
      el('td', { class: 'num' }, String(p.openTasks)), el('td', {}, p.source),
      el('td', {}, isAdmin ? [file, el('button', { type: 'button', class: 'secondary', onclick: () => upload('PUT', `/api/admin/plugins/${p.id}`, file) }, t('admin.upgrade')),
        el('button', { type: 'button', class: 'danger', 'data-remove': p.id, onclick: async () => {
          if (!confirm(t('admin.confirmRemove', p.id))) return;
          const r = await api('DELETE', `/api/admin/plugins/${p.id}`);
          await adminPage(main, me);
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
    (isAdmin ? all.map((d) => d.code) : [me.district]).map((d) => el('option', { value: d, selected: d === me.district }, name(d))));
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
