// The reader's unread chat messages in the header, kept live. Loaded by account.js for logged-in readers only.
// The socket's inbox answers with the reader's total and then sends the new total whenever a count moved (messages
// appearing or leaving, the reader reading, following or unfollowing a room), at most every half second. The
// reader's chats page asks for each room too and listens to the 'dateline:inbox' and 'dateline:unread' events.
import { join, resubscribe } from './chat.js';

export function start(badge) {
  // beyond 99 the server sends a new total only when it falls to 99 or below again (ReaderInboxes.SHOWN_MAX)
  const show = (total) => {
    const n = Math.max(0, Number(total) || 0);
    badge.textContent = n > 99 ? '99+' : String(n);
    badge.hidden = n === 0;
  };
  const tell = (name, detail) => document.dispatchEvent(new CustomEvent(name, { detail }));

  // the reader's chats page shows each room's count and last message; elsewhere the total is all there is to show
  const details = document.getElementById('chat-rooms') !== null;
  const counts = new Map(); // room id -> unread messages, on the chats page
  join('inbox', () => ({ type: 'inbox', details }), (e) => {
    if (e.type !== 'inbox' && e.type !== 'unread') return;
    show(e.total);
    if (!details) return;
    if (e.type === 'inbox') {
      counts.clear();
      for (const r of e.rooms || []) counts.set(String(r.room), Number(r.unread) || 0);
      tell('dateline:inbox', e);
      return;
    }
    for (const r of e.rooms || []) { // every room whose count moved since the server's last word
      if (r.followed === false) counts.delete(String(r.room));
      else counts.set(String(r.room), Number(r.unread) || 0);
      tell('dateline:unread', Object.assign({ type: 'unread' }, r));
    }
  });

  // back to a tab that slept: counts afresh
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') resubscribe('inbox');
  });
}
