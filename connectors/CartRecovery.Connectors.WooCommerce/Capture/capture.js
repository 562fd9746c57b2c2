/* CartRecovery storefront capture for WooCommerce.
 * Add to the shop's pages:  <script src="{{BASE}}capture/{{KEY}}/script.js" async></script>
 * When the shopper has typed a valid email at checkout and consented (a checkbox with id "cartrecovery-consent",
 * or window.cartRecoveryConsent = true set by the shop's consent tool), the cart read from WooCommerce's Store API
 * is posted to CartRecovery, so a cart that never becomes an order can still be recovered. Nothing is sent otherwise.
 * The billing phone goes with it when typed; texts need their own consent: a checkbox with id "cartrecovery-sms-consent"
 * (or window.cartRecoverySmsConsent = true/false); without either, no SMS consent is reported.
 * When the merchant switched on the exit question, a shopper whose cart was captured and whose pointer leaves the top of
 * the cart or checkout page (desktop only, once per session) is asked what stopped them; a click sends the reason. */
(function () {
  "use strict";
  var endpoint = "{{BASE}}capture/{{KEY}}";
  var storageKey = "cartrecovery_cart_id";
  var timer = null;
  var ask = "{{ASK}}";

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
      .then(function (response) { if (response && response.ok) remember("cartrecovery_captured"); })
      .catch(function () { /* capture is best effort; never disturb the checkout */ });
  }

  function schedule() {
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(send, 800);
  }

  function remember(key) {
    try { window.sessionStorage.setItem(key, "1"); } catch (e) { /* private mode */ }
  }

  function remembered(key) {
    try { return window.sessionStorage.getItem(key) === "1"; } catch (e) { return true; }
  }

  // The exit question: a small dialog that never covers the checkout, closes on Esc, and hands focus back.
  function askWhy() {
    var words = /^fr/i.test(document.documentElement.lang || ask.locale || "") ? ask.fr : ask.en;
    var previous = document.activeElement;
    var host = document.createElement("div");
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    root.innerHTML = "<style>"
      + ".box{position:fixed;top:16px;left:50%;transform:translateX(-50%);z-index:2147483647;width:min(360px,calc(100vw - 32px));"
      + "box-sizing:border-box;padding:20px;background:#fff;color:#1f2328;border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.25);"
      + "font:15px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}"
      + "h2{margin:0 32px 12px 0;font-size:17px}ul{list-style:none;margin:0;padding:0;display:grid;gap:6px}"
      + "button{font:inherit;cursor:pointer}.r{width:100%;text-align:left;padding:8px 12px;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa;color:inherit}"
      + ".r:hover,.r:focus-visible{border-color:#1f2328;background:#fff}.x{position:absolute;top:10px;right:10px;width:32px;height:32px;"
      + "border:0;background:none;font-size:22px;line-height:1;color:#57606a}p{margin:0}</style>"
      + "<div class=\"box\" role=\"dialog\" aria-modal=\"false\" aria-labelledby=\"crq\"><h2 id=\"crq\"></h2>"
      + "<button type=\"button\" class=\"x\">&times;</button><ul></ul></div>";
    var box = root.querySelector(".box");
    var close = root.querySelector(".x");
    root.querySelector("h2").textContent = words.title;
    close.setAttribute("aria-label", words.close);
    words.reasons.forEach(function (reason) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "r";
      button.setAttribute("data-reason", reason.r);
      button.textContent = reason.label;
      button.addEventListener("click", function () { give(reason.r); });
      item.appendChild(button);
      root.querySelector("ul").appendChild(item);
    });

    function dismiss() {
      document.removeEventListener("keydown", onKey, true);
      if (host.parentNode) host.parentNode.removeChild(host);
      if (previous && previous.focus) previous.focus();
    }
    function onKey(event) { if (event.key === "Escape") dismiss(); }
    function give(word) {
      fetch(endpoint + "/reason", {
        method: "POST",
        mode: "cors",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ cart_id: cartId(), reason: word })
      }).catch(function () { /* best effort */ });
      var thanks = document.createElement("p");
      thanks.setAttribute("role", "status");
      thanks.textContent = words.thanks;
      box.replaceChild(thanks, root.querySelector("ul"));
      close.focus();
      window.setTimeout(dismiss, 2500);
    }

    close.addEventListener("click", dismiss);
    document.addEventListener("keydown", onKey, true);
    document.body.appendChild(host);
    root.querySelector(".r").focus();
  }

  function onCartOrCheckout() {
    var classes = document.body ? document.body.classList : null;
    return classes !== null && (classes.contains("woocommerce-cart") || classes.contains("woocommerce-checkout"));
  }

  // Exit intent: the pointer leaves through the top of the window (towards the tabs or the address bar). Only with a
  // mouse, so a phone's scrolling never triggers it; never once the order is being placed.
  if (ask && window.matchMedia && window.matchMedia("(hover: hover) and (pointer: fine)").matches) {
    document.addEventListener("mouseout", function (event) {
      if (event.relatedTarget || event.clientY > 0 || !onCartOrCheckout()) return;
      if (!remembered("cartrecovery_captured") || remembered("cartrecovery_asked")) return;
      remember("cartrecovery_asked");
      askWhy();
    });
    document.addEventListener("submit", function () { remember("cartrecovery_asked"); }, true);
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
