using CartRecovery.Web.Features.SignIn;
using CartRecovery.Web.Tests.Browser;
using CartRecovery.Web.Tests.Security;
using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages.Accessibility;

/// <summary>
/// Every page of the app (enumerated from the app's endpoints, with account A's ids of <see cref="TenantHost"/>) and the
/// sign-in page, opened in Chromium in English and French, checked against the rules a screen-reader or keyboard user
/// depends on: the page's language, one h1, a main landmark and a skip link past any navigation, a label for every field, a name for every
/// button and link, alt on images, scoped table headers, and text contrast of at least 4.5:1 (3:1 for large text).
/// </summary>
public sealed class AccessibilityTests(TenantHost tenants) : IClassFixture<TenantHost>, IAsyncLifetime
{
    private HeadlessChromium _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.LaunchAsync();

    public async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
            await _chromium.DisposeAsync();
    }

    /// <summary>Returns the page's problems, one line each (an empty list when it keeps every rule).</summary>
    private const string Audit = """
        () => {
          const problems = [];
          const shown = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
          const text = el => (el.textContent || '').replace(/\s+/g, ' ').trim();
          const nameOf = el => {
            const labelledBy = el.getAttribute('aria-labelledby');
            const byId = labelledBy ? labelledBy.split(' ').map(id => document.getElementById(id)).filter(Boolean).map(text).join(' ') : '';
            const img = el.querySelector && el.querySelector('img[alt]');
            return (el.getAttribute('aria-label') || byId || text(el) || el.getAttribute('title') || el.value || (img ? img.getAttribute('alt') : '') || '').trim();
          };
          const describe = el => el.outerHTML.slice(0, 90);
          if (!document.documentElement.getAttribute('lang')) problems.push('no lang on <html>');
          const h1 = document.querySelectorAll('h1').length;
          if (h1 !== 1) problems.push(h1 + ' h1 elements');
          if (!document.querySelector('main')) problems.push('no <main> landmark');
          // Where navigation comes before the content, a skip link leads past it.
          if (document.querySelector('nav, header') && !document.querySelector('a[href="#main"]')) problems.push('no skip link to #main');
          for (const el of document.querySelectorAll('input, select, textarea')) {
            if (['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type)) continue;
            const labelled = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title');
            if (!labelled) problems.push('field without a label: ' + describe(el));
          }
          for (const el of document.querySelectorAll('button, a[href], input[type=submit], [role=button]')) {
            if (!nameOf(el)) problems.push('control without a name: ' + describe(el));
          }
          for (const img of document.querySelectorAll('img')) {
            if (!img.hasAttribute('alt')) problems.push('image without alt: ' + describe(img));
          }
          for (const th of document.querySelectorAll('thead th')) {
            if (!th.getAttribute('scope')) problems.push('column header without scope: ' + text(th));
          }
          const rgba = value => {
            const m = value.match(/rgba?\(([^)]+)\)/);
            if (!m) return null;
            const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
          };
          const background = el => {
            for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
              const c = rgba(getComputedStyle(node).backgroundColor);
              if (c && c.a > 0.5) return c;
              if (getComputedStyle(node).backgroundImage !== 'none') return null;
            }
            return { r: 255, g: 255, b: 255, a: 1 };
          };
          const luminance = c => {
            const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
          };
          const seen = new Set();
          for (const el of document.querySelectorAll('body *')) {
            if (!shown(el) || ['SCRIPT', 'STYLE', 'SVG', 'svg', 'OPTION'].includes(el.tagName) || el.closest('svg')) continue;
            const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
            if (!own) continue;
            const style = getComputedStyle(el);
            if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
            const fg = rgba(style.color), bg = background(el);
            if (!fg || !bg) continue;
            const l1 = luminance(fg), l2 = luminance(bg);
            const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
            const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            if (ratio < needed) {
              const key = style.color + ' on ' + JSON.stringify(bg) + ' ' + el.className;
              if (!seen.has(key)) { seen.add(key); problems.push('contrast ' + ratio.toFixed(2) + ':1 (' + style.color + ') for "' + text(el).slice(0, 40) + '" ' + describe(el)); }
            }
          }
          return problems;
        }
        """;

    [Fact]
    public async Task EveryPage_InEnglishAndFrench_KeepsTheAccessibilityRules()
    {
        var failures = new List<string>();
        var pages = tenants.PagesOfA();
        Assert.Contains(pages, p => p.Pattern == "/app/settings");
        foreach (var locale in new[] { "en-US", "fr-FR" })
        {
            var page = await SignedInAsync(locale);
            foreach (var surface in pages)
            {
                // An email preview is the email itself, shown in a frame of the sequence and template editors.
                if (surface.Pattern.StartsWith("/app/preview/", StringComparison.Ordinal))
                    continue;
                if (tenants.PathOfA(surface) is not { } path)
                {
                    failures.Add($"{surface.Pattern}: a route parameter the suite cannot fill (teach {nameof(TenantHost)}.{nameof(TenantHost.PathOfA)})");
                    continue;
                }
                await page.GotoAsync(new Uri(tenants.Host.BaseUrl, path).AbsoluteUri);
                failures.AddRange((await page.EvaluateAsync<string[]>(Audit)).Select(p => $"{locale} {path}: {p}"));
            }
            await page.Context.CloseAsync();
        }
        var signIn = await _chromium.NewPageAsync();
        await signIn.GotoAsync(new Uri(tenants.Host.BaseUrl, "sign-in").AbsoluteUri);
        failures.AddRange((await signIn.EvaluateAsync<string[]>(Audit)).Select(p => $"/sign-in: {p}"));

        Assert.True(failures.Count == 0, $"{failures.Count} accessibility problems:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Keyboard_FromTheTopOfAFormPage_ReachesTheSkipLinkFirstThenTheFormInOrder()
    {
        var page = await SignedInAsync("en-US");
        await page.GotoAsync(new Uri(tenants.Host.BaseUrl, $"app/settings?store={tenants.Targets.OwnStore.Id}&tab=branding").AbsoluteUri);

        await page.Keyboard.PressAsync("Tab");
        await page.WaitForFunctionAsync("() => document.activeElement.getAttribute('href') === '#main'");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement.id === 'main'");

        // Tabbing on from the main region walks the form's fields top to bottom, then left to right.
        var tops = new List<(double Top, double Left, string Name)>();
        for (var i = 0; i < 40 && tops.Count < 6; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<double[]?>(
                "() => { const el = document.activeElement; if (!el.closest('main form') || !['INPUT','SELECT','TEXTAREA'].includes(el.tagName)) return null; const r = el.getBoundingClientRect(); return [r.top + window.scrollY, r.left]; }");
            if (focused is { Length: 2 })
                tops.Add((focused[0], focused[1], await page.EvaluateAsync<string>("() => document.activeElement.name")));
        }
        Assert.True(tops.Count >= 3, $"only {tops.Count} fields reached by Tab");
        for (var i = 1; i < tops.Count; i++)
        {
            var (before, after) = (tops[i - 1], tops[i]);
            Assert.True(after.Top > before.Top + 1 || (Math.Abs(after.Top - before.Top) <= 1 && after.Left > before.Left),
                $"Tab went from {before.Name} to {after.Name}, against the visual order");
        }
    }

    private async Task<IPage> SignedInAsync(string locale)
    {
        var link = await tenants.Host.App.Service<SignInLinks>().IssueAsync(TenantHost.OwnerEmailA, "test", null, TenantHost.Ct);
        var context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(link.AbsoluteUri);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(new Uri(tenants.Host.BaseUrl, "app").AbsoluteUri + "**");
        return page;
    }
}
