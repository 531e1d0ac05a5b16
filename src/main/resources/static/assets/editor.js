// The story editor: saves the fields a few seconds after the last change (each save a revision), keeps the edit
// lock fresh while the page is open, and says so in the status line. Without JavaScript the Save button does it.
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave]');
  if (!form || !form.dataset.autosave || !window.fetch || !window.FormData) {
    return;
  }
  var status = form.querySelector('.autosave-status');
  var revision = form.querySelector('input[name="revision"]');
  var shownRevision = document.getElementById('revision-number');
  var timer = null;
  var saving = false;
  var dirty = false;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function save() {
    timer = null;
    if (saving) {
      timer = setTimeout(save, 1000);
      return;
    }
    saving = true;
    var wasDirty = dirty;
    dirty = false;
    fetch(form.dataset.autosave, {method: 'POST', body: new FormData(form), credentials: 'same-origin',
      headers: {'Accept': 'application/json'}})
      .then(function (response) {
        return response.json().then(function (body) {
          return {ok: response.ok, body: body};
        });
      })
      .then(function (result) {
        if (result.ok) {
          revision.value = result.body.revision;
          if (shownRevision) {
            shownRevision.textContent = result.body.revision;
          }
          say(wasDirty ? 'Saved as revision ' + result.body.revision + '.' : '');
        } else {
          say(result.body.message || 'Not saved.');
        }
      })
      .catch(function () {
        dirty = dirty || wasDirty;
        say('Not saved: no connection. Your text is still here.');
      })
      .then(function () {
        saving = false;
      });
  }

  form.addEventListener('input', function () {
    dirty = true;
    say('Editing…');
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(save, 3000);
  });
  // Keep the lock while the editor is open, even without typing.
  setInterval(function () {
    if (!dirty && !saving) {
      save();
    }
  }, 60000);
  window.addEventListener('beforeunload', function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  form.addEventListener('submit', function () {
    dirty = false;
  });
})();

// The live preview: the public article page rendered from the fields as they stand, unsaved, beside the editor. A
// second after the last change the form is posted to the preview address (nothing is stored) and the answer shown
// in a sandboxed frame (no script runs in it), at the reader's scroll position.
(function () {
  'use strict';
  var form = document.querySelector('form.story-form');
  var panel = document.querySelector('.live-preview[data-preview]');
  if (!form || !panel || !window.fetch || !window.FormData || !('srcdoc' in document.createElement('iframe'))) {
    return;
  }
  var frame = panel.querySelector('iframe');
  var status = panel.querySelector('.preview-status');
  var timer = null;
  var running = false;
  var again = false;
  panel.hidden = false;

  function refresh() {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    var data = new FormData(form);
    data.delete('action');
    fetch(panel.dataset.preview, {method: 'POST', body: data, credentials: 'same-origin',
      headers: {'Accept': 'text/html'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var scroll = frame.contentWindow ? frame.contentWindow.scrollY : 0;
        frame.addEventListener('load', function restore() {
          frame.removeEventListener('load', restore);
          if (frame.contentWindow) {
            frame.contentWindow.scrollTo(0, scroll);
          }
        });
        frame.srcdoc = html;
        status.textContent = '';
      })
      .catch(function () {
        status.textContent = '(not refreshed: no connection)';
      })
      .then(function () {
        running = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  form.addEventListener('input', function () {
    if (timer) {
      clearTimeout(timer);
    }
    status.textContent = '(updating…)';
    timer = setTimeout(refresh, 800);
  });
  form.addEventListener('change', function () {
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(refresh, 300);
  });
  refresh();
})();
