using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FunnelOps.Tests.Rendering;

/// <summary>
/// A real HTTP server on loopback that serves a few fixed pages and never answers any path
/// starting with <c>/stall</c>: it accepts the request and holds the connection open until disposed.
/// Paths starting with <c>/slow</c> are answered after half a second.
/// </summary>
public sealed class StallingSite : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Dictionary<string, string> _pages;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _held = [];
    private readonly Task _loop;

    private StallingSite(Dictionary<string, string> pages)
    {
        _pages = pages;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Address { get; }

    public static StallingSite Start(params (string Path, string Html)[] pages) =>
        new(pages.ToDictionary(p => p.Path, p => p.Html, StringComparer.Ordinal));

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        var stream = client.GetStream();
        var buffer = new byte[8192];
        var read = await stream.ReadAsync(buffer, _stop.Token);
        var path = Encoding.ASCII.GetString(buffer, 0, read).Split(' ') is { Length: > 1 } parts ? parts[1] : "/";
        if (path.StartsWith("/stall", StringComparison.Ordinal))
        {
            lock (_held)
            {
                _held.Add(client);
            }

            return;
        }

        if (path.StartsWith("/slow", StringComparison.Ordinal))
        {
            await Task.Delay(500, _stop.Token);
        }

        var found = _pages.TryGetValue(path, out var html);
        var type = path.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/html; charset=utf-8";
        var body = Encoding.UTF8.GetBytes(html ?? "Not found");
        var head = $"HTTP/1.1 {(found ? "200 OK" : "404 Not Found")}\r\nContent-Type: {type}\r\n" +
            $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
        await stream.WriteAsync(body, _stop.Token);
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }
}
