using Microsoft.Playwright;

namespace CommerceDesk.Tests.Browser;

/// <summary>
/// Records what the page's pointer and click events hit, so a browser test that waits in vain for a click to
/// navigate fails with the events the browser really sent (press, release and click targets, the selection,
/// the URL) instead of a bare timeout.
/// </summary>
public static class PointerTrace
{
    private const string Install = """
        () => {
            window.cdPointerTrace = [];
            const name = n => n instanceof Element
                ? `${n.tagName.toLowerCase()}${n.getAttribute('href') ? `[href=${n.getAttribute('href')}]` : ''} "${(n.textContent || '').trim().slice(0, 24)}"${n.isConnected ? '' : ' (detached)'}`
                : String(n);
            for (const type of ['pointerdown', 'pointerup', 'pointercancel', 'click', 'auxclick', 'dragstart'])
                document.addEventListener(type, e => {
                    const s = getSelection();
                    window.cdPointerTrace.push(`${performance.now().toFixed(0)} ms ${type} on ${name(e.target)} trusted=${e.isTrusted} ` +
                        `button=${e.button} selection=${s.isCollapsed ? 'collapsed' : `"${s.toString().slice(0, 24)}"`} url=${location.pathname}`);
                }, true);
            new MutationObserver(changes => window.cdPointerTrace.push(`${performance.now().toFixed(0)} ms grid rows changed (${changes.length})`))
                .observe(document.querySelector('tbody'), { childList: true });
        }
        """;

    public static Task StartAsync(IPage page) => page.EvaluateAsync(Install);

    /// <summary>Waits for the page to show <paramref name="path"/>; if it never does, fails with the events recorded.</summary>
    public static async Task ExpectPathAsync(IPage page, string path)
    {
        try
        {
            await BrowserApp.ExpectPathAsync(page, path);
        }
        catch (PlaywrightException failure)
        {
            var events = await page.EvaluateAsync<string[]>("() => window.cdPointerTrace ?? []");
            var rows = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('tbody tr')].map(r => r.innerText.replace(/\\s+/g, ' ')).join(' | ')");
            throw new ShouldAssertException(
                $"The page stayed on {page.Url} instead of {path}.\nGrid rows: {rows}\nEvents:\n  {string.Join("\n  ", events)}", failure);
        }
    }
}
