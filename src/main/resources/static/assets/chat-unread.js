// The reader's unread chat messages in the header, kept live. Loaded by account.js for logged-in readers only.
// The socket's inbox answers with the count of every followed room and then sends the rooms whose count moved when
// messages appear or leave (at most every half second); reading a room, in this tab or another, lowers it at once. Pages that show the
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

  // the reader's chats page shows each room's last message too; elsewhere the counts are all there is to show
  const details = document.getElementById('chat-rooms') !== null;
  join('inbox', () => ({ type: 'inbox', details }), (e) => {
    if (e.type === 'inbox') {
      counts.clear();
      for (const r of e.rooms || []) counts.set(String(r.room), Number(r.unread) || 0);
      show();
      tell('dateline:inbox', e);
    } else if (e.type === 'unread') {
      // every room whose count moved since the server's last word (it says at most every half second)
      for (const r of e.rooms || []) {
        if (r.followed === false) counts.delete(String(r.room));
        else counts.set(String(r.room), Number(r.unread) || 0);
        tell('dateline:unread', Object.assign({ type: 'unread' }, r));
      }
      show();
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
