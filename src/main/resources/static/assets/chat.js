// Chat under an article: the server-rendered conversation is complete on its own; this adds
// posting, replies, reactions, edits, live updates over a WebSocket, "load older" and #m{id}
// highlighting. A message is posted over the page's socket when it is open (over HTTP otherwise); either way it is
// acknowledged only once stored.
//
// It also holds the page's one WebSocket, which every live chat part shares (this conversation, and the logged-in
// reader's unread counts: chat-unread.js imports join and resubscribe from here). It lives in this file so that an
// anonymous reader's article page loads no more scripts than before. The socket reconnects with backoff, and on
// every (re)connection asks each part for its subscription again, which names what the part has seen, so nothing
// is missed while it was down.

const parts = new Map(); // name -> { request: () => object | null, onFrame: (frame) => void }
const pending = new Map(); // ref -> { resolve, reject, timer }: actions sent over the socket, waiting for their answer
let socket = null;
let retry = 1000;
let refs = 0;

/** Adds a part: request() builds its subscription (null: nothing to ask yet); onFrame gets every frame. */
export function join(name, request, onFrame) {
  parts.set(name, { request, onFrame });
  if (!socket) connect();
  else resubscribe(name);
}

/** Sends the part's subscription again now (say, once it knows its room). */
export function resubscribe(name) {
  const part = parts.get(name);
  const request = part && part.request();
  if (request && socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(request));
}

/**
 * Sends an action over the socket and waits for its answer (the frame naming its ref); null when the socket is not
 * open, so the caller uses HTTP instead.
 */
export function ask(action) {
  if (!socket || socket.readyState !== WebSocket.OPEN) return null;
  const ref = String(++refs);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => settle(ref, null, new Error('timeout')), 15000);
    pending.set(ref, { resolve, reject, timer });
    socket.send(JSON.stringify(Object.assign({}, action, { ref })));
  });
}

function settle(ref, frame, failure) {
  const waiting = pending.get(ref);
  if (!waiting) return;
  pending.delete(ref);
  clearTimeout(waiting.timer);
  if (failure) waiting.reject(failure);
  else waiting.resolve(frame);
}

function connect() {
  socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/chats');
  socket.addEventListener('open', () => {
    retry = 1000;
    for (const name of parts.keys()) resubscribe(name);
  });
  socket.addEventListener('message', (event) => {
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch {
      return;
    }
    if (frame.ref != null && (frame.type === 'posted' || frame.type === 'refused')) return settle(String(frame.ref), frame);
    for (const part of parts.values()) part.onFrame(frame);
  });
  socket.addEventListener('close', () => {
    for (const ref of [...pending.keys()]) settle(ref, null, new Error('closed'));
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 30000);
  });
}

/**
 * Writes a moment as the server writes the times of this edition's pages (TimeFormat): the element's
 * data-time-pattern (a Java date pattern: d, dd, M, MM, MMM, MMMM, yy, yyyy, H, HH, m, mm, s, ss, 'quoted text') in
 * its data-time-locale and data-time-zone. Without a pattern, the browser's own way.
 */
export function timeFormat(element) {
  const { timeLocale, timeZone, timePattern } = element.dataset;
  if (!timePattern) return (iso) => (iso ? new Date(iso).toLocaleString(document.documentElement.lang) : '');
  const intl = (options) => new Intl.DateTimeFormat(timeLocale,
    Object.assign({ timeZone, numberingSystem: 'latn' }, options));
  const numbers = intl({ year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    second: 'numeric', hourCycle: 'h23' });
  // month names as they stand next to a day (Russian "декабря", not "декабрь"), as Java writes them
  const names = { MMM: intl({ day: 'numeric', month: 'short' }), MMMM: intl({ day: 'numeric', month: 'long' }) };
  const tokens = timePattern.match(/'[^']*'|([A-Za-z])\1*|[^'A-Za-z]+/g) || [];
  return (iso) => {
    const date = new Date(iso);
    if (!iso || Number.isNaN(date.getTime())) return '';
    const part = (format, type) => (format.formatToParts(date).find((p) => p.type === type) || {}).value || '';
    const n = (type) => Number(part(numbers, type)) % (type === 'hour' ? 24 : Infinity);
    const two = (value) => String(value % 100).padStart(2, '0');
    return tokens.map((token) => {
      if (token[0] === "'") return token.length === 2 ? "'" : token.slice(1, -1);
      switch (token) {
        case 'd': return String(n('day'));
        case 'dd': return two(n('day'));
        case 'M': return String(n('month'));
        case 'MM': return two(n('month'));
        case 'MMM': case 'MMMM': return part(names[token], 'month');
        case 'yy': return two(n('year'));
        case 'y': case 'yyyy': return String(n('year'));
        case 'H': return String(n('hour'));
        case 'HH': return two(n('hour'));
        case 'm': return String(n('minute'));
        case 'mm': return two(n('minute'));
        case 's': return String(n('second'));
        case 'ss': return two(n('second'));
        default: return token;
      }
    }).join('');
  };
}

const section = document.getElementById('chat');
if (section) start(section);

const REACTIONS = { like: '\u{1F44D}', love: '\u2764\uFE0F', laugh: '\u{1F602}', wow: '\u{1F62E}', sad: '\u{1F622}', angry: '\u{1F621}' };

function start(section) {
  const list = document.getElementById('chat-messages');
  const form = document.getElementById('chat-form');
  const text = document.getElementById('chat-text');
  const errorBox = document.getElementById('chat-error');
  const replying = document.getElementById('chat-replying');
  const olderButton = document.getElementById('chat-older');
  const banBox = document.getElementById('chat-ban') || errorBox; // (a page rendered before it had its own box)
  const t = section.dataset;
  const formatTime = timeFormat(section);
  const articleId = t.article;
  let open = t.open === 'true';
  let roomId = t.room || null;
  let older = t.older || null;
  // the newest change of the room this page has applied (the page says where it was rendered); null on pages
  // cached before changes were numbered, which catch up by message id instead
  let since = t.seq !== undefined && t.seq !== '' ? Number(t.seq) : null;
  let me = { loggedIn: false };
  let replyTo = null;
  let lastRead = 0;
  let ban = null; // { bannedUntil, everyRoom } while a ban keeps this reader out of the room
  let banTimer = null;
  const mine = new Map(); // message id -> the reaction this reader put on it, in this tab

  const ids = () => Array.from(list.children).map((li) => Number(li.dataset.id)).filter((n) => n > 0);
  const newest = () => Math.max(0, ...ids());

  // ---- rendering ----

  function reactionList(ul, counts) {
    ul.replaceChildren();
    for (const [code, count] of Object.entries(counts || {})) {
      if (!REACTIONS[code] || !(count > 0)) continue;
      const li = document.createElement('li');
      li.dataset.reaction = code;
      const n = document.createElement('span');
      n.className = 'chat-count';
      n.textContent = String(count);
      li.append(REACTIONS[code] + ' ', n);
      ul.append(li);
    }
  }

  function render(m) {
    const li = document.createElement('li');
    li.className = 'chat-message';
    li.id = 'm' + m.id;
    li.dataset.id = String(m.id);
    li.dataset.author = String(m.authorId);
    li.dataset.version = m.editedAt || m.createdAt || '';
    if (m.replyTo) li.dataset.replyTo = String(m.replyTo);
    const meta = document.createElement('p');
    meta.className = 'chat-meta';
    const author = document.createElement('span');
    author.className = 'chat-author';
    author.textContent = m.authorName || '';
    const link = document.createElement('a');
    link.className = 'chat-time';
    link.href = '/' + t.edition + '/chat/m/' + m.id;
    const time = document.createElement('time');
    time.dateTime = m.createdAt || '';
    time.textContent = formatTime(m.createdAt);
    link.append(time);
    meta.append(author, ' ', link);
    if (m.editedAt) {
      const edited = document.createElement('span');
      edited.className = 'chat-edited';
      edited.textContent = t.tEdited;
      meta.append(' ', edited);
    }
    li.append(meta);
    const quoted = quote(m);
    if (quoted) li.append(quoted);
    const body = document.createElement('div');
    body.className = 'chat-body';
    body.innerHTML = m.html; // markup made safe by the server (everything escaped; links, emphasis only)
    const reactions = document.createElement('ul');
    reactions.className = 'chat-reactions';
    reactionList(reactions, m.reactions);
    li.append(body, reactions);
    decorate(li);
    return li;
  }

  // What a reply answers, as the server writes it: its author and beginning (Quote), or that it was deleted; nothing
  // for a message a moderator removed.
  function quote(m) {
    const q = m.quote;
    if (!m.replyTo || !q) return null;
    const p = document.createElement('p');
    p.className = 'chat-reply-to';
    if (q.deleted) {
      p.textContent = t.tInReplyDeleted;
      return p;
    }
    const link = document.createElement('a');
    link.href = '#m' + m.replyTo;
    const author = document.createElement('span');
    author.className = 'chat-quote-author';
    author.textContent = q.authorName || '';
    link.append(t.tInReply + ' ', author);
    const text = document.createElement('q');
    text.className = 'chat-quote-text';
    text.textContent = q.text || '';
    p.append(link, ': ', text);
    return p;
  }

  // The beginning of a text as a quote shows it (MessageText.start, Quote.START characters).
  function beginning(text) {
    const chars = Array.from((text || '').replace(/\n/g, ' '));
    return chars.length <= 100 ? chars.join('') : chars.slice(0, 99).join('').trimEnd() + '\u2026';
  }

  // The replies on the page quote the answered message as it is now (edited), or no longer (gone).
  function requote(id, m) {
    for (const li of list.querySelectorAll('li[data-reply-to="' + Number(id) + '"]')) {
      const text = li.querySelector('.chat-quote-text');
      if (m && text) text.textContent = beginning(m.text);
      else if (!m) li.querySelector('.chat-reply-to')?.remove();
    }
  }

  // Adds the buttons a logged-in reader can use on a message; while banned, each is there but disabled.
  function decorate(li) {
    if (!me.loggedIn || li.querySelector('.chat-actions')) return;
    const bar = document.createElement('p');
    bar.className = 'chat-actions';
    const button = (label, action) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', action);
      if (ban) {
        b.disabled = true;
        b.setAttribute('aria-disabled', 'true');
      }
      bar.append(b, ' ');
      return b;
    };
    if (open) {
      for (const [code, glyph] of Object.entries(REACTIONS)) {
        const b = button(glyph, () => react(li, code));
        b.className = 'chat-react';
        b.dataset.reaction = code;
      }
      button(t.tReply, () => startReply(li));
    }
    const own = String(me.accountId) === li.dataset.author;
    if (own) button(t.tEdit, () => startEdit(li));
    if (own || me.moderator) button(t.tDelete, () => remove(li));
    if (!own) button(t.tReport, () => startReport(li)).className = 'chat-report';
    li.append(bar);
  }

  // The submit button of a small inline form and its cancel button, which takes the form away.
  function formButtons(box, submitLabel) {
    const submit = document.createElement('button');
    submit.type = 'submit';
    submit.textContent = submitLabel;
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = t.tCancel;
    cancel.addEventListener('click', () => box.remove());
    return [submit, cancel];
  }

  // A report goes to the moderators with its reason; the reader is told it arrived and nothing else changes.
  function startReport(li) {
    if (li.querySelector('.chat-report-form')) return;
    const box = document.createElement('form');
    box.className = 'chat-report-form';
    const reason = document.createElement('select');
    reason.name = 'reason';
    reason.setAttribute('aria-label', t.tReportWhy);
    for (const [value, label] of [['Spam', t.tReportSpam], ['Abuse or harassment', t.tReportAbuse],
      ['Off topic', t.tReportOfftopic], ['Other', t.tReportOther]]) {
      reason.append(new Option(label, value));
    }
    const details = document.createElement('input');
    details.name = 'details';
    details.maxLength = 300;
    details.setAttribute('aria-label', t.tReportDetails);
    details.placeholder = t.tReportDetails;
    const [send, cancel] = formButtons(box, t.tReport);
    box.append(reason, ' ', details, ' ', send, ' ', cancel);
    box.addEventListener('submit', async (event) => {
      event.preventDefault();
      const why = details.value.trim() ? reason.value + ': ' + details.value.trim() : reason.value;
      try {
        await api('POST', '/api/chats/messages/' + li.dataset.id + '/report', { reason: why });
        const done = document.createElement('p');
        done.className = 'chat-reported';
        done.setAttribute('role', 'status');
        done.textContent = t.tReported;
        box.replaceWith(done);
      } catch (e) {
        showError(e);
      }
    });
    li.querySelector('.chat-actions').after(box);
    reason.focus();
  }

  function place(m) {
    const existing = document.getElementById('m' + m.id);
    if (existing) {
      // the same message again (own post echoed by the socket, a catch-up overlap): only an edit redraws it
      if (existing.dataset.version !== (m.editedAt || m.createdAt)) existing.replaceWith(render(m));
      return;
    }
    const li = render(m);
    const after = ids().filter((id) => id > m.id);
    if (after.length === 0) list.append(li);
    else document.getElementById('m' + Math.min(...after)).before(li);
    const empty = document.getElementById('chat-empty');
    if (empty) empty.remove();
    if (location.hash === '#m' + m.id) mark(li); // a permalink's message that the (cached) page did not have yet
    markReadSoon();
  }

  // ---- HTTP ----

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (me.csrfHeader && method !== 'GET') headers[me.csrfHeader] = me.csrfToken;
    const response = await fetch(path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw Object.assign(new Error((data && data.detail) || t.tFailed), { data });
    return data;
  }

  function showError(e) {
    if (e.data && e.data.code === 'banned') return blocked(e.data);
    errorBox.textContent = e.message || t.tFailed;
    errorBox.hidden = false;
  }

  // A ban keeps this reader out of the room: the page says until when (in the edition's time) and every control that
  // would be refused is disabled, until the ban ends (checked again then) or is lifted (the socket says so).
  function blocked(notice) {
    ban = { bannedUntil: notice.bannedUntil || null, everyRoom: Boolean(notice.everyRoom) };
    errorBox.hidden = true;
    banBox.textContent = ban.bannedUntil ? t.tBannedUntil.replace('{0}', formatTime(ban.bannedUntil)) : t.tBanned;
    banBox.hidden = false;
    composer(false);
    cancelReply();
    for (const box of list.querySelectorAll('.chat-edit, .chat-report-form')) box.remove();
    redecorate();
    clearTimeout(banTimer);
    const left = ban.bannedUntil ? Date.parse(ban.bannedUntil) - Date.now() : NaN;
    if (left < 2147483647) banTimer = setTimeout(recheck, Math.max(0, left) + 1000);
  }

  function unblocked() {
    if (!ban) return;
    ban = null;
    clearTimeout(banTimer);
    banBox.hidden = true;
    banBox.textContent = '';
    composer(true);
    redecorate();
  }

  function composer(enabled) {
    for (const control of [text, form.querySelector('button[type=submit]')]) {
      control.disabled = !enabled;
      if (enabled) control.removeAttribute('aria-disabled');
      else control.setAttribute('aria-disabled', 'true');
    }
  }

  // Where this page stands: the server says whether a ban keeps the reader out of this room now.
  function meUrl() {
    return '/api/chats/me' + (roomId ? '?room=' + Number(roomId) : articleId ? '?article=' + Number(articleId) : '');
  }

  async function recheck() {
    const who = await api('GET', meUrl()).catch(() => null);
    if (!who || !who.loggedIn) return;
    if (who.ban) blocked(who.ban);
    else unblocked();
  }

  async function send(event) {
    event.preventDefault();
    errorBox.hidden = true;
    const path = roomId ? '/api/chats/rooms/' + roomId + '/messages' : '/api/chats/articles/' + articleId + '/messages';
    try {
      const m = await postMessage(path, { body: text.value, replyTo });
      if (!roomId) {
        roomId = String(m.roomId);
        resubscribe('conversation');
      }
      if (m.state === 'HELD') {
        errorBox.textContent = t.tHeld; // stored, and waiting for a moderator
        errorBox.hidden = false;
      } else {
        place(m);
      }
      text.value = '';
      cancelReply();
    } catch (e) {
      showError(e);
    }
  }

  // Over the socket when it is open (no request, no session load per message); over HTTP otherwise.
  async function postMessage(path, message) {
    const asked = ask(Object.assign({ type: 'post' }, roomId ? { room: Number(roomId) } : { article: Number(articleId) },
      { body: message.body, replyTo: message.replyTo ? Number(message.replyTo) : null }));
    if (!asked) return api('POST', path, message);
    const answer = await asked.catch(() => null);
    if (!answer) throw new Error(t.tFailed);
    if (answer.type === 'refused') throw Object.assign(new Error(answer.detail || t.tFailed), { data: answer });
    return answer.message;
  }

  async function react(li, code) {
    const id = li.dataset.id;
    try {
      const result = mine.get(id) === code
        ? await api('DELETE', '/api/chats/messages/' + id + '/reaction')
        : await api('PUT', '/api/chats/messages/' + id + '/reaction', { emoji: code });
      if (mine.get(id) === code) mine.delete(id); else mine.set(id, code);
      reactionList(li.querySelector('.chat-reactions'), result.reactions);
    } catch (e) {
      showError(e);
    }
  }

  function startReply(li) {
    replyTo = Number(li.dataset.id);
    replying.textContent = t.tReplying + ' ';
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = t.tCancel;
    cancel.addEventListener('click', cancelReply);
    replying.append(cancel);
    replying.hidden = false;
    text.focus();
  }

  function cancelReply() {
    replyTo = null;
    replying.hidden = true;
    replying.replaceChildren();
  }

  function startEdit(li) {
    const body = li.querySelector('.chat-body');
    if (li.querySelector('.chat-edit')) return;
    const box = document.createElement('form');
    box.className = 'chat-edit';
    const area = document.createElement('textarea');
    area.value = body.textContent;
    area.setAttribute('aria-label', t.tEdit);
    const [save, cancel] = formButtons(box, t.tSave);
    box.append(area, save, cancel);
    box.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        place(await api('PATCH', '/api/chats/messages/' + li.dataset.id, { body: area.value }));
      } catch (e) {
        showError(e);
      }
    });
    body.after(box);
  }

  async function remove(li) {
    try {
      await api('DELETE', '/api/chats/messages/' + li.dataset.id);
      li.remove();
    } catch (e) {
      showError(e);
    }
  }

  let readTimer = null;
  // At most one mark per 1.5 s, however busy the room (a timer restarted by every message would never fire there);
  // the server then sends the header its new count (chat-unread.js).
  function markReadSoon() {
    if (!me.loggedIn || !roomId || readTimer) return;
    readTimer = setTimeout(() => {
      readTimer = null;
      const last = newest();
      if (last > lastRead && document.visibilityState === 'visible') {
        lastRead = last;
        api('POST', '/api/chats/rooms/' + roomId + '/read', { lastReadId: last }).catch(() => {});
      }
    }, 1500);
  }

  // ---- history and deep links ----

  async function loadOlder() {
    if (!older || !roomId) return false;
    const page = await api('GET', '/api/chats/rooms/' + roomId + '/messages?before=' + encodeURIComponent(older));
    for (const m of page.messages) place(m);
    older = page.next;
    if (olderButton) olderButton.hidden = !older;
    return true;
  }

  async function highlight() {
    const match = /^#m(\d+)$/.exec(location.hash);
    if (!match) return;
    let target = document.getElementById('m' + match[1]);
    for (let pages = 0; !target && pages < 20 && (await loadOlder().catch(() => false)); pages++) {
      target = document.getElementById('m' + match[1]);
    }
    if (target) mark(target);
  }

  function mark(target) {
    for (const old of list.querySelectorAll('.chat-target')) old.classList.remove('chat-target');
    target.classList.add('chat-target');
    target.scrollIntoView({ block: 'center' });
  }

  // ---- live ----

  // "since" (or, on old pages, "after") also completes a page that a cache served stale: every change newer than
  // what it shows arrives first, and so does everything missed while the socket was down.
  function subscription() {
    const request = roomId ? { type: 'subscribe', room: Number(roomId) } : { type: 'subscribe', article: Number(articleId) };
    if (since !== null) request.since = since;
    else request.after = newest();
    return request;
  }

  function setOpen(value) {
    open = Boolean(value);
    if (me.loggedIn) form.hidden = !open;
    redecorate();
  }

  function redecorate() {
    for (const bar of list.querySelectorAll('.chat-actions')) bar.remove();
    for (const li of list.children) decorate(li);
  }

  // Too much changed while away: start again from the newest page of history.
  async function reload() {
    const page = await api('GET', '/api/chats/rooms/' + roomId + '/messages');
    list.replaceChildren();
    for (const m of page.messages) place(m);
    older = page.next;
    if (olderButton) olderButton.hidden = !older;
  }

  function onFrame(e) {
    if (e.room && roomId && String(e.room) !== roomId) return;
    if (typeof e.seq === 'number') since = Math.max(since || 0, e.seq);
    if (e.type === 'subscribed' && e.room && !roomId) roomId = String(e.room);
    else if (e.type === 'message' && e.message) place(e.message);
    else if (e.type === 'edited' && e.message) {
      place(e.message);
      requote(e.message.id, e.message);
    } else if (e.type === 'changed' && e.message) {
      // a message the page had: redrawn as it is now (text, edit mark, reactions); one it never showed stays out
      const existing = document.getElementById('m' + Number(e.message.id));
      if (existing) existing.replaceWith(render(e.message));
      requote(e.message.id, e.message);
    } else if (e.type === 'room') setOpen(e.open);
    else if (e.type === 'synced') {
      setOpen(e.open);
      if (e.reset && roomId) reload().catch(() => {});
    } else if (e.type === 'deleted') {
      document.getElementById('m' + Number(e.id))?.remove();
      requote(e.id, null);
    }
    else if (e.type === 'reactions') {
      const ul = document.querySelector('#m' + Number(e.id) + ' .chat-reactions');
      if (ul) reactionList(ul, e.reactions);
    } else if (e.type === 'ban' && (e.room == null || String(e.room) === String(roomId))) {
      // a moderator's ban (or its end) reaches this reader's open page at once; another ban may still hold, so the
      // page asks where it stands now
      recheck();
    }
  }

  // ---- start ----

  if (olderButton) {
    olderButton.hidden = false;
    olderButton.addEventListener('click', () => loadOlder().catch(showError));
  }
  form.addEventListener('submit', send);
  window.addEventListener('hashchange', highlight);
  api('GET', meUrl()).then((who) => {
    me = who || { loggedIn: false };
    if (me.loggedIn) {
      // the in-page form takes the invitation's place (the link to the form page is only for pages without scripts)
      document.getElementById('chat-invite').hidden = true;
      if (me.ban) blocked(me.ban); // before anything is offered
      form.hidden = !open;
      redecorate();
      markReadSoon();
    }
    if (me.moderator && roomId) {
      // the room's settings in the moderation pages, for moderators only
      const link = document.createElement('a');
      link.id = 'chat-moderate';
      link.href = '/newsroom/moderation/rooms/' + roomId + '?lang=' + document.documentElement.lang;
      link.textContent = t.tModerate;
      section.querySelector('h2').after(link);
    }
  }).catch(() => {});
  join('conversation', subscription, onFrame);
  highlight();
}
