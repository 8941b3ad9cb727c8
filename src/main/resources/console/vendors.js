// Vendors: per vendor its circuit, its health check, its totals and its last hour as small charts, from
// GET /api/v1/vendors (samples the gateway keeps every gateway.console.sample-seconds).
import uPlot from './uplot.js';
import { getJson } from './api.js';
import { h, badge, count } from './dom.js';

const STATUSES = ['CREATED', 'ALREADY_EXISTS', 'REJECTED', 'INVALID', 'FAILED'];
const NAMES = { simplepin: 'SimplePin', syntch: 'Syntch' };
const COLOURS = { CREATED: '#1b7f3b', ALREADY_EXISTS: '#5b8def', REJECTED: '#b8860b', INVALID: '#8a5cc2', FAILED: '#c62828' };

export function vendorsView(main) {
  const note = h('p', { class: 'note', role: 'status' }, 'Loading…');
  const readiness = h('p', { class: 'readiness-checks' });
  const grid = h('div', { class: 'vendors' });
  main.append(h('h2', {}, 'Vendors'), note, readiness, grid);
  const cards = new Map();
  let timer;
  let stopped = false;

  async function refresh() {
    try {
      const answer = await getJson('/api/v1/vendors');
      // the header shows the same readiness: it need not ask for it again
      window.dispatchEvent(new CustomEvent('gateway-readiness', { detail: answer.readiness }));
      note.textContent = `A sample every ${answer.sampleSeconds} s, the last hour kept by this instance. Rates are per minute.`;
      // what /observe/health/ready says: whether this instance takes work, and why not (a vendor never makes it DOWN)
      readiness.replaceChildren('This instance: ', badge(answer.readiness.state, answer.readiness.state === 'UP' ? 'ready' : 'not ready'),
        ...answer.readiness.checks.map(check => h('span', { class: 'check' }, ' ', check.id, ' ', badge(check.state),
          check.message ? ` ${check.message}` : '')));
      for (const vendor of answer.vendors) {
        if (!cards.has(vendor.vendor)) cards.set(vendor.vendor, card(grid, vendor.vendor));
        cards.get(vendor.vendor).update(vendor, answer.sampleSeconds);
      }
    } catch (error) {
      note.textContent = `The vendors could not be loaded: ${error.message}`;
    }
    if (!stopped) timer = setTimeout(refresh, 5000);
  }
  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
    for (const each of cards.values()) each.destroy();
  };
}

function card(grid, name) {
  const circuit = h('span');
  const health = h('p', { class: 'health' });
  const lane = h('p', { class: 'lane' });
  const totals = h('div', { class: 'totals' });
  const charts = h('div', { class: 'charts' });
  const element = h('section', { class: 'card vendor', 'aria-labelledby': `vendor-${name}` },
    h('h3', { id: `vendor-${name}` }, NAMES[name] || name, ' ', circuit), health, lane, totals, charts);
  grid.append(element);
  const plots = [
    chart(charts, 'Customers per minute, by outcome', STATUSES.map(status => ({ label: status, stroke: COLOURS[status] }))),
    chart(charts, 'Attempts and retries per minute', [{ label: 'attempts', stroke: '#37474f' }, { label: 'retries', stroke: '#ef6c00' }]),
    chart(charts, 'Time to create, ms (retries included)', [{ label: 'p50', stroke: '#1565c0' }, { label: 'p99', stroke: '#ad1457' }]),
  ];
  const resize = new ResizeObserver(() => plots.forEach(plot => plot.fit()));
  resize.observe(charts);
  return {
    update(vendor, sampleSeconds) {
      circuit.replaceChildren(badge(vendor.circuit, `circuit ${vendor.circuit.toLowerCase().replace('_', ' ')}`));
      health.replaceChildren('Health: ', vendor.health ? badge(vendor.health.state) : 'unknown',
        vendor.health && vendor.health.message ? ` ${vendor.health.message}` : '');
      // its pace: the calls a second its lane allows now (none while it is not paced), the calls at once the
      // file drop and the queue may make (they open up while the vendor copes), who waits, its 429s
      const pace = vendor.lane;
      lane.replaceChildren('Pace: ', h('strong', { 'data-lane': 'rate' },
        pace.rate == null ? 'not paced' : `${pace.rate.toFixed(1)} calls/s`),
        pace.bulkCalls > 0 ? `, files and queue ${count(pace.bulkCalls)} calls at once` : '',
        `, ${count(pace.waiting)} waiting, ${count(pace.rateLimited)} answered 429, ${count(pace.refused)} HTTP callers turned away`);
      const customers = vendor.totals.customers;
      totals.replaceChildren(...[
        ['created', customers.CREATED], ['already there', customers.ALREADY_EXISTS], ['rejected', customers.REJECTED],
        ['invalid', customers.INVALID], ['failed', customers.FAILED], ['attempts', vendor.totals.attempts],
        ['retries', vendor.totals.retries],
      ].map(([label, value]) => h('p', { class: 'stat' }, h('strong', { 'data-total': label }, count(value || 0)), ' ', label)));
      const perMinute = 60 / sampleSeconds;
      const times = vendor.samples.map(sample => Date.parse(sample.at) / 1000);
      plots[0].set([times, ...STATUSES.map(status => vendor.samples.map(s => (s.customers[status] || 0) * perMinute))]);
      plots[1].set([times, vendor.samples.map(s => s.attempts * perMinute), vendor.samples.map(s => s.retries * perMinute)]);
      plots[2].set([times, vendor.samples.map(s => s.p50Millis), vendor.samples.map(s => s.p99Millis)]);
    },
    destroy() {
      resize.disconnect();
      plots.forEach(plot => plot.destroy());
    },
  };
}

/** A small uPlot line chart under a caption, sized to its box. */
function chart(parent, caption, series) {
  const box = h('figure', { class: 'chart' }, h('figcaption', {}, caption));
  parent.append(box);
  const empty = [[], ...series.map(() => [])];
  const plot = new uPlot({
    width: width(box),
    height: 140,
    legend: { show: true, live: false },
    scales: { x: { time: true } },
    axes: [{}, { size: 50 }],
    series: [{}, ...series.map(each => ({ ...each, width: 1.5, spanGaps: true }))],
  }, empty, box);
  return {
    set(data) {
      plot.setData(data);
    },
    fit() {
      plot.setSize({ width: width(box), height: 140 });
    },
    destroy() {
      plot.destroy();
    },
  };
}

function width(box) {
  return Math.max(240, (box.clientWidth || box.parentElement.clientWidth || 320) - 8);
}
