// Dateline's service worker (served at /sw.js, scope /): shows the alerts pushed to
// this browser and opens the story when the reader clicks one. It handles no fetch:
// pages load as they would without it.
//
// A push carries JSON {"title", "body", "url", "tag"}; a later alert with the same tag
// replaces the notification of an earlier one (an update of the same story).

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// Only this site's own pages are opened: whatever the payload says, the URL is
// resolved against this origin and anything elsewhere becomes the home page.
function ownUrl(url) {
  try {
    const resolved = new URL(typeof url === 'string' ? url : '/', self.location.origin);
    return resolved.origin === self.location.origin ? resolved.href : self.location.origin + '/';
  } catch (e) {
    return self.location.origin + '/';
  }
}

function text(value) {
  return typeof value === 'string' ? value : '';
}

self.addEventListener('push', (event) => {
  let alert = {};
  if (event.data) {
    try {
      alert = event.data.json() || {};
    } catch (e) {
      alert = { body: event.data.text() };
    }
  }
  const options = { body: text(alert.body), data: { url: ownUrl(alert.url) } };
  if (text(alert.tag)) {
    options.tag = alert.tag;
    options.renotify = true;
  }
  // Every push must show a notification (userVisibleOnly): one without a title gets the site's name.
  event.waitUntil(self.registration.showNotification(text(alert.title) || self.location.hostname, options));
});

// The push service replaced this browser's subscription (it expired or its keys changed):
// the site moves the stored one to the new, proven by the old one's auth secret.
self.addEventListener('pushsubscriptionchange', (event) => {
  const old = event.oldSubscription;
  if (!old) return;
  event.waitUntil((async () => {
    const fresh = event.newSubscription || await self.registration.pushManager.subscribe(old.options);
    await fetch('/alerts/push/renew', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ endpoint: old.endpoint, auth: old.toJSON().keys.auth, subscription: fresh.toJSON() }),
    });
  })());
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = ownUrl(event.notification.data && event.notification.data.url);
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const client of windows) {
      if (client.url === url && 'focus' in client) return client.focus();
    }
    return self.clients.openWindow(url);
  })());
});
