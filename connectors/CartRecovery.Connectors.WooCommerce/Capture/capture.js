/* CartRecovery storefront capture for WooCommerce.
 * Add to the shop's pages:  <script src="{{BASE}}capture/{{KEY}}/script.js" async></script>
 * When the shopper has typed a valid email at checkout and consented (a checkbox with id "cartrecovery-consent",
 * or window.cartRecoveryConsent = true set by the shop's consent tool), the cart read from WooCommerce's Store API
 * is posted to CartRecovery, so a cart that never becomes an order can still be recovered. Nothing is sent otherwise.
 * The billing phone goes with it when typed; texts need their own consent: a checkbox with id "cartrecovery-sms-consent"
 * (or window.cartRecoverySmsConsent = true/false); without either, no SMS consent is reported. */
(function () {
  "use strict";
  var endpoint = "{{BASE}}capture/{{KEY}}";
  var storageKey = "cartrecovery_cart_id";
  var timer = null;

  function cartId() {
    var id = null;
    try { id = window.localStorage.getItem(storageKey); } catch (e) { /* private mode */ }
    if (!id) {
      id = "cr-" + Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
      try { window.localStorage.setItem(storageKey, id); } catch (e) { /* private mode */ }
    }
    return id;
  }

  function consented() {
    var box = document.getElementById("cartrecovery-consent");
    return window.cartRecoveryConsent === true || (box !== null && box.checked === true);
  }

  function smsConsent() {
    var box = document.getElementById("cartrecovery-sms-consent");
    if (typeof window.cartRecoverySmsConsent === "boolean") return window.cartRecoverySmsConsent;
    return box !== null ? box.checked === true : null;
  }

  function phone() {
    var input = document.getElementById("billing_phone") || document.querySelector("input[type=tel]");
    var value = input ? input.value.trim() : "";
    return /^[0-9 +().-]{4,32}$/.test(value) ? value : null;
  }

  function emailInput() {
    return document.getElementById("billing_email") || document.getElementById("email") || document.querySelector("input[type=email]");
  }

  function validEmail(value) {
    return typeof value === "string" && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254;
  }

  // Store API amounts are strings of minor units; currency_minor_unit is the shop's "number of decimals" setting and may
  // be 0, so it is tested for being a number rather than for truthiness.
  function minorUnit(prices, cart) {
    if (prices && typeof prices.currency_minor_unit === "number") return prices.currency_minor_unit;
    if (cart.totals && typeof cart.totals.currency_minor_unit === "number") return cart.totals.currency_minor_unit;
    return 2;
  }

  function toItems(cart) {
    return (cart.items || []).slice(0, 50).map(function (item) {
      var image = item.images && item.images.length ? item.images[0].src : null;
      return {
        product_id: item.id,
        quantity: item.quantity,
        name: String(item.name || "").slice(0, 200),
        price: Number(item.prices && item.prices.price) / Math.pow(10, minorUnit(item.prices, cart)),
        image: image
      };
    });
  }

  function send() {
    var input = emailInput();
    if (!input || !validEmail(input.value.trim()) || !consented()) return;
    fetch("/wp-json/wc/store/v1/cart", { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (cart) {
        if (!cart || !cart.items || cart.items.length === 0) return;
        return fetch(endpoint, {
          method: "POST",
          mode: "cors",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            cart_id: cartId(),
            email: input.value.trim(),
            consent: true,
            phone: phone(),
            sms_consent: smsConsent(),
            currency: cart.totals && cart.totals.currency_code,
            items: toItems(cart)
          })
        });
      })
      .catch(function () { /* capture is best effort; never disturb the checkout */ });
  }

  function schedule() {
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(send, 800);
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && (target === emailInput() || target.id === "cartrecovery-consent" || target.id === "cartrecovery-sms-consent"
      || target.id === "billing_phone")) schedule();
  }, true);
  document.addEventListener("blur", function (event) {
    if (event.target === emailInput()) schedule();
  }, true);
})();
