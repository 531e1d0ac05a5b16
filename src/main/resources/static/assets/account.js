// The header's account slot. Pages are cached and the same for everyone, so they always say "Log in / Register";
// when this browser has logged in (the DATELINE_READER cookie says so, and says nothing else), ask who it is and show
// the reader's name instead, and a link to their chats with the count of unread messages (chat-unread.js, which
// opens the chat socket). Anonymous readers make no request at all.
const slot = document.getElementById('account-slot');
const hinted = document.cookie.split('; ').includes('DATELINE_READER=1');

if (slot && hinted) {
  fetch('/account/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => {
      if (response.status === 401) {
        document.cookie = 'DATELINE_READER=; Max-Age=0; Path=/; SameSite=Lax'
          + (location.protocol === 'https:' ? '; Secure' : '');
      }
      return response.ok ? response.json() : null;
    })
    .then((me) => {
      if (!me || !me.displayName) {
        return;
      }
      const link = document.createElement('a');
      link.href = '/account';
      link.className = 'account-me';
      const avatar = document.createElement('span');
      avatar.className = 'avatar';
      avatar.setAttribute('aria-hidden', 'true');
      avatar.textContent = me.initials || '';
      link.append(avatar, document.createTextNode(' ' + me.displayName));
      const chats = document.createElement('a');
      chats.href = '/account/chats?lang=' + encodeURIComponent((document.documentElement.lang || 'en').slice(0, 2));
      chats.className = 'account-chats';
      chats.id = 'account-chats';
      const badge = document.createElement('span');
      badge.className = 'unread-badge';
      badge.id = 'chat-unread';
      badge.hidden = true;
      chats.append(slot.dataset.tChats || 'Chats', ' ', badge);
      slot.replaceChildren(link, chats);
      // Logged in: a Subscribe form needs no address (the account's is used), so one click subscribes.
      for (const email of document.querySelectorAll('form[data-alerts-form] input[name=email]')) {
        const hint = document.getElementById(email.getAttribute('aria-describedby'));
        for (const part of [email, email.form.querySelector(`label[for="${email.id}"]`), hint]) {
          if (part) {
            part.hidden = true;
          }
        }
      }
      import('./chat-unread.js').then((unread) => unread.start(badge)).catch(() => { /* the link stays */ });
    })
    .catch(() => { /* offline or failing: the links stay */ });
}

// A browser logged in to the newsroom (the DATELINE_DESK cookie says so, and says nothing else) gets an "Edit" link
// beside each article; the cached page stays the same for everyone, and the newsroom asks for the login anyway.
if (document.cookie.split('; ').includes('DATELINE_DESK=1')) {
  import('./staff-edit.js').then((edit) => edit.start(document.querySelector('main') || document.body))
    .catch(() => { /* no link then */ });
}

// Subscribe forms carry the edition's time zone for the digest hour (the page is the same for everyone); the
// browser knows the reader's own, so it sends that instead. Without script the edition's stays, changeable later.
try {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) {
    for (const input of document.querySelectorAll('form[data-alerts-form] input[name=zone]')) {
      input.value = zone;
    }
  }
} catch (e) { /* the edition's zone stays */ }
