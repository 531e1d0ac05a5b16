// The picture library's pages. Uploads: several files at once, chosen or dropped, each sent on its own with a
// progress bar, its result or refusal said in words (the codes are the admin API's). A picture's page: a click on
// the picture sets the focal point, saved at once, and the crops show it. Without JavaScript the forms do the same
// one file and one number at a time.
(function () {
  'use strict';

  var MAX_BYTES = 50 * 1024 * 1024;

  // Sends one file to the newsroom's upload address; resolves with {ok, status, body} (a picture's card, or a
  // problem document with its code and detail). onProgress gets a fraction of the bytes sent.
  function upload(file, csrfHeader, csrfToken, onProgress) {
    return new Promise(function (resolve) {
      if (file.size > MAX_BYTES) {
        resolve({ok: false, status: 413, body: {code: 'too_large', detail: 'A picture may weigh at most 50 MB.'}});
        return;
      }
      var data = new FormData();
      data.append('file', file, file.name);
      var request = new XMLHttpRequest();
      request.open('POST', '/newsroom/pictures');
      request.setRequestHeader('Accept', 'application/json');
      request.setRequestHeader(csrfHeader, csrfToken);
      request.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable && onProgress) {
          onProgress(event.loaded / event.total);
        }
      });
      request.addEventListener('load', function () {
        var body = null;
        try {
          body = JSON.parse(request.responseText);
        } catch (e) {
          body = {code: 'status_' + request.status, detail: 'The server answered ' + request.status + '.'};
        }
        resolve({ok: request.status === 201, status: request.status, body: body});
      });
      request.addEventListener('error', function () {
        resolve({ok: false, status: 0, body: {code: 'no_connection', detail: 'No connection: not uploaded.'}});
      });
      request.send(data);
    });
  }

  // A refusal in words; the detail is the server's sentence for people.
  function refusal(result) {
    var body = result.body || {};
    if (body.errors && body.errors.length) {
      return body.errors.map(function (e) { return e.message; }).join(' ');
    }
    return body.detail || 'Not uploaded (' + result.status + ').';
  }

  window.DatelinePictures = {upload: upload, refusal: refusal};

  function libraryUpload() {
    var form = document.querySelector('form.upload-form');
    var list = document.querySelector('.upload-list');
    if (!form || !list || !window.FormData || !window.XMLHttpRequest) {
      return;
    }
    var input = form.querySelector('input[type=file]');
    var zone = form.querySelector('.drop-zone');
    input.multiple = true;
    input.required = false;
    form.querySelector('.drop-hint').hidden = false;
    form.querySelector('label[for=file]').firstChild.textContent = 'Picture files ';

    function send(file) {
      list.hidden = false;
      var item = document.createElement('li');
      var name = document.createElement('span');
      name.className = 'upload-name';
      name.textContent = file.name;
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute('aria-label', 'Upload of ' + file.name);
      var result = document.createElement('span');
      result.className = 'upload-result';
      result.textContent = 'Uploading…';
      item.appendChild(name);
      item.appendChild(bar);
      item.appendChild(result);
      list.appendChild(item);
      return upload(file, form.dataset.csrfHeader, form.dataset.csrf, function (fraction) {
        bar.value = Math.round(fraction * 100);
      }).then(function (answer) {
        bar.value = 100;
        bar.hidden = true;
        if (answer.ok) {
          item.className = 'upload-done';
          var thumb = document.createElement('img');
          thumb.src = answer.body.src;
          thumb.width = 64;
          thumb.height = 64;
          thumb.alt = '';
          var link = document.createElement('a');
          link.href = answer.body.page;
          link.textContent = 'No. ' + answer.body.id;
          result.textContent = 'Uploaded as ';
          result.appendChild(link);
          result.appendChild(document.createTextNode(answer.body.altMissing ? ': add its alt text there.' : '.'));
          item.insertBefore(thumb, name);
        } else {
          item.className = 'upload-refused';
          item.dataset.code = answer.body && answer.body.code || '';
          result.textContent = 'Refused: ' + refusal(answer);
        }
      });
    }

    // Two at a time: a large batch does not hold up the small files, nor flood the server.
    function sendAll(files) {
      var queue = Array.prototype.slice.call(files);
      function next() {
        var file = queue.shift();
        return file ? send(file).then(next) : Promise.resolve();
      }
      return Promise.all([next(), next()]);
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (input.files.length) {
        sendAll(input.files).then(function () {
          input.value = '';
        });
      }
    });
    input.addEventListener('change', function () {
      if (input.files.length) {
        form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event('submit', {cancelable: true}));
      }
    });
    ['dragenter', 'dragover'].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add('drop-target');
      });
    });
    ['dragleave', 'drop'].forEach(function (type) {
      zone.addEventListener(type, function () {
        zone.classList.remove('drop-target');
      });
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        sendAll(event.dataTransfer.files);
      }
    });
  }

  function focalPoint() {
    var editor = document.querySelector('.focal-editor[data-focal]');
    if (!editor || !window.fetch) {
      return;
    }
    var image = editor.querySelector('img');
    var marker = editor.querySelector('svg.focal-marker');
    var status = editor.querySelector('.focal-status');
    var box = marker.viewBox.baseVal;
    var fieldX = document.getElementById('focalX');
    var fieldY = document.getElementById('focalY');
    editor.querySelector('.focal-script').hidden = false;
    image.classList.add('focal-clickable');

    function place(x, y) {
      Array.prototype.forEach.call(marker.querySelectorAll('circle'), function (circle) {
        circle.setAttribute('cx', Math.round(x / 1000 * box.width));
        circle.setAttribute('cy', Math.round(y / 1000 * box.height));
      });
    }

    image.addEventListener('click', function (event) {
      var rect = image.getBoundingClientRect();
      var x = Math.max(0, Math.min(1000, Math.round((event.clientX - rect.left) / rect.width * 1000)));
      var y = Math.max(0, Math.min(1000, Math.round((event.clientY - rect.top) / rect.height * 1000)));
      place(x, y);
      fieldX.value = x;
      fieldY.value = y;
      status.textContent = 'Saving the focal point…';
      var data = new FormData();
      data.append('focalX', x);
      data.append('focalY', y);
      var headers = {'Accept': 'application/json'};
      headers[editor.dataset.csrfHeader] = editor.dataset.csrf;
      fetch(editor.dataset.focal, {method: 'POST', body: data, credentials: 'same-origin', headers: headers})
        .then(function (response) {
          return response.json().then(function (body) {
            return {ok: response.ok, body: body};
          });
        })
        .then(function (result) {
          if (!result.ok) {
            status.textContent = 'Not saved: ' + (result.body.detail || 'refused') + '.';
            return;
          }
          result.body.crops.forEach(function (crop) {
            var preview = document.querySelector('.crop-previews [data-crop="' + crop.token + '"] img');
            if (preview) {
              preview.srcset = crop.srcset;
              preview.src = crop.src;
            }
          });
          status.textContent = 'Focal point saved; the crops follow it.';
        })
        .catch(function () {
          status.textContent = 'Not saved: no connection. Save the form to keep it.';
        });
    });
  }

  libraryUpload();
  focalPoint();
})();
