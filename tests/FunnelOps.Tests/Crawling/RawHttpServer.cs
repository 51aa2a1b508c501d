using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FunnelOps.Tests.Crawling;

/// <summary>
/// A tiny HTTP/1.1 server on loopback built on a raw socket, for answers the static site server
/// cannot give: a response that stalls half way, or a host whose every request must be counted.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, Stream, CancellationToken, Task> _respond;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _accepting;

    private RawHttpServer(Func<string, Stream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The root URL, with the port the system chose.</summary>
    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The request lines received, such as <c>GET /robots.txt HTTP/1.1</c>.</summary>
    public IReadOnlyCollection<string> Requests => [.. _requests];

    /// <summary>Starts a server that answers each request line through <paramref name="respond"/>.</summary>
    public static RawHttpServer Start(Func<string, Stream, CancellationToken, Task> respond) => new(respond);

    /// <summary>Writes a complete response with a body and closes the connection.</summary>
    public static async Task WriteAsync(Stream stream, int status, string contentType, string body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var head = $"HTTP/1.1 {status} Status\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\n" +
            "Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await stream.WriteAsync(bytes, cancellationToken);
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        catch (SocketException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var requestLine = await ReadRequestLineAsync(stream, _stop.Token);
                _requests.Enqueue(requestLine);
                await _respond(requestLine, stream, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
            {
                // The client went away or the server is stopping.
            }
        }
    }

    private static async Task<string> ReadRequestLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, cancellationToken) == 0)
            {
                break;
            }

            head.Append((char)buffer[0]);
        }

        return head.ToString().Split("\r\n")[0];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
