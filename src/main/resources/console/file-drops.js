// File drops: the files being read (progress, rate, time left), the last finished with their counts by
// status and their report, the last that failed and why; from GET /api/v1/filedrop/status.
import { getJson, request } from './api.js';
import { h, table, row, when, count } from './dom.js';

export function fileDropsView(main) {
  const note = h('p', { class: 'note', role: 'status' }, 'Loading…');
  const active = h('section', {});
  const finished = h('section', {});
  const failed = h('section', {});
  const report = h('section', { class: 'report', 'aria-live': 'polite', 'aria-label': 'Report' });
  main.append(h('h2', {}, 'File drops'), note, active, finished, failed, report);
  let timer;
  let stopped = false;

  async function refresh() {
    try {
      const status = await getJson('/api/v1/filedrop/status');
      note.textContent = 'Files dropped into this instance\'s inbox/simplepin, inbox/syntch and inbox/both. Refreshed every 2 s.';
      active.replaceChildren(h('h3', {}, `Being read (${status.active.length})`),
        table('Files being read', ['File', 'Target', 'Progress', 'Records', 'Not created', 'Rate', 'Time left'],
          status.active.map(file => row(file.file, file.target,
            h('div', { class: 'progress' }, h('progress', { max: 100, value: file.percent.toFixed(1),
              'aria-label': `${file.file}: ${file.percent.toFixed(0)} % read` }), ` ${file.percent.toFixed(0)} %`),
            count(file.records), count(file.failed), `${count(Math.round(file.recordsPerSecond))}/s`,
            file.secondsLeft === null ? 'unknown' : duration(file.secondsLeft)))));
      finished.replaceChildren(h('h3', {}, 'Finished'),
        table('Files finished, the last first', ['File', 'Target', 'Records', 'By status', 'Took', 'Report'],
          status.finished.map(file => h('tr', { 'data-file': file.file }, [file.file, file.target, count(file.records),
            statuses(file.statuses), duration(Math.round((Date.parse(file.finishedAt) - Date.parse(file.startedAt)) / 1000)),
            h('button', { type: 'button', onclick: () => showReport(file.file) }, 'Report')].map(cell => h('td', {}, cell))))));
      failed.replaceChildren(h('h3', {}, 'Failed'),
        table('Files that could not be read (moved to failed/)', ['File', 'Why', 'When'],
          status.failed.map(file => row(file.file, file.reason, when(file.failedAt)))));
    } catch (error) {
      note.textContent = `The file drop could not be loaded: ${error.message}`;
    }
    if (!stopped) timer = setTimeout(refresh, 2000);
  }

  async function showReport(file) {
    report.replaceChildren(h('p', {}, `Loading the report of ${file}…`));
    try {
      const response = await request(`/api/v1/filedrop/reports/${encodeURIComponent(file)}`, { accept: 'text/csv' });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const blob = await response.blob();
      const text = await blob.text();
      const lines = text.split('\n');
      const shown = lines.slice(0, 201).join('\n');
      report.replaceChildren(h('h3', { id: 'report-title', tabindex: '-1' }, `Report of ${file}`),
        h('p', {}, h('a', { href: URL.createObjectURL(blob), download: `${file}.report.csv` }, `Save ${file}.report.csv`),
          lines.length > 201 ? ` (the first 200 of ${count(lines.length - 2)} lines shown)` : ''),
        h('pre', { class: 'body' }, shown));
      document.getElementById('report-title').focus();
    } catch (error) {
      report.replaceChildren(h('p', { class: 'error' }, `The report of ${file} could not be loaded: ${error.message}`));
    }
  }

  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function statuses(counts) {
  const entries = Object.entries(counts || {});
  return entries.length ? entries.map(([status, n]) => `${status} ${count(n)}`).join(', ') : '';
}

function duration(seconds) {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
