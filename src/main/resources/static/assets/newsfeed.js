// Live newsfeed: the server-rendered panel is complete on its own; this only adds
// pushed items (Server-Sent Events) and in-place "More" paging.

const CAP = 60;

const feed = document.getElementById('newsfeed');
const bar = document.getElementById('breaking-bar');
const list = feed && feed.querySelector('.newsfeed-list');
if (list) start();

// Server-rendered rows carry data-id; the cursor ("<millis>_<id>") is a fallback
// so an older template without data-id still de-duplicates correctly.
function idOf(li) {
  return li.dataset.id || (li.dataset.cursor || '').split('_').pop();
}

// Only same-origin paths become links: a bad payload must never yield a javascript: URL.
function safePath(url) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : null;
}

function row(item) {
  const li = document.createElement('li');
  li.dataset.id = String(item.id);
  if (item.cursor) li.dataset.cursor = item.cursor;
  const time = document.createElement('time');
  time.dateTime = item.published || '';
  time.textContent = item.time || '';
  const a = document.createElement('a');
  a.href = safePath(item.url);
  a.textContent = item.headline || '';
  li.append(time, ' ', a);
  // The lead picture's thumbnail, as the server renders it; only a path of this site's pictures is taken.
  const thumb = safePath(item.thumb);
  if (thumb && thumb.startsWith('/pictures/')) {
    const img = document.createElement('img');
    img.className = 'newsfeed-thumb';
    img.src = thumb;
    img.width = 160;
    img.height = 160;
    img.alt = '';
    img.loading = 'lazy';
    img.decoding = 'async';
    li.classList.add('with-thumb');
    li.append(img);
  }
  return li;
}

// The breaking bar: the stream's opening says whether there is one, and every change after that.
function showBreaking(story) {
  if (!bar) return;
  const link = bar.querySelector('a');
  const url = story && story.id != null ? safePath(story.url) : null;
  if (!url || !link) {
    bar.hidden = true;
    return;
  }
  link.href = url;
  link.textContent = story.headline || '';
  bar.hidden = false;
}

function start() {
  const counter = document.getElementById('newsfeed-count');
  const more = document.getElementById('newsfeed-more');
  const seen = new Set();
  for (const li of list.children) seen.add(idOf(li));
  // Never trim below what the reader already had or asked for with "More".
  let floor = list.children.length;
  let arrived = 0;

  // Guard shared by both paths: skips duplicates (SSE replays after reconnect,
  // overlap between a page of older items and a live one) and malformed items.
  const accept = (item) => {
    if (!item || item.id == null || !safePath(item.url)) return null;
    const id = String(item.id);
    if (seen.has(id)) return null;
    seen.add(id);
    return row(item);
  };

  // Bounds memory on a tab left open for days. Trimmed ids leave the Set so that
  // "More" can bring those rows back, and the link's href follows the new last row.
  const trim = () => {
    let cut = false;
    while (list.children.length > Math.max(CAP, floor)) {
      seen.delete(idOf(list.lastElementChild));
      list.lastElementChild.remove();
      cut = true;
    }
    if (cut) setBefore(list.lastElementChild.dataset.cursor);
  };

  const setBefore = (cursor) => {
    if (!more || !cursor) return;
    const u = new URL(more.href, location.href);
    u.searchParams.set('before', cursor);
    more.href = u.pathname + u.search;
  };

  if ('EventSource' in window && feed.dataset.stream) {
    let source = null;
    const open = () => {
      source = new EventSource(feed.dataset.stream);
      source.addEventListener('item', (e) => {
        let item;
        try { item = JSON.parse(e.data); } catch { return; }
        const li = accept(item);
        if (!li) return;
        li.classList.add('new');
        list.prepend(li);
        arrived += 1;
        if (counter) {
          counter.textContent = String(arrived);
          counter.classList.add('has-new');
        }
        trim();
      });
      source.addEventListener('breaking', (e) => {
        try { showBreaking(JSON.parse(e.data)); } catch { /* a malformed event leaves the bar as it was */ }
      });
      // A withdrawn story leaves the list at once; the counter keeps what arrived.
      source.addEventListener('removed', (e) => {
        let item;
        try { item = JSON.parse(e.data); } catch { return; }
        for (const li of [...list.children]) if (idOf(li) === String(item.id)) li.remove();
      });
    };
    open();
    // An open stream keeps the page out of the back/forward cache; close it when
    // leaving and reopen on return. Items published meanwhile are not replayed
    // (a new EventSource has no Last-Event-ID), which is fine for a ticker.
    addEventListener('pagehide', () => source && source.close());
    addEventListener('pageshow', (e) => { if (e.persisted) open(); });
  }

  if (!more || !feed.dataset.items) return;
  let busy = false;
  more.addEventListener('click', async (e) => {
    // Let modified clicks open the plain page in a new tab as usual.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    if (busy) return;
    const last = list.lastElementChild;
    const url = new URL(feed.dataset.items, location.href);
    if (last && last.dataset.cursor) url.searchParams.set('before', last.dataset.cursor);
    busy = true;
    list.setAttribute('aria-busy', 'true');
    try {
      const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      const page = await res.json();
      for (const item of page.items || []) {
        const li = accept(item);
        if (li) list.append(li);
      }
      floor = list.children.length;
      if (page.next == null) more.remove();
      else setBefore(page.next);
    } catch {
      // Fall back to what the link would have done without JavaScript.
      location.assign(more.href);
    } finally {
      busy = false;
      list.removeAttribute('aria-busy');
    }
  });
}
