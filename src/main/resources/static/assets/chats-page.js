// The reader's chats page: the server-rendered list is complete without scripts; this keeps each room's unread
// count, last message and place (newest activity first) live, from the header's inbox (chat-unread.js); a room the
// reader starts following meanwhile (in another tab, by writing in it) is added from the page's row template. Times
// are written as the server wrote the page's (timeFormat).
import { timeFormat } from './chat.js';

const list = document.getElementById('chat-rooms');

if (list) {
  const formatTime = timeFormat(list);
  const row = (room) => list.querySelector('li[data-room="' + Number(room) + '"]');
  const setCount = (li, n) => {
    li.dataset.unread = String(n);
    li.querySelector('.unread-count').textContent = String(n);
  };

  // A row like the server's, for a room followed since the page was made.
  const added = (frame) => {
    const template = document.getElementById('chat-room-template');
    if (!template || !/^\/[^/]/.test(frame.url || '')) return null;
    const li = template.content.firstElementChild.cloneNode(true);
    li.dataset.room = String(Number(frame.room));
    const link = li.querySelector('h2 a');
    link.href = frame.url;
    link.textContent = frame.title;
    const time = li.querySelector('.chat-room-meta time');
    if (frame.at) {
      time.dateTime = frame.at;
      time.textContent = formatTime(frame.at);
    }
    li.querySelector('form').action = '/account/chats/' + Number(frame.room) + '/unfollow';
    document.getElementById('chat-rooms-empty')?.remove();
    list.prepend(li);
    return li;
  };

  document.addEventListener('dateline:inbox', (e) => {
    for (const r of e.detail.rooms || []) {
      const li = row(r.room);
      if (li) setCount(li, Number(r.unread) || 0);
    }
  });

  document.addEventListener('dateline:unread', (e) => {
    const frame = e.detail;
    const li = row(frame.room) || (frame.followed !== false && frame.title ? added(frame) : null);
    if (!li) return;
    if (frame.followed === false) {
      li.remove();
      return;
    }
    setCount(li, Number(frame.unread) || 0);
    if (!frame.last) return;
    let last = li.querySelector('.chat-room-last');
    if (!last) {
      last = document.createElement('p');
      last.className = 'chat-room-last';
      li.querySelector('.chat-room-meta').after(last);
    }
    const author = document.createElement('span');
    author.className = 'chat-author';
    author.textContent = frame.last.author || '';
    const text = document.createElement('span');
    text.className = 'chat-room-text';
    text.textContent = frame.last.text || '';
    last.replaceChildren(author, ': ', text);
    const time = li.querySelector('.chat-room-meta time');
    if (time && frame.last.at) {
      time.dateTime = frame.last.at;
      time.textContent = formatTime(frame.last.at);
    }
    list.prepend(li); // newest activity first
  });
}
