// The gateway's API as the console calls it: every call is one the OpenAPI document lists. When the
// gateway wants an API key, the operator gives it once; it stays in this tab's session storage only.

const KEY = 'customer-gateway.api-key';

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

let asking = null;

/** Asks for a key (once, however many calls are waiting for it). */
function askForKey(message) {
  if (!asking) {
    asking = new Promise(resolve => {
      const dialog = document.getElementById('key-dialog');
      const form = document.getElementById('key-form');
      const input = document.getElementById('key-input');
      document.getElementById('key-error').textContent = message;
      dialog.addEventListener('cancel', event => event.preventDefault());
      form.onsubmit = event => {
        event.preventDefault();
        const key = input.value.trim();
        if (!key) return;
        sessionStorage.setItem(KEY, key);
        input.value = '';
        dialog.close();
        asking = null;
        resolve();
      };
      dialog.showModal();
      input.focus();
    });
  }
  return asking;
}

/** Calls the API with the key; a 401 asks for a (new) key and calls again. */
export async function request(path, { method = 'GET', json, accept = 'application/json' } = {}) {
  for (;;) {
    const headers = { Accept: accept };
    const key = sessionStorage.getItem(KEY);
    if (key) headers['X-Api-Key'] = key;
    let body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
    }
    const response = await fetch(path, { method, headers, body, cache: 'no-store' });
    if (response.status !== 401) return response;
    sessionStorage.removeItem(KEY);
    await askForKey(key ? 'That key was refused (401 Unauthorized). Give another.' : '');
  }
}

/**
 * The answer's JSON; an error status throws with the problem's detail, unless it is one of
 * {@code answered} (a replay's 502 is an answer: the result says what failed).
 */
export async function getJson(path, { answered = [], ...options } = {}) {
  const response = await request(path, options);
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (notJson) {
    throw new ApiError(response.status, `${response.status} ${response.statusText}`);
  }
  if (!response.ok && !answered.includes(response.status)) {
    throw new ApiError(response.status, (body && (body.detail || body.title)) || `${response.status} ${response.statusText}`);
  }
  return body;
}

/** The query string of the filled-in fields of a filter. */
export function query(fields) {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value !== '') parameters.set(name, value);
  }
  const text = parameters.toString();
  return text ? '?' + text : '';
}
