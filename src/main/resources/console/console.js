// The console: one view at a time, chosen by the address's #fragment (so a view can be bookmarked,
// linked to and reached with Back), and the gateway's readiness in the header.
import { getJson } from './api.js';
import { vendorsView } from './vendors.js';
import { deadLettersView } from './dead-letters.js';
import { fileDropsView } from './file-drops.js';
import { customersView } from './customers.js';

const views = {
  vendors: { title: 'Vendors', show: vendorsView },
  'dead-letters': { title: 'Dead letters', show: deadLettersView },
  'file-drops': { title: 'File drops', show: fileDropsView },
  customers: { title: 'Customers', show: customersView },
};

let stopView = () => {};

function show() {
  stopView();
  const [name, ...rest] = location.hash.slice(1).split('/');
  const chosen = views[name] ? name : 'vendors';
  for (const link of document.querySelectorAll('nav a')) {
    if (link.getAttribute('href') === '#' + chosen) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${views[chosen].title} · customer-gateway console`;
  const main = document.getElementById('view');
  main.replaceChildren();
  stopView = views[chosen].show(main, decodeURIComponent(rest.join('/'))) || (() => {});
}

// The header's readiness line. The Vendors view reads the same answer every 5 s and passes it on
// ('gateway-readiness'), so the header asks by itself only when nothing newer came that way.
const READINESS_EVERY_MS = 15000;
let readinessShownAt = 0;

function showReadiness(readiness) {
  const line = document.getElementById('readiness');
  const down = readiness.checks.filter(check => check.state !== 'UP').map(check => check.id);
  line.dataset.state = readiness.state;
  line.textContent = readiness.state === 'UP' ? 'Ready' : `Not ready: ${down.join(', ')}`;
  readinessShownAt = Date.now();
}

async function readiness() {
  if (Date.now() - readinessShownAt < READINESS_EVERY_MS) return;
  try {
    showReadiness((await getJson('/api/v1/vendors')).readiness);
  } catch (error) {
    const line = document.getElementById('readiness');
    line.dataset.state = 'DOWN';
    line.textContent = `Gateway not answering: ${error.message}`;
  }
}

window.addEventListener('gateway-readiness', event => showReadiness(event.detail));
window.addEventListener('hashchange', () => {
  show();
  document.getElementById('view').focus();
});
show();
readiness();
setInterval(readiness, READINESS_EVERY_MS);
