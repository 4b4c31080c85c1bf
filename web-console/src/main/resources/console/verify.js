// The page a third party (a landlord, a school) opens to check a contribution certificate: /console/verify/{code},
// no login. It prints on A4 as the citizen's copy (print stylesheet in app.css).
const lang = new URLSearchParams(location.search).get('lang') || localStorage.getItem('shebao.lang') || 'zh-CN';
let texts = {};
const t = (key, ...args) => args.reduce((s, a, i) => s.split(`{${i}}`).join(String(a)), texts[key] ?? key);

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => { if (k.startsWith('on')) e.addEventListener(k.substring(2), v); else e.setAttribute(k, v); });
  children.flat().forEach((c) => { if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c)); });
  return e;
}

function certificate(c) {
  const facts = [[t('verify.name'), c.name], [t('verify.idNumber'), c.idNumber], [t('verify.district'), c.districtName],
    [t('verify.issuedOn'), c.issuedOn], [t('verify.validUntil'), c.validUntil], [t('verify.code'), c.code]];
  return el('article', { class: 'card certificate', 'aria-labelledby': 'cert-title' },
    el('h1', { id: 'cert-title' }, t('cert.heading')),
    el('p', { id: 'verify-status', class: c.valid ? 'notice' : 'alert', 'data-valid': String(c.valid) }, c.valid ? t('verify.valid') : t('verify.invalid')),
    el('dl', { class: 'facts', id: 'verify-facts' }, facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    el('h2', { id: 'periods-heading' }, t('verify.periods')),
    el('table', { id: 'verify-periods', 'aria-labelledby': 'periods-heading' },
      el('thead', {}, el('tr', {}, [t('verify.type'), t('verify.from'), t('verify.to'), t('verify.months')].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, c.periods.map((p) => el('tr', {}, el('td', {}, p.typeName), el('td', {}, p.from), el('td', {}, p.to), el('td', { class: 'num' }, String(p.months)))))),
    el('p', { class: 'issuer' }, t('verify.issuer')),
    el('p', { class: 'no-print' }, el('button', { type: 'button', id: 'verify-print', onclick: () => window.print() }, t('verify.print'))));
}

async function main() {
  texts = await (await fetch(`/console/i18n/${lang === 'en' ? 'en' : 'zh-CN'}.json`)).json();
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = t('verify.title');
  const code = decodeURIComponent(location.pathname.split('/').pop() || '');
  const r = await fetch(`/api/certificates/${encodeURIComponent(code)}`, { headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang } });
  const root = document.getElementById('main');
  if (r.ok) root.replaceChildren(certificate(await r.json()));
  else root.replaceChildren(el('p', { class: 'alert', role: 'alert', id: 'verify-status', 'data-valid': 'false' },
    r.status === 429 ? t('verify.tooMany') : t('verify.unknown')));
}

main();
