// The body's toolbar, keyboard shortcuts and paste cleaning. The body is markup (see org.dateline.content.Body):
// the toolbar writes it, pasted web pages and documents become it (headings, quotes, lists, links, bold and italic
// kept; styles, scripts, images and everything else dropped). Without JavaScript the textarea takes markup as typed.
(function () {
  'use strict';
  var body = document.getElementById('body');
  var toolbar = document.querySelector('.body-toolbar');
  if (!body || !toolbar) {
    return;
  }
  toolbar.hidden = false;

  var BLOCK_PREFIX = /^(#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/;

  // Replaces [start, end) with text, keeping the browser's undo where it can, and tells the form it changed.
  function replace(start, end, text, selectFrom, selectTo) {
    body.focus();
    body.setSelectionRange(start, end);
    var done = false;
    try {
      done = document.execCommand && document.execCommand('insertText', false, text);
    } catch (e) {
      done = false;
    }
    if (!done || body.value.substring(start, start + text.length) !== text) {
      body.setRangeText(text, start, end, 'end');
    }
    body.setSelectionRange(selectFrom === undefined ? start + text.length : selectFrom,
      selectTo === undefined ? start + text.length : selectTo);
    body.dispatchEvent(new Event('input', {bubbles: true}));
  }

  // The whole lines the selection touches, each given a new block prefix; a blank line before and after.
  function lines(prefixOf) {
    var value = body.value;
    var start = value.lastIndexOf('\n', body.selectionStart - 1) + 1;
    var end = value.indexOf('\n', Math.max(body.selectionEnd - (body.selectionEnd > body.selectionStart ? 1 : 0),
      body.selectionStart));
    if (end < 0) {
      end = value.length;
    }
    var text = value.substring(start, end).split('\n').map(function (line, index) {
      return prefixOf(index) + line.replace(BLOCK_PREFIX, '');
    }).join('\n');
    var before = start > 0 && !/\n\n$/.test(value.substring(0, start)) ? '\n' : '';
    var after = end < value.length && !/^\n\n/.test(value.substring(end)) ? '\n' : '';
    var from = start + before.length;
    replace(start, end, before + text + after, from, from + text.length);
  }

  function wrap(mark, placeholder) {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    var selected = body.value.substring(start, end) || placeholder;
    replace(start, end, mark + selected + mark, start + mark.length, start + mark.length + selected.length);
  }

  function link() {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    var address = window.prompt('Link address (https://…)', 'https://');
    if (!address || !/^(https?:\/\/|mailto:)\S+$/i.test(address.trim())) {
      return;
    }
    address = address.trim().replace(/\)/g, '%29').replace(/ /g, '%20');
    var text = body.value.substring(start, end) || address;
    replace(start, end, '[' + text + '](' + address + ')', start + 1, start + 1 + text.length);
  }

  var actions = {
    paragraph: function () { lines(function () { return ''; }); },
    heading: function () { lines(function () { return '## '; }); },
    quote: function () { lines(function () { return '> '; }); },
    bullets: function () { lines(function () { return '- '; }); },
    numbers: function () { lines(function (i) { return (i + 1) + '. '; }); },
    link: link,
    bold: function () { wrap('**', 'bold text'); },
    italic: function () { wrap('*', 'italic text'); }
  };

  toolbar.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-format]');
    if (button && actions[button.dataset.format]) {
      event.preventDefault();
      actions[button.dataset.format]();
    }
  });

  // Ctrl (Cmd on a Mac) + B, I, K; Ctrl+Alt+0 and 2 for paragraph and heading; Ctrl+Shift+7, 8, 9 for numbered
  // list, bulleted list and quote, as word processors have them.
  body.addEventListener('keydown', function (event) {
    if (!(event.ctrlKey || event.metaKey)) {
      return;
    }
    var key = event.key.toLowerCase();
    var code = event.code || '';
    var action = null;
    if (event.altKey && (code === 'Digit0' || key === '0')) {
      action = 'paragraph';
    } else if (event.altKey && (code === 'Digit2' || key === '2')) {
      action = 'heading';
    } else if (event.shiftKey && code === 'Digit7') {
      action = 'numbers';
    } else if (event.shiftKey && code === 'Digit8') {
      action = 'bullets';
    } else if (event.shiftKey && code === 'Digit9') {
      action = 'quote';
    } else if (!event.altKey && !event.shiftKey && key === 'b') {
      action = 'bold';
    } else if (!event.altKey && !event.shiftKey && key === 'i') {
      action = 'italic';
    } else if (!event.altKey && !event.shiftKey && key === 'k') {
      action = 'link';
    }
    if (action) {
      event.preventDefault();
      actions[action]();
    }
  });

  body.addEventListener('paste', function (event) {
    var data = event.clipboardData;
    if (!data || Array.prototype.indexOf.call(data.types || [], 'text/html') < 0) {
      return; // plain text pastes as it is
    }
    var markup = window.DatelineMarkup.fromHtml(data.getData('text/html'));
    if (!markup) {
      return;
    }
    event.preventDefault();
    var start = body.selectionStart;
    var end = body.selectionEnd;
    // Blocks (several, or a heading, quote or list) stand between blank lines; a few words go where the cursor is.
    if (markup.indexOf('\n\n') >= 0 || BLOCK_PREFIX.test(markup)) {
      var before = body.value.substring(0, start);
      var after = body.value.substring(end);
      markup = (before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? '\n' : '\n\n') : '') + markup
        + (after && !/^\n\n/.test(after) ? (/^\n/.test(after) ? '\n' : '\n\n') : '');
    }
    replace(start, end, markup);
  });
})();
