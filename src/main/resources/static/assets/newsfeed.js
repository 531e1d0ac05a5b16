// Live newsfeed: the server-rendered panel is complete on its own; this only adds
// pushed items (Server-Sent Events) and in-place "More" paging.

const CAP = 60;

const feed = document.getElementById('newsfeed');
const bar = document.getElementById('breaking-bar');
const list = feed && feed.querySelector('.newsfeed-list');

// The list holds the items under day headings (li.newsfeed-day), as the server renders it.
const isDay = (li) => li.classList.contains('newsfeed-day');
const itemRows = () => [...list.children].filter((li) => !isDay(li));
const lastItem = () => itemRows().pop() || null;

// Headings say "Today" and "Yesterday" by the edition's calendar and the reader's clock,
// so a page that waited in the cache past midnight still names its days right.
const zone = feed && feed.dataset.zone;
function dayIn(date) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}
function headingOf(day, label) {
  const today = dayIn(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const yesterday = new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
  if (day === today) return feed.dataset.tToday || label;
  if (day === yesterday) return feed.dataset.tYesterday || label;
  return label || day;
}
function dayRow(day, label) {
  const li = document.createElement('li');
  li.className = 'newsfeed-day';
  li.dataset.day = day;
  li.dataset.label = label || day;
  const h = document.createElement('h3');
  h.textContent = headingOf(day, label);
  li.append(h);
  return li;
}
function relabel() {
  for (const li of list.querySelectorAll('.newsfeed-day')) {
    const h = li.querySelector('h2, h3');
    if (h) h.textContent = headingOf(li.dataset.day, li.dataset.label);
  }
}
// A heading left with no item under it (after a trim or a withdrawal) goes too.
function dropEmptyDays() {
  for (const li of [...list.children]) {
    const next = li.nextElementSibling;
    if (isDay(li) && (!next || isDay(next))) li.remove();
  }
}
// The day an item belongs to: its heading is the nearest one above it.
function dayOfRow(li) {
  for (let el = li; el; el = el.previousElementSibling) if (isDay(el)) return el.dataset.day;
  return null;
}

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
    document.body.style.paddingBottom = '';
    return;
  }
  link.href = url;
  link.textContent = story.headline || '';
  bar.hidden = false;
  // Room at the end of the page, so the bar never covers the footer's last line.
  document.body.style.paddingBottom = bar.offsetHeight + 'px';
}

function start() {
  const counter = document.getElementById('newsfeed-count');
  const more = document.getElementById('newsfeed-more');
  const seen = new Set();
  for (const li of itemRows()) seen.add(idOf(li));
  relabel();
  // Never trim below what the reader already had or asked for with "More".
  let floor = itemRows().length;
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
    let rows = itemRows();
    while (rows.length > Math.max(CAP, floor)) {
      const last = rows.pop();
      seen.delete(idOf(last));
      last.remove();
      cut = true;
    }
    dropEmptyDays();
    if (cut && lastItem()) setBefore(lastItem().dataset.cursor);
  };

  // A new item goes first, under today's heading, or under a new heading when its day has none yet.
  const prepend = (li, item) => {
    relabel(); // a tab left open past midnight: today's heading becomes yesterday's first
    const first = list.firstElementChild;
    if (first && isDay(first) && first.dataset.day === item.day) first.after(li);
    else if (item.day) list.prepend(dayRow(item.day, item.dayLabel), li);
    else list.prepend(li);
  };

  // An older item goes last, under a heading of its day when the last item's day is another.
  const append = (li, item) => {
    const last = lastItem();
    if (item.day && (!last || dayOfRow(last) !== item.day)) list.append(dayRow(item.day, item.dayLabel));
    list.append(li);
  };

  const setBefore = (cursor) => {
    if (!more || !cursor) return;
    const u = new URL(more.href, location.href);
    u.searchParams.set('before', cursor);
    more.href = u.pathname + u.search;
  };

  if ('EventSource' in window && feed.dataset.stream) {
    let source = null;
    let opened = false;
    const open = () => {
      source = new EventSource(feed.dataset.stream);
      // A stream that opens again (after a dropped connection, or on return to a page from the back/forward cache)
      // has missed what happened meanwhile: pages that show more than the ticker (live coverage) catch up.
      source.addEventListener('open', () => {
        if (opened) document.dispatchEvent(new CustomEvent('newsfeed:reopened'));
        opened = true;
      });
      source.addEventListener('item', (e) => {
        let item;
        try { item = JSON.parse(e.data); } catch { return; }
        const li = accept(item);
        if (!li) return;
        li.classList.add('new');
        prepend(li, item);
        arrived += 1;
        if (counter) {
          counter.textContent = String(arrived);
          counter.classList.add('has-new');
        }
        trim();
      });
      // Entries of live stories are for the live story's page (live.js), which listens on the document.
      for (const kind of ['entry', 'entry-removed']) {
        source.addEventListener(kind, (e) => {
          let data;
          try { data = JSON.parse(e.data); } catch { return; }
          document.dispatchEvent(new CustomEvent('newsfeed:' + kind, { detail: data }));
        });
      }
      source.addEventListener('breaking', (e) => {
        try { showBreaking(JSON.parse(e.data)); } catch { /* a malformed event leaves the bar as it was */ }
      });
      // A withdrawn story leaves the list at once; the counter keeps what arrived.
      source.addEventListener('removed', (e) => {
        let item;
        try { item = JSON.parse(e.data); } catch { return; }
        for (const li of itemRows()) if (idOf(li) === String(item.id)) li.remove();
        dropEmptyDays();
      });
    };
    open();
    // An open stream keeps the page out of the back/forward cache; close it when
    // leaving and reopen on return. Items published meanwhile are not replayed to
    // the ticker (a new EventSource has no Last-Event-ID), which is fine for a
    // ticker; a live page catches up on 'newsfeed:reopened'.
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
    const last = lastItem();
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
        if (li) append(li, item);
      }
      floor = itemRows().length;
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

// Last, once every declaration above is initialised.
if (list) start();
