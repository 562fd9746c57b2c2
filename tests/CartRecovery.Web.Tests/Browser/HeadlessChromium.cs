using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>), headless, driven by Playwright's bundled driver. Playwright's own
/// browser builds are never downloaded: a machine without the chromium package fails these tests and says so.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // No sandbox: tests run as root in a container. The rest keeps Chromium off the network beyond loopback.
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
            Assert.Fail($"Chromium is missing: {ExecutablePath} does not exist. The browser tests drive Debian's Chromium; "
                + "install it with 'apt-get install -y chromium' (CI's .ci/run does).");
        var playwright = await Playwright.CreateAsync();
        try
        {
            // Generous: a cold Chromium start on a busy 2-core machine can take several seconds.
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Args,
                Timeout = 60_000,
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh page in its own context (own storage), whose console and failed requests go to the test output.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = await Browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var output = TestContext.Current.TestOutputHelper;
        page.Console += (_, message) => output?.WriteLine($"[browser {message.Type}] {message.Text}");
        page.RequestFailed += (_, request) => output?.WriteLine($"[browser request failed] {request.Method} {request.Url}: {request.Failure}");
        return page;
    }

    /// <summary>Where page screenshots go: <c>screenshots/</c> under the test output, for a person to look at.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// Saves what a merchant sees on this page at desktop (1280 px) and phone (390 px) width, as
    /// <c>{name}-desktop.png</c> and <c>{name}-phone.png</c>, full page, then puts the page back at its own size. Returns the two paths.
    /// </summary>
    public static async Task<string[]> SaveScreenshotsAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        var paths = new List<string>();
        var before = page.ViewportSize;
        foreach (var (width, height, suffix) in new[] { (1280, 800, "desktop"), (390, 844, "phone") })
        {
            await page.SetViewportSizeAsync(width, height);
            // A resize makes every frame lay out and paint again (an embedded app's iframe too): wait two animation
            // frames in each, or the shot can catch a frame still blank.
            foreach (var frame in page.Frames)
            {
                // A sandboxed frame without scripts (an email preview) never runs this: wait for it a moment, not forever.
                var painted = frame.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
                await Task.WhenAny(painted, Task.Delay(TimeSpan.FromSeconds(1)));
            }
            await PaintFramesAsync(page, width, height);
            var path = Path.Combine(ScreenshotDirectory, $"{name}-{suffix}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            paths.Add(path);
        }
        // The test goes on at the width it had (a phone-width page folds its menu away).
        if (before is not null)
            await page.SetViewportSizeAsync(before.Width, before.Height);
        return [.. paths];
    }

    /// <summary>
    /// Chromium does not paint a cross-origin frame while it is off screen (the email previews are sandboxed, so their
    /// origin is opaque), and a full-page shot does not wake it: the frames had loaded, yet the shot showed them blank
    /// below the fold (checked live: the frames' documents were there, and scrolled into view they showed). So the window
    /// is made as tall as the page and each frame scrolled into view once: every frame is on screen when the shot is taken.
    /// </summary>
    private static async Task PaintFramesAsync(IPage page, int width, int height)
    {
        var pageHeight = await page.EvaluateAsync<int>("() => Math.ceil(document.documentElement.scrollHeight)");
        if (pageHeight > height)
            await page.SetViewportSizeAsync(width, Math.Min(pageHeight, 16_000));
        foreach (var frame in page.Frames.Where(f => f != page.MainFrame && !f.IsDetached))
        {
            if (await frame.FrameElementAsync() is { } element && await element.IsVisibleAsync())
                await element.ScrollIntoViewIfNeededAsync();
            var painted = frame.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
            await Task.WhenAny(painted, Task.Delay(TimeSpan.FromMilliseconds(500)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
