// The "Edit" link for staff beside each article on the page, including those the loader appends while the reader
// scrolls. An article's id is on its view counter (data-views), which every article page has.
const LABELS = { en: 'Edit', ru: 'Редактировать' };

function label() {
  return LABELS[(document.documentElement.lang || 'en').slice(0, 2)] || LABELS.en;
}

function addLinks(root) {
  root.querySelectorAll('article.article .stamps [data-views]').forEach((views) => {
    const stamps = views.parentElement;
    if (stamps.querySelector('.staff-edit') || !/^[0-9]+$/.test(views.dataset.views)) {
      return;
    }
    const link = document.createElement('a');
    link.className = 'staff-edit';
    link.href = '/newsroom/stories/' + views.dataset.views;
    link.textContent = label();
    stamps.append(' ', link);
  });
}

export function start(root) {
  addLinks(root);
  new MutationObserver(() => addLinks(root)).observe(root, { childList: true, subtree: true });
}
