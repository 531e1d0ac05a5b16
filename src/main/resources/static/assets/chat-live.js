// One WebSocket per page for every live chat part (the conversation under an article, the reader's unread
// counts). It reconnects with backoff, and on every (re)connection asks each part for its subscription again,
// which names what the part has seen, so nothing is missed while the socket was down.

const parts = new Map(); // name -> { request: () => object | null, onFrame: (frame) => void }
let socket = null;
let retry = 1000;

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
    for (const part of parts.values()) part.onFrame(frame);
  });
  socket.addEventListener('close', () => {
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 30000);
  });
}
