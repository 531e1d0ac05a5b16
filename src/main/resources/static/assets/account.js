// The header's account slot. Pages are cached and the same for everyone, so they always say "Log in / Register";
// when this browser has logged in (the DATELINE_READER cookie says so, and says nothing else), ask who it is and show
// the reader's name instead. Anonymous readers make no request at all.
const slot = document.getElementById('account-slot');
const hinted = document.cookie.split('; ').includes('DATELINE_READER=1');

if (slot && hinted) {
  fetch('/account/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => {
      if (response.status === 401) {
        document.cookie = 'DATELINE_READER=; Max-Age=0; Path=/; SameSite=Lax';
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
      slot.replaceChildren(link);
    })
    .catch(() => { /* offline or failing: the links stay */ });
}
