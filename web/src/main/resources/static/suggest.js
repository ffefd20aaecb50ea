// Search-as-you-type, an enhancement only: every search box works without it. It offers the titles and
// thesaurus terms of /api/v1/suggest in a datalist under any input marked data-suggest="<lang>".
(function () {
  'use strict';
  var boxes = document.querySelectorAll('input[data-suggest]');
  Array.prototype.forEach.call(boxes, function (input, n) {
    var list = document.createElement('datalist');
    var timer = null;
    var controller = null;
    list.id = 'suggest-' + n;
    input.parentNode.appendChild(list);
    input.setAttribute('list', list.id);
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var prefix = input.value.trim();
      if (prefix.length < 2 || prefix.length > 200) {
        return;
      }
      timer = setTimeout(function () {
        if (controller) {
          controller.abort();
        }
        controller = typeof AbortController === 'function' ? new AbortController() : null;
        var url = '/api/v1/suggest?limit=8&lang=' + encodeURIComponent(input.getAttribute('data-suggest'))
          + '&q=' + encodeURIComponent(prefix);
        fetch(url, controller ? { signal: controller.signal } : {})
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (body) {
            while (list.firstChild) {
              list.removeChild(list.firstChild);
            }
            (body.suggestions || []).forEach(function (s) {
              var option = document.createElement('option');
              option.value = s.text;
              list.appendChild(option);
            });
          })
          .catch(function () { /* offline or aborted: the plain search still works */ });
      }, 150);
    });
  });
}());
