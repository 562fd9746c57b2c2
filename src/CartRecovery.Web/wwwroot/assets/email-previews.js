// Live email previews for the sequence and template editors. When a field of the form marked data-live-preview
// changes, the page is asked again (debounced) with the unsaved values, through the form's own action (the editor's
// Preview handler, which saves nothing), and its #preview region is swapped in. Without this script the Preview
// button does the same with a whole page.
(() => {
  const form = document.querySelector('form[data-live-preview]');
  const region = document.getElementById('preview');
  if (!form || !region) return;
  let timer = 0;
  let latest = 0;
  let pending = null;

  const refresh = async () => {
    const mine = ++latest;
    pending?.abort();
    pending = new AbortController();
    region.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(form.getAttribute('action'), {
        method: 'POST', body: new FormData(form), credentials: 'same-origin', signal: pending.signal,
      });
      if (!response.ok || mine !== latest) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('preview');
      if (fresh && mine === latest) {
        region.replaceChildren(...Array.from(fresh.childNodes, (node) => document.importNode(node, true)));
        region.dataset.version = String(mine);
      }
    } catch (error) {
      if (error.name !== 'AbortError') console.warn('preview failed', error);
    } finally {
      if (mine === latest) region.removeAttribute('aria-busy');
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  };
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
})();
