// Suggestions under each search box (the header's and the results page's) as the reader types: stories whose
// headline matches, from GET /{edition}/search/suggest?q=. A combobox over a listbox (WAI-ARIA 1.2): the arrow keys
// move through the stories, Enter opens the one chosen, Escape closes the list. The list lies over the page, so
// nothing below it moves. Without JavaScript, or when the call fails, the box is the plain GET form it always is.

const DELAY_MS = 150;
const MIN_LETTERS = 2;

for (const input of document.querySelectorAll('input[data-suggest]')) enhance(input);

function enhance(input) {
  const list = document.createElement('ul');
  list.id = input.id + '-suggestions';
  list.className = 'suggestions';
  list.hidden = true;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', input.dataset.label || '');
  input.parentElement.append(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  let timer = 0;
  let pending = null;
  let shown = [];
  let active = -1;

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      choose(active < 0 ? (step > 0 ? 0 : shown.length - 1) : (active + step + shown.length) % shown.length);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      window.location.assign(shown[active].path);
    }
  });
  // A click on a suggestion is a link's click: let it land before the list goes.
  input.addEventListener('blur', () => setTimeout(close, 200));

  async function ask() {
    const text = input.value;
    if (text.trim().length < MIN_LETTERS) {
      close();
      return;
    }
    if (pending) pending.abort();
    pending = new AbortController();
    try {
      const response = await fetch(input.dataset.suggest + '?q=' + encodeURIComponent(text), {
        headers: { Accept: 'application/json' },
        signal: pending.signal,
      });
      if (!response.ok) {
        close();
        return;
      }
      const answer = await response.json();
      if (input.value === text && document.activeElement === input) show(answer.suggestions || []);
    } catch {
      // aborted by a newer keystroke, or offline: the form still works
    }
  }

  function show(suggestions) {
    shown = suggestions;
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.replaceChildren(...suggestions.map((suggestion, i) => {
      const item = document.createElement('li');
      item.id = list.id + '-' + i;
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', 'false');
      const link = document.createElement('a');
      link.href = suggestion.path;
      link.tabIndex = -1;
      link.textContent = suggestion.headline;
      item.append(link);
      return item;
    }));
    list.hidden = suggestions.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  }

  function choose(index) {
    active = index;
    for (const [i, item] of [...list.children].entries()) item.setAttribute('aria-selected', String(i === index));
    input.setAttribute('aria-activedescendant', list.id + '-' + index);
  }

  function close() {
    clearTimeout(timer);
    shown = [];
    active = -1;
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }
}
