// Dead letters: the waiting letters grouped by vendor and cause, replayed or discarded a group at a
// time; the letters themselves with filters, each one's detail, replay and discard, and all the letters
// a filter shows at once (an outage); a result per letter. Loaded again after each action and on Show,
// never under the operator's hands.
import { getJson, query } from './api.js';
import { h, table, row, when, count, badge, confirmButton } from './dom.js';

const PAGE_SIZE = 50;

export function deadLettersView(main, letterId) {
  const filter = { vendor: '', wayIn: '', state: 'WAITING', customerId: '', error: '', since: '', until: '' };
  let page = 0;
  const result = h('section', { class: 'result', role: 'status', 'aria-live': 'polite', 'aria-label': 'Result' });
  const groups = h('section', { 'aria-labelledby': 'groups-title' });
  const letters = h('section', { 'aria-labelledby': 'letters-title' });
  const detail = h('section', { class: 'detail', 'aria-label': 'Dead letter' });
  main.append(h('h2', {}, 'Dead letters'), filters(), result, groups, letters, detail);
  refresh();
  if (letterId) showLetter(letterId);
  return () => {};

  function filters() {
    const field = (label, name, control) => {
      control.id = `filter-${name}`;
      control.name = name;
      control.value = filter[name];
      control.addEventListener('change', () => { filter[name] = control.value; });
      return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
    };
    const options = (values) => h('select', {}, values.map(([value, label]) => h('option', { value }, label)));
    const form = h('form', { class: 'filters', 'aria-label': 'Filter the dead letters' },
      field('Vendor', 'vendor', options([['', 'any'], ['simplepin', 'SimplePin'], ['syntch', 'Syntch']])),
      field('Way in', 'wayIn', options([['', 'any'], ['http', 'HTTP'], ['filedrop', 'file drop'], ['esb', 'queue']])),
      field('State', 'state', options([['WAITING', 'waiting'], ['REPLAYED', 'replayed'], ['DISCARDED', 'discarded'], ['', 'any']])),
      field('Customer id', 'customerId', h('input', { type: 'search', autocomplete: 'off' })),
      field('Cause (exact text)', 'error', h('input', { type: 'search', autocomplete: 'off' })),
      field('From', 'since', h('input', { type: 'datetime-local' })),
      field('Until', 'until', h('input', { type: 'datetime-local' })),
      h('button', { type: 'submit' }, 'Show'));
    form.addEventListener('submit', event => {
      event.preventDefault();
      for (const control of form.querySelectorAll('input, select')) filter[control.name] = control.value;
      page = 0;
      refresh();
    });
    return form;
  }

  function parameters() {
    const iso = local => (local ? new Date(local).toISOString() : '');
    return { ...filter, since: iso(filter.since), until: iso(filter.until) };
  }

  async function refresh() {
    await Promise.all([loadGroups(), loadLetters()]);
  }

  async function loadGroups() {
    try {
      const { error, ...byGroup } = parameters();
      const answer = await getJson('/api/v1/dead-letter-groups' + query(byGroup));
      groups.replaceChildren(h('h3', { id: 'groups-title' }, 'By cause'),
        table('Letters grouped by vendor and error, the newest first',
          ['Vendor', 'Cause', 'Letters', 'Newest', 'Oldest', 'Actions'],
          answer.groups.map(group => row(group.vendor, h('span', { class: 'cause' }, group.error), count(group.letters),
            when(group.newestAt), when(group.oldestAt), h('div', { class: 'actions' },
              h('button', { type: 'button', onclick: () => replay({ vendor: group.vendor, error: group.error }) },
                `Replay ${group.letters}`),
              confirmButton(`Discard ${group.letters}`, () => discard({ vendor: group.vendor, error: group.error })),
              h('button', { type: 'button', class: 'plain', onclick: () => showGroup(group) }, 'Show letters'))))));
    } catch (error) {
      groups.replaceChildren(h('p', { class: 'error' }, `The groups could not be loaded: ${error.message}`));
    }
  }

  function showGroup(group) {
    filter.vendor = group.vendor;
    filter.error = group.error;
    document.getElementById('filter-vendor').value = group.vendor;
    document.getElementById('filter-error').value = group.error;
    page = 0;
    loadLetters().then(() => document.getElementById('letters-title').scrollIntoView());
  }

  async function loadLetters() {
    try {
      const answer = await getJson('/api/v1/dead-letters' + query({ ...parameters(), page, size: PAGE_SIZE }));
      const pages = Math.max(1, Math.ceil(answer.total / PAGE_SIZE));
      letters.replaceChildren(h('h3', { id: 'letters-title', tabindex: '-1' }, `Letters (${count(answer.total)})`),
        allShown(answer.total),
        table('Dead letters, the newest first', ['When', 'Vendor', 'Way in', 'Customer', 'Cause', 'Attempts', 'State', 'Actions'],
          answer.items.map(letter => h('tr', { 'data-letter': letter.id }, [
            when(letter.createdAt), letter.vendor, letter.wayIn,
            letter.customerId ? h('a', { href: `#customers/${encodeURIComponent(letter.customerId)}` }, letter.customerId) : '',
            h('span', { class: 'cause' }, letter.error), count(letter.attempts), badge(letter.state),
            h('div', { class: 'actions' },
              h('button', { type: 'button', class: 'plain', onclick: () => showLetter(letter.id) }, 'Details'),
              letter.state === 'WAITING' ? h('button', { type: 'button', onclick: () => replay({ ids: [letter.id] }) }, 'Replay') : '',
              letter.state === 'WAITING' ? confirmButton('Discard', () => discard({ ids: [letter.id] })) : ''),
          ].map(cell => h('td', {}, cell))))),
        h('nav', { class: 'pages', 'aria-label': 'Pages of letters' },
          h('button', { type: 'button', disabled: page === 0, onclick: () => { page--; loadLetters(); } }, 'Newer'),
          h('span', {}, `page ${page + 1} of ${pages}`),
          h('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => { page++; loadLetters(); } }, 'Older')));
    } catch (error) {
      letters.replaceChildren(h('p', { class: 'error' }, `The letters could not be loaded: ${error.message}`));
    }
  }

  /**
   * One action for every waiting letter the filter shows (an outage: its vendor and its time), whatever
   * their causes; offered once the filter narrows them down by something more than their state.
   */
  function allShown(total) {
    const { state, ...narrowing } = parameters();
    const selection = Object.fromEntries(Object.entries(narrowing).filter(([, value]) => value));
    if (state !== 'WAITING' || !total) return '';
    if (!Object.keys(selection).length) {
      return h('p', { class: 'note' }, 'Choose a vendor, a cause, a way in or a time to act on all the letters shown at once.');
    }
    const n = Math.min(total, 500);
    return h('div', { class: 'actions all-shown' },
      h('button', { type: 'button', onclick: () => replay(selection) }, `Replay all ${n} shown`),
      confirmButton(`Discard all ${n} shown`, () => discard(selection)));
  }

  async function showLetter(id) {
    try {
      const letter = await getJson(`/api/v1/dead-letters/${encodeURIComponent(id)}`);
      const fields = [
        ['Id', letter.id], ['State', badge(letter.state)], ['Vendor', letter.vendor], ['Way in', letter.wayIn],
        ['Customer', letter.customerId ? h('a', { href: `#customers/${encodeURIComponent(letter.customerId)}` },
          `${letter.customerId}: its other records`) : 'unknown'],
        ['Failed at', when(letter.createdAt)], ['Attempts', count(letter.attempts)],
        ['The vendor\'s last answer', h('span', { class: 'cause' }, letter.error)],
        ['Correlation id', letter.correlationId || ''], ['Schema', `${letter.sourceSchema} (${letter.contentType})`],
        ['Replayed at', when(letter.replayedAt)],
      ];
      detail.replaceChildren(h('h3', { id: 'letter-title', tabindex: '-1' }, `Dead letter ${letter.id}`),
        h('dl', { class: 'fields' }, fields.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
        h('h4', {}, 'Body, as it came in'), h('pre', { class: 'body' }, letter.body),
        letter.headers && Object.keys(letter.headers).length
          ? [h('h4', {}, 'Headers kept'), h('pre', {}, JSON.stringify(letter.headers, null, 2))] : '',
        letter.replayResult ? [h('h4', {}, 'Replay result'), h('pre', {}, pretty(letter.replayResult))] : '',
        letter.state === 'WAITING' ? h('div', { class: 'actions' },
          h('button', { type: 'button', onclick: () => replay({ ids: [letter.id] }).then(() => showLetter(letter.id)) }, 'Replay this letter'),
          confirmButton('Discard this letter', () => discard({ ids: [letter.id] }).then(() => showLetter(letter.id)))) : '');
      document.getElementById('letter-title').focus();
    } catch (error) {
      detail.replaceChildren(h('p', { class: 'error' }, `Dead letter ${id}: ${error.message}`));
    }
  }

  async function replay(selection) {
    await act('Replaying', '/api/v1/dead-letters/replay', selection);
  }

  async function discard(selection) {
    await act('Discarding', '/api/v1/dead-letters/discard', selection);
  }

  async function act(doing, path, selection) {
    result.replaceChildren(h('p', {}, `${doing}…`));
    try {
      const answer = await getJson(path, { method: 'POST', json: selection });
      const summary = Object.entries(answer.results).map(([what, n]) => `${n} ${what.toLowerCase().replaceAll('_', ' ')}`);
      result.replaceChildren(h('p', { class: 'summary' }, `${answer.letters} letter${answer.letters === 1 ? '' : 's'}: ${summary.join(', ') || 'none waiting'}`
        + (answer.left ? `; ${count(answer.left)} more waiting: press again for the next ${Math.min(answer.left, 500)}` : '')),
        table('A result per letter', ['Letter', 'Customer', 'Result', 'Detail'], answer.items.map(item => h('tr', { 'data-result': item.id },
          [h('button', { type: 'button', class: 'link', onclick: () => showLetter(item.id) }, item.id),
            item.dispatch ? item.dispatch.customerId : '', badge(item.result),
            item.detail || outcomes(item.dispatch)].map(cell => h('td', {}, cell))))));
    } catch (error) {
      result.replaceChildren(h('p', { class: 'error' }, `${doing} failed: ${error.message}`));
    }
    await refresh();
  }
}

function outcomes(dispatch) {
  if (!dispatch) return '';
  return dispatch.outcomes.map(o => `${o.vendor}: ${o.status}${o.vendorCustomerId ? ' as ' + o.vendorCustomerId : ''}`
    + ` in ${o.attempts} attempt${o.attempts === 1 ? '' : 's'}${o.error ? ' (' + o.error + ')' : ''}`).join('; ');
}

function pretty(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (notJson) {
    return text;
  }
}
