// Article views: each article on the page (the first, and each the loader splices in) counts one view of this
// reader and shows the article's total. The server counts a reader once per article and day, whatever this script
// sends; it answers 429 to an address sending too many, and then the count simply stays hidden. Without
// JavaScript nothing is counted or shown: the cached page is the same for everyone and carries no count.

const counted = new WeakSet();

function count(el) {
  if (counted.has(el)) return;
  counted.add(el);
  fetch('/api/views/' + encodeURIComponent(el.dataset.views), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  })
    .then((response) => (response.ok ? response.json() : null))
    .then((answer) => {
      if (!answer || typeof answer.views !== 'number') return;
      const lang = document.documentElement.lang || 'en';
      el.textContent = (el.dataset.tViews || 'Views') + ': ' + new Intl.NumberFormat(lang).format(answer.views);
      el.hidden = false;
    })
    .catch(() => { /* offline or failing: no count shown */ });
}

for (const el of document.querySelectorAll('[data-views]')) count(el);
document.addEventListener('dateline:article-loaded', (event) => {
  const article = event.detail && event.detail.article;
  if (article) for (const el of article.querySelectorAll('[data-views]')) count(el);
});
