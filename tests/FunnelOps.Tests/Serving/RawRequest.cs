using System.Net.Sockets;
using System.Text;

namespace FunnelOps.Tests.Serving;

/// <summary>
/// Sends a request line exactly as written, over a plain socket, so that paths such as
/// <c>/../</c> or <c>/%2e%2e/</c> reach the server without a client normalising them first.
/// </summary>
public static class RawRequest
{
    public static async Task<(int Status, string Body)> GetAsync(Uri server, string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var response = new MemoryStream();
        await stream.CopyToAsync(response);
        var text = Encoding.UTF8.GetString(response.ToArray());
        var status = int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var bodyStart = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, bodyStart < 0 ? "" : text[(bodyStart + 4)..]);
    }
}
