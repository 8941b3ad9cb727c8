// Customers: where one customer is (per vendor its id there, outcome, attempts, when, way in), and its
// dead letters, from GET /api/v1/customers/{customerId} and GET /api/v1/dead-letters?customerId=.
import { getJson, query } from './api.js';
import { h, table, row, when, count, badge } from './dom.js';

export function customersView(main, customerId) {
  const input = h('input', { id: 'customer-id', type: 'search', required: true, autocomplete: 'off', value: customerId || '' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Look up a customer' },
    h('div', { class: 'field' }, h('label', { for: 'customer-id' }, 'Customer id'), input),
    h('button', { type: 'submit' }, 'Look up'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#customers/${encodeURIComponent(input.value.trim())}`;
  });
  const found = h('section', { 'aria-live': 'polite', 'aria-label': 'Customer' });
  main.append(h('h2', {}, 'Customers'), form, found);
  if (customerId) lookUp(customerId, found);
  else input.focus();
  return () => {};
}

async function lookUp(customerId, found) {
  found.replaceChildren(h('p', {}, `Looking up ${customerId}…`));
  const [whereabouts, letters] = await Promise.all([
    getJson(`/api/v1/customers/${encodeURIComponent(customerId)}`, { answered: [404] }).catch(error => ({ error })),
    getJson('/api/v1/dead-letters' + query({ customerId, size: 100 })).catch(error => ({ error })),
  ]);
  const vendors = whereabouts.vendors || [];
  found.replaceChildren(h('h3', { id: 'customer-title' }, `Customer ${customerId}`),
    whereabouts.error ? h('p', { class: 'error' }, whereabouts.error.message)
      : vendors.length ? table('At the vendors', ['Vendor', 'Outcome', 'Vendor\'s id', 'Attempts', 'Way in', 'When'],
        vendors.map(at => row(at.vendor, badge(at.status), at.vendorCustomerId || '', count(at.attempts), at.wayIn, when(at.recordedAt))))
        : h('p', { class: 'note' }, `No vendor holds ${customerId}, as far as this gateway knows.`),
    letters.error ? h('p', { class: 'error' }, `Its dead letters could not be loaded: ${letters.error.message}`)
      : table('Its dead letters', ['When', 'Vendor', 'Way in', 'Cause', 'Attempts', 'State'],
        letters.items.map(letter => row(h('a', { href: `#dead-letters/${encodeURIComponent(letter.id)}` }, when(letter.createdAt)),
          letter.vendor, letter.wayIn, h('span', { class: 'cause' }, letter.error), count(letter.attempts), badge(letter.state)))));
}
