// CartRecovery's own script: small conveniences only; every page works without it.
document.documentElement.classList.add('js');
document.addEventListener('change', (event) => {
  // A select marked data-autosubmit submits its form when changed (the store switcher).
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute('data-autosubmit') && target.form) {
    target.form.requestSubmit();
  }
});

document.addEventListener('click', (event) => {
  // The menu button (phones) shows and hides the sidebar.
  const button = event.target instanceof Element ? event.target.closest('.nav-button') : null;
  if (!button) return;
  const nav = document.getElementById(button.getAttribute('aria-controls'));
  const open = nav.classList.toggle('open');
  button.setAttribute('aria-expanded', String(open));
});

/* --- Dashboard, team and keys --- */
// A new API key's token is selected when its field gets focus, ready to copy.
document.querySelectorAll('[data-select-on-focus]').forEach(function (field) {
  field.addEventListener('focus', function () { field.select(); });
});
/* --- Settings --- */
// A button with data-copy="id" copies that field's text (the capture snippet) and says so.
document.addEventListener('click', function (event) {
  var button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
  var field = button ? document.getElementById(button.getAttribute('data-copy')) : null;
  if (!field || !navigator.clipboard) {
    return;
  }
  navigator.clipboard.writeText(field.value).then(function () {
    button.textContent = button.getAttribute('data-copied-text');
  });
});

/* --- Carts: product thumbnails --- */
// A shop's product image can be gone (a deleted product, an expired CDN link, a SKU the demo shop never sold): show
// the neutral placeholder the page uses for lines without an image instead of a broken picture.
document.querySelectorAll('img.thumb').forEach(function (image) {
  function usePlaceholder() {
    var placeholder = document.createElement('span');
    placeholder.className = 'thumb placeholder';
    placeholder.setAttribute('aria-hidden', 'true');
    image.replaceWith(placeholder);
  }
  if (image.complete && image.naturalWidth === 0) {
    usePlaceholder();
  } else {
    image.addEventListener('error', usePlaceholder);
  }
});
