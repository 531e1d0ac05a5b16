// Live coverage: the server-rendered entries are complete on their own (and crawlable);
// this adds, corrects and removes entries as the newsfeed stream announces them.

const section = document.getElementById('live-entries');
const list = section && section.querySelector('.live-entry-list');
if (list) start();

// Only http(s) addresses become links: a bad payload must never yield a javascript: URL.
function webAddress(link) {
  if (typeof link !== 'string') return null;
  try {
    const u = new URL(link);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function entryElement(entry) {
  const li = document.createElement('li');
  li.className = 'live-entry';
  li.id = 'entry-' + entry.id;
  li.dataset.id = String(entry.id);
  const meta = document.createElement('p');
  meta.className = 'live-entry-meta';
  const permalink = document.createElement('a');
  permalink.className = 'live-entry-time';
  permalink.href = location.pathname + '#' + li.id;
  permalink.title = section.dataset.tPermalink || '';
  const time = document.createElement('time');
  time.dateTime = entry.posted || '';
  time.textContent = entry.time || '';
  permalink.append(time);
  meta.append(permalink);
  if (entry.updated) {
    const updated = document.createElement('span');
    updated.className = 'live-entry-updated';
    const at = document.createElement('time');
    at.dateTime = entry.updated;
    at.textContent = entry.updatedTime || '';
    updated.append((section.dataset.tUpdated || '') + ' ', at);
    meta.append(' ', updated);
  }
  const text = document.createElement('p');
  text.className = 'live-entry-text';
  text.textContent = entry.text || '';
  li.append(meta, text);
  const link = webAddress(entry.link);
  if (link) {
    const p = document.createElement('p');
    p.className = 'live-entry-link';
    const a = document.createElement('a');
    a.href = link;
    a.rel = 'nofollow noopener';
    a.textContent = entry.link;
    p.append(a);
    li.append(p);
  }
  return li;
}

function start() {
  const article = section.dataset.article;
  const empty = section.querySelector('.live-empty');

  document.addEventListener('newsfeed:entry', (e) => {
    const entry = e.detail;
    if (!entry || entry.id == null || String(entry.article) !== article) return;
    const li = entryElement(entry);
    const shown = document.getElementById(li.id);
    if (shown) {
      shown.replaceWith(li); // a correction: the entry keeps its place
      return;
    }
    li.classList.add('new');
    // Newest first: before the first entry posted earlier than this one (a replay may arrive late).
    const before = [...list.children].find((other) => {
      const t = other.querySelector('time');
      return t && t.dateTime < (entry.posted || '');
    });
    list.insertBefore(li, before || null);
    if (empty) empty.hidden = true;
  });

  // After a reconnect, the entries posted, corrected or deleted meanwhile come from the page itself: the cached
  // page is current (every entry evicts it), and one request is cheaper than replaying events.
  let catchingUp = false;
  document.addEventListener('newsfeed:reopened', async () => {
    if (catchingUp) return;
    catchingUp = true;
    try {
      const response = await fetch(location.pathname, { cache: 'no-cache', credentials: 'same-origin' });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.querySelector('#live-entries .live-entry-list');
      if (!fresh) return;
      const entries = [...fresh.children].map((li) => {
        const shown = document.getElementById(li.id);
        const adopted = document.importNode(li, true);
        if (!shown) adopted.classList.add('new');
        else if (shown.classList.contains('new')) adopted.classList.add('new');
        return adopted;
      });
      list.replaceChildren(...entries);
      if (empty) empty.hidden = entries.length > 0;
    } catch {
      // offline again: the next reconnect tries once more
    } finally {
      catchingUp = false;
    }
  });

  document.addEventListener('newsfeed:entry-removed', (e) => {
    const gone = e.detail && document.getElementById('entry-' + e.detail.id);
    if (gone && list.contains(gone)) gone.remove();
    if (empty) empty.hidden = list.children.length > 0;
  });
}
