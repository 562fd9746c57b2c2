// The app inside the Shopify admin (App Bridge loaded first, from Shopify's CDN). No cookie reaches us from the admin's
// frame, so every request carries a fresh session token instead: links get one as id_token in the address, forms get
// one in a hidden id_token field just before they are submitted (a token lasts one minute).
(function () {
  'use strict';
  if (!window.shopify || typeof window.shopify.idToken !== 'function') {
    return;
  }

  function sameApp(url) {
    return url.origin === window.location.origin && url.pathname.indexOf('/app') === 0;
  }

  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || link.target) {
      return;
    }
    var url = new URL(link.href, window.location.href);
    if (!sameApp(url)) {
      return;
    }
    event.preventDefault();
    window.shopify.idToken().then(function (token) {
      url.searchParams.set('id_token', token);
      window.location.assign(url.toString());
    });
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.dataset.tokenReady === '1') {
      if (form instanceof HTMLFormElement) {
        delete form.dataset.tokenReady;
      }
      return;
    }
    event.preventDefault();
    var submitter = event.submitter;
    window.shopify.idToken().then(function (token) {
      var field = form.querySelector('input[name="id_token"]');
      if (!field) {
        field = document.createElement('input');
        field.type = 'hidden';
        field.name = 'id_token';
        form.appendChild(field);
      }
      field.value = token;
      form.dataset.tokenReady = '1';
      form.requestSubmit(submitter || undefined);
    });
  });
})();
