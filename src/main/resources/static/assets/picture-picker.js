// The story editor's pictures: a small dialog to find a picture in the library (or upload one there), used for the
// lead picture (shown with its thumbnail and caption, removable) and by the body toolbar's Picture button, which
// places ![](picture:<id>) as a paragraph of its own. Every change is an input event, so autosave and the live
// preview follow. Without JavaScript the lead picture is a number field and figures are typed.
(function () {
  'use strict';
  var dialog = document.querySelector('dialog.picture-picker');
  if (!dialog || !dialog.showModal || !window.fetch || !window.DatelinePictures) {
    return;
  }
  var words = dialog.querySelector('#picker-q');
  var results = dialog.querySelector('.picker-results');
  var more = dialog.querySelector('.picker-more');
  var status = dialog.querySelector('.picker-status');
  var file = dialog.querySelector('#picker-file');
  var progress = dialog.querySelector('.picker-progress');
  var chosen = null;
  var next = null;
  var asked = 0; // the latest search: an earlier one that answers late must not replace its results

  function open(onChoose) {
    chosen = onChoose;
    status.textContent = '';
    dialog.showModal();
    search(false);
    words.focus();
  }

  function choose(card) {
    dialog.close();
    if (chosen) {
      chosen(card);
    }
  }

  function item(card) {
    var li = document.createElement('li');
    var button = document.createElement('button');
    button.type = 'button';
    var img = document.createElement('img');
    img.src = card.src;
    img.srcset = card.srcset;
    img.sizes = '8rem';
    img.width = card.width;
    img.height = card.height;
    img.alt = '';
    var label = document.createElement('span');
    label.className = 'picker-label';
    label.textContent = card.label;
    var facts = document.createElement('small');
    facts.textContent = 'No. ' + card.id + (card.altMissing ? ' · no alt text' : '');
    if (card.altMissing) {
      facts.className = 'alt-missing';
    }
    button.appendChild(img);
    button.appendChild(label);
    button.appendChild(facts);
    button.addEventListener('click', function () {
      choose(card);
    });
    li.appendChild(button);
    return li;
  }

  function search(older) {
    var query = '?q=' + encodeURIComponent(words.value.trim()) + (older && next ? '&before=' + encodeURIComponent(next) : '');
    status.textContent = 'Searching…';
    var mine = ++asked;
    fetch('/newsroom/pictures/search' + query, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (page) {
        if (mine !== asked) {
          return;
        }
        if (!older) {
          results.textContent = '';
        }
        page.pictures.forEach(function (card) {
          results.appendChild(item(card));
        });
        next = page.next;
        more.hidden = !next;
        status.textContent = results.children.length ? '' : 'No picture found.';
      })
      .catch(function () {
        if (mine !== asked) {
          return;
        }
        status.textContent = 'The library did not answer; try again.';
      });
  }

  dialog.querySelector('.picker-find').addEventListener('click', function () {
    search(false);
  });
  words.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      search(false);
    }
  });
  more.addEventListener('click', function () {
    search(true);
  });
  dialog.querySelector('.picker-cancel').addEventListener('click', function () {
    dialog.close();
  });
  file.addEventListener('change', function () {
    if (!file.files.length) {
      return;
    }
    var picked = file.files[0];
    progress.hidden = false;
    progress.value = 0;
    status.textContent = 'Uploading ' + picked.name + '…';
    window.DatelinePictures.upload(picked, dialog.dataset.csrfHeader, dialog.dataset.csrf, function (fraction) {
      progress.value = Math.round(fraction * 100);
    }).then(function (answer) {
      progress.hidden = true;
      file.value = '';
      if (answer.ok) {
        choose(answer.body);
      } else {
        status.textContent = picked.name + ' was refused: ' + window.DatelinePictures.refusal(answer);
      }
    });
  });

  function changed(element) {
    element.dispatchEvent(new Event('input', {bubbles: true}));
    element.dispatchEvent(new Event('change', {bubbles: true}));
  }

  // The lead picture: the number field stays the form's value; the thumbnail and buttons stand in for it.
  var field = document.querySelector('[data-picture-field]');
  if (field) {
    var input = field.querySelector('input[name=leadPicture]');
    var shown = field.querySelector('.lead-picture-chosen');
    var remove = field.querySelector('.lead-picture-remove');
    Array.prototype.forEach.call(field.querySelectorAll('.lead-picture-number'), function (element) {
      element.hidden = true;
    });
    field.querySelector('.lead-picture-buttons').hidden = false;
    field.querySelector('[data-picture-choose=lead]').addEventListener('click', function () {
      open(function (card) {
        input.value = card.id;
        var img = shown.querySelector('img');
        if (!img) {
          img = document.createElement('img');
          img.alt = '';
          shown.insertBefore(img, shown.firstChild);
        }
        img.src = card.src;
        img.width = card.width;
        img.height = card.height;
        shown.querySelector('.lead-picture-label').textContent = card.label;
        shown.querySelector('.lead-picture-id').textContent = 'No. ' + card.id;
        shown.querySelector('.alt-missing').hidden = !card.altMissing;
        shown.hidden = false;
        remove.hidden = false;
        changed(input);
      });
    });
    remove.addEventListener('click', function () {
      input.value = '';
      shown.hidden = true;
      remove.hidden = true;
      changed(input);
    });
  }

  // A figure: the picture's markup as a paragraph of its own where the cursor was.
  var body = document.getElementById('body');
  var button = document.querySelector('.body-toolbar [data-picture-choose=body]');
  if (body && button) {
    button.addEventListener('click', function () {
      var start = body.selectionStart;
      var end = body.selectionEnd;
      open(function (card) {
        var before = body.value.substring(0, start);
        var after = body.value.substring(end);
        var figure = '![](picture:' + card.id + ')';
        var text = (before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? '\n' : '\n\n') : '') + figure
          + (after && !/^\n\n/.test(after) ? (/^\n/.test(after) ? '\n' : '\n\n') : '');
        body.focus();
        body.setRangeText(text, start, end, 'end');
        changed(body);
      });
    });
  }
})();
