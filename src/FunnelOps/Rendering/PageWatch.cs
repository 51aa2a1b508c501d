using Microsoft.Playwright;

namespace FunnelOps.Rendering;

/// <summary>
/// What one render's page does besides loading: console errors, failed requests, dialogs,
/// windows it opens, navigations away, a crash. Everything kept is bounded.
/// </summary>
internal sealed class PageWatch
{
    private const int MaxKept = 10;
    private readonly Uri _url;
    private readonly object _gate = new();
    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _failedRequests = [];
    private readonly List<string> _notes = [];
    private int _consoleErrorCount;
    private int _failedRequestCount;

    public PageWatch(Uri url) => _url = url;

    /// <summary>Set once the first navigation has committed; later main-frame navigations are refused.</summary>
    public bool Arrived { get; set; }

    /// <summary>True when the page's renderer process crashed.</summary>
    public bool Crashed { get; private set; }

    public int ConsoleErrorCount => _consoleErrorCount;

    public int FailedRequestCount => _failedRequestCount;

    public IReadOnlyList<string> ConsoleErrors { get { lock (_gate) { return [.. _consoleErrors]; } } }

    public IReadOnlyList<string> FailedRequests { get { lock (_gate) { return [.. _failedRequests]; } } }

    public IReadOnlyList<string> Notes { get { lock (_gate) { return [.. _notes]; } } }

    /// <summary>Listens to <paramref name="page"/> and to windows opened in <paramref name="context"/>.</summary>
    public void Attach(IBrowserContext context, IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Count(ref _consoleErrorCount, _consoleErrors, Cut(message.Text));
            }
        };
        page.PageError += (_, error) => Count(ref _consoleErrorCount, _consoleErrors, Cut(error.Split('\n')[0]));
        page.RequestFailed += (_, request) =>
        {
            // Requests to other hosts are refused on purpose; only the site's own failures count.
            if (SameSite(request.Url) && request.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                Count(ref _failedRequestCount, _failedRequests, $"{Cut(request.Url)} ({failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && SameSite(response.Url))
            {
                Count(ref _failedRequestCount, _failedRequests, $"{Cut(response.Url)} (status {response.Status})");
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            Note($"The page showed a dialog ({dialog.Type}: \"{Cut(dialog.Message)}\"); it was dismissed.");
            await Quietly(dialog.DismissAsync());
        };
        page.Crash += (_, _) => Crashed = true;
        context.Page += async (_, popup) =>
        {
            Note("The page opened a new window; it was closed.");
            await Quietly(popup.CloseAsync());
        };
    }

    public void Note(string note)
    {
        lock (_gate)
        {
            if (_notes.Count < MaxKept && !_notes.Contains(note))
            {
                _notes.Add(note);
            }
        }
    }

    private void Count(ref int count, List<string> kept, string text)
    {
        Interlocked.Increment(ref count);
        lock (_gate)
        {
            if (kept.Count < MaxKept)
            {
                kept.Add(text);
            }
        }
    }

    private bool SameSite(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Authority == _url.Authority;

    private static string Cut(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (PlaywrightException)
        {
            // The page or window is already gone.
        }
    }
}
