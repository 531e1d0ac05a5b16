// Browser push for the subscribe forms. Without JavaScript, or in a browser without
// Web Push, the forms offer email and digest only: the push choice stays hidden.
//
// Expects (rendered by the subscribe pages):
//   <form data-alerts-form method="post" ...>
//     <input type="hidden" name="topic" value="BREAKING|SECTION|TAG|AUTHOR|STORY">
//     <input type="hidden" name="target" value="0 or the section's, tag's, author's or story's id">
//     <input type="hidden" name="edition" value="en">
//     <input type="radio" name="delivery" value="EMAIL"> ... value="DIGEST" ...
//     <span data-push-option hidden><input type="radio" name="delivery" value="PUSH"> ...</span>
//     <p data-alerts-status role="status" data-t-push-working="..." data-t-push-done="..."
//        data-t-push-denied="..." data-t-push-failed="..." data-t-push-limited="..."></p>
//   </form>
// When the reader submits with delivery PUSH, the form is not posted: the browser is
// asked for permission (only then), the service worker /sw.js registered, the browser
// subscribed with the site's VAPID key, and the subscription sent with the form's
// topic, target and edition to POST /{edition}/subscribe/push. The outcome is written
// into [data-alerts-status] in the words of its data-t-push-* attributes.

const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

export function init(root = document) {
  if (!supported()) return;
  for (const form of root.querySelectorAll('form[data-alerts-form]')) attach(form);
}

function attach(form) {
  if (form.dataset.pushReady) return;
  form.dataset.pushReady = 'true';
  for (const option of form.querySelectorAll('[data-push-option]')) option.hidden = false;
  // A push subscription needs no email address: the field stops being required while PUSH is chosen.
  const required = [...form.querySelectorAll('input[name=email][required]')];
  form.addEventListener('change', () => {
    for (const input of required) input.required = delivery(form) !== 'PUSH';
  });
  form.addEventListener('submit', (event) => {
    if (delivery(form) !== 'PUSH') return;
    event.preventDefault();
    subscribe(form);
  });
}

function delivery(form) {
  const chosen = form.querySelector('input[name=delivery]:checked');
  return chosen ? chosen.value : '';
}

function field(form, name) {
  const input = form.querySelector(`[name="${name}"]`);
  return input ? input.value : '';
}

function say(form, key, fallback) {
  const status = form.querySelector('[data-alerts-status]');
  if (status) status.textContent = status.dataset[key] || fallback;
}

// What the form follows: its hidden topic and target, or each box checked on a form with a box per topic
// (name "follow", value "TOPIC:target").
function topics(form) {
  const boxes = [...form.querySelectorAll('input[name=follow]')];
  if (!boxes.length) return [{ topic: field(form, 'topic'), target: Number(field(form, 'target') || 0) }];
  return boxes.filter((box) => box.checked).map((box) => {
    const [topic, target] = box.value.split(':');
    return { topic, target: Number(target || 0) };
  });
}

async function subscribe(form) {
  const follows = topics(form);
  if (!follows.length) {
    say(form, 'tPushNone', 'Choose at least one thing to follow.');
    return;
  }
  const buttons = [...form.querySelectorAll('button, [type=submit]')];
  for (const button of buttons) button.disabled = true;
  say(form, 'tPushWorking', 'Asking your browser…');
  try {
    // Asked first, while the click still counts as the reader's own gesture.
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') {
      say(form, 'tPushDenied', 'Your browser does not allow notifications from this site.');
      return;
    }
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    const registration = await navigator.serviceWorker.ready;
    const key = await serverKey();
    let subscription = await registration.pushManager.getSubscription();
    if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    if (!subscription) {
      subscription = await withinTime(
        registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }));
    }
    const edition = field(form, 'edition');
    const statuses = [];
    for (const { topic, target } of follows) {
      const response = await fetch('/' + encodeURIComponent(edition) + '/subscribe/push', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ topic, target, subscription: subscription.toJSON() }),
      });
      statuses.push(response.status);
      if (!response.ok) break;
    }
    if (statuses.every((status) => status >= 200 && status < 300)) {
      say(form, 'tPushDone', 'Done: alerts will appear on this device.');
    } else if (statuses.includes(429)) {
      say(form, 'tPushLimited', 'Too many subscriptions from here; try again later.');
    } else {
      say(form, 'tPushFailed', 'This browser could not be subscribed; choose email instead.');
    }
  } catch (e) {
    say(form, 'tPushFailed', 'This browser could not be subscribed; choose email instead.');
  } finally {
    for (const button of buttons) button.disabled = false;
  }
}

// A browser that cannot reach its push service may never answer: the reader is told after a while.
const SUBSCRIBE_TIMEOUT_MS = 15000;

function withinTime(promise) {
  return Promise.race([promise, new Promise((_, reject) =>
    setTimeout(() => reject(new Error('the push service did not answer')), SUBSCRIBE_TIMEOUT_MS))]);
}

async function serverKey() {
  const response = await fetch('/api/alerts/push-key', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error('no push key');
  const { publicKey } = await response.json();
  const base64 = publicKey.replace(/-/g, '+').replace(/_/g, '/');
  return Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
}

function sameKey(buffer, key) {
  if (!buffer) return false;
  const bytes = new Uint8Array(buffer);
  return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
}

init();
