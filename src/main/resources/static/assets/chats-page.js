// The reader's chats page: the server-rendered list is complete without scripts; this keeps each room's unread
// count, last message and place (newest activity first) live, from the header's inbox (chat-unread.js).
const list = document.getElementById('chat-rooms');

if (list) {
  const row = (room) => list.querySelector('li[data-room="' + Number(room) + '"]');
  const setCount = (li, n) => {
    li.dataset.unread = String(n);
    li.querySelector('.unread-count').textContent = String(n);
  };

  document.addEventListener('dateline:inbox', (e) => {
    for (const r of e.detail.rooms || []) {
      const li = row(r.room);
      if (li) setCount(li, Number(r.unread) || 0);
    }
  });

  document.addEventListener('dateline:unread', (e) => {
    const frame = e.detail;
    const li = row(frame.room);
    if (!li) return; // a room followed since the page was made: it shows after a reload
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
      time.textContent = new Date(frame.last.at).toLocaleString(document.documentElement.lang);
    }
    list.prepend(li); // newest activity first
  });
}
