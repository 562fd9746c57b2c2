// The embedded page's own script (served by us, so the Content-Security-Policy needs no inline script). App Bridge,
// loaded first from Shopify's CDN, gives a fresh session token for every call; a 401 carrying
// X-Shopify-Retry-Invalid-Session-Request: 1 means "token refused, fetch a fresh one and try once more".
(function () {
  'use strict';
  var grid = document.querySelector('[data-summary-url]');
  var live = document.getElementById('live');
  if (!grid || !live || !window.shopify || typeof window.shopify.idToken !== 'function') {
    return;
  }
  var lang = grid.getAttribute('data-lang') || 'en';

  function set(field, text) {
    var node = grid.querySelector('[data-field="' + field + '"]');
    if (node) {
      node.textContent = text;
    }
  }

  function count(value) {
    return new Intl.NumberFormat(lang).format(value);
  }

  // Same shape as the server's rendering: the amount with the currency's decimals, then its ISO code.
  function money(total) {
    var amount = total.amountMinor / Math.pow(10, total.decimals);
    var digits = { minimumFractionDigits: total.decimals, maximumFractionDigits: total.decimals };
    return new Intl.NumberFormat(lang, digits).format(amount) + ' ' + total.currency;
  }

  async function summary(retry) {
    var token = await window.shopify.idToken();
    var response = await fetch(grid.getAttribute('data-summary-url'), {
      headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
    });
    if (response.status === 401 && retry && response.headers.get('X-Shopify-Retry-Invalid-Session-Request') === '1') {
      return summary(false);
    }
    if (!response.ok) {
      throw new Error('summary answered ' + response.status);
    }
    return response.json();
  }

  live.textContent = grid.getAttribute('data-loading-text');
  summary(true).then(function (s) {
    set('abandoned', count(s.abandonedCarts));
    set('sent', count(s.emailsSent));
    set('recovered', count(s.recoveredOrders));
    if (s.recoveredRevenue.length > 0) {
      set('revenue', s.recoveredRevenue.map(money).join(' · '));
    }
    live.textContent = grid.getAttribute('data-live-text');
  }).catch(function () {
    live.textContent = grid.getAttribute('data-failed-text');
  });
})();
