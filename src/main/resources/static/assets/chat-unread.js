// The reader's unread chat messages in the header, kept live. Loaded by account.js for logged-in readers only.
// The socket's inbox answers with the count of every followed room and then sends each room's new count when a
// message appears or leaves; reading a room, in this tab or another, lowers it at once. Pages that show the
// counts in more detail (the reader's chats page) listen to the 'dateline:inbox' and 'dateline:unread' events.
import { join, resubscribe } from './chat.js';

const counts = new Map(); // room id -> unread messages

export function start(badge) {
  const show = () => {
    let total = 0;
    for (const n of counts.values()) total += n;
    badge.textContent = String(total);
    badge.hidden = total === 0;
  };
  const tell = (name, detail) => document.dispatchEvent(new CustomEvent(name, { detail }));

  join('inbox', () => ({ type: 'inbox' }), (e) => {
    if (e.type === 'inbox') {
      counts.clear();
      for (const r of e.rooms || []) counts.set(String(r.room), Number(r.unread) || 0);
      show();
      tell('dateline:inbox', e);
    } else if (e.type === 'unread') {
      if (e.followed === false) counts.delete(String(e.room));
      else counts.set(String(e.room), Number(e.unread) || 0);
      show();
      tell('dateline:unread', e);
    }
  });

  // chat.js says when the reader has read a room; other tabs of this browser hear it too.
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel('dateline-chats') : null;
  const read = (detail) => {
    if (!counts.has(String(detail.room))) {
      resubscribe('inbox'); // reading a room follows it: ask for the counts again, that one included
      return;
    }
    counts.set(String(detail.room), Number(detail.unread) || 0);
    show();
    tell('dateline:unread', { type: 'unread', room: detail.room, unread: Number(detail.unread) || 0 });
  };
  window.addEventListener('dateline:chat-read', (e) => {
    read(e.detail);
    if (channel) channel.postMessage(e.detail);
  });
  if (channel) channel.addEventListener('message', (e) => read(e.data));
  // back to a tab that slept, perhaps while the reader read elsewhere: counts afresh
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') resubscribe('inbox');
  });
}
