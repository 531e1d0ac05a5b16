// Continuous reading: when the reader nears the "Next" link, fetch that article's
// ordinary HTML page and splice its article in. Without JavaScript (or on any
// failure) the "Next" link simply stays a link.

const MAX_LOADED = 10;

const main = document.querySelector('main');
const first = main && main.querySelector('article.article');
const lastNav = () => {
  const navs = main.querySelectorAll('nav.next-article[data-next]');
  return navs[navs.length - 1];
};

if (first && lastNav() && 'IntersectionObserver' in window) start();

function pathOf(url) {
  const u = new URL(url, location.href);
  return u.origin === location.origin ? u.pathname + u.search : null;
}

function start() {
  const home = pathOf(first.dataset.url || location.href);
  const loaded = new Set([home, pathOf(location.href)]);
  let count = 0;
  let busy = false;

  // A reload or restore at a replaced URL opens that article's own page, where the
  // old scroll offset is meaningless; only the first article keeps native restoration.
  const track = (article) => {
    const path = pathOf(article.dataset.url || '');
    if (path && path !== pathOf(location.href)) {
      history.replaceState(null, '', path);
      history.scrollRestoration = path === home ? 'auto' : 'manual';
    }
    if (article.dataset.title) document.title = article.dataset.title;
  };

  // A thin band at ~35% of the viewport height: whichever article crosses it is
  // the one being read. Cheaper and steadier than comparing ratios of tall articles.
  let current = first;
  const viewing = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting && e.target !== current) {
        current = e.target;
        track(current);
      }
    }
  }, { rootMargin: '-35% 0px -64% 0px' });
  viewing.observe(first);

  const near = new IntersectionObserver((entries) => {
    for (const e of entries) if (e.isIntersecting) load(e.target);
  }, { rootMargin: '600px 0px' });
  // Only once the reader moves: a short article must not grow by itself under a reader who has not scrolled, moving
  // what follows it (the Newsfeed on a phone) while they read.
  addEventListener('scroll', () => near.observe(lastNav()), { once: true, passive: true });

  async function load(nav) {
    if (busy) return;
    near.unobserve(nav);
    const path = pathOf(nav.dataset.next);
    // Stop at the cap, on foreign URLs, and on loops (A -> B -> A).
    if (!path || loaded.has(path) || count >= MAX_LOADED) return;
    busy = true;
    try {
      const res = await fetch(path, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const article = doc.querySelector('article.article');
      if (!article) throw new Error('no article');
      const next = [...doc.querySelectorAll('nav.next-article')]
        .find((n) => article.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING);

      // DOMParser never runs scripts, but strip them anyway so nothing inert is carried over.
      for (const s of article.querySelectorAll('script')) s.remove();
      const finalPath = pathOf(res.url) || path;
      article.dataset.url = article.dataset.url || finalPath;
      article.dataset.title = article.dataset.title || doc.title;
      loaded.add(path).add(finalPath).add(pathOf(article.dataset.url));

      // Keep keyboard users in place: the focused "Next" link is about to vanish.
      const hadFocus = nav.contains(document.activeElement);
      const nodes = [document.adoptNode(article)];
      if (next) nodes.push(document.adoptNode(next));
      nav.replaceWith(...nodes);
      count += 1;
      if (hadFocus) {
        const h = article.querySelector('h1') || article;
        h.tabIndex = -1;
        h.focus();
      }

      viewing.observe(article);
      // Past the cap the new nav stays a plain link.
      if (next && next.dataset.next && count < MAX_LOADED) near.observe(next);
      document.dispatchEvent(new CustomEvent('dateline:article-loaded', {
        detail: { url: article.dataset.url, article },
      }));
    } catch {
      // Leave the nav as an ordinary link; no retry loop.
    } finally {
      busy = false;
    }
  }
}
