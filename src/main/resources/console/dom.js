// Small helpers to build the page from data: every text goes in as text, never as HTML.

/** An element with attributes (on* are listeners) and children (nodes or text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A table that scrolls sideways on a narrow screen instead of widening the page. */
export function table(caption, headers, rows) {
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map(header => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headers.length, class: 'empty' }, 'None.')))));
}

export function row(...cells) {
  return h('tr', {}, cells.map(cell => h('td', {}, cell)));
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

export function count(value) {
  return value === null || value === undefined ? '' : Number(value).toLocaleString();
}

/** A badge for a state (CLOSED, OPEN, UP, DOWN, WAITING...), coloured by the stylesheet. */
export function badge(state, label = state) {
  return h('span', { class: 'badge', 'data-state': state }, label);
}

/**
 * A button that asks once more before it acts ("Discard 12" then "Confirm: discard 12"): no modal,
 * and a keyboard user confirms with the same key.
 */
export function confirmButton(label, action) {
  const button = h('button', { type: 'button', class: 'danger' }, label);
  let armed = false;
  button.addEventListener('click', () => {
    if (!armed) {
      armed = true;
      button.textContent = 'Confirm: ' + label.toLowerCase();
      setTimeout(() => { armed = false; button.textContent = label; }, 5000);
      return;
    }
    armed = false;
    button.textContent = label;
    action();
  });
  return button;
}
