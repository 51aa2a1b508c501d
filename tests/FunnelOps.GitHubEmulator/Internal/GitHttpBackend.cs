using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FunnelOps.GitHubEmulator.Internal;

/// <summary>
/// Git's smart HTTP protocol, served by running <c>git http-backend</c> as a CGI program for each request: the
/// request body streams to its input (inflated first when the client gzipped it) and its CGI headers and body
/// stream back.
/// </summary>
internal static class GitHttpBackend
{
    public static async Task ServeAsync(
        HttpContext context, string projectRoot, string pathInfo, string remoteUser, string? rejectPush)
    {
        var request = context.Request;
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("http-backend");

        // Variables from a surrounding Git process (a test run from a hook, say) must not leak into the backend.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["GIT_PROJECT_ROOT"] = projectRoot;
        start.Environment["GIT_HTTP_EXPORT_ALL"] = "1";
        start.Environment["PATH_INFO"] = pathInfo;
        start.Environment["REQUEST_METHOD"] = request.Method;
        start.Environment["QUERY_STRING"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        start.Environment["CONTENT_TYPE"] = request.ContentType ?? "";
        start.Environment["REMOTE_USER"] = remoteUser;
        start.Environment["REMOTE_ADDR"] = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        start.Environment["SERVER_PROTOCOL"] = request.Protocol;
        if (request.Headers.TryGetValue("Git-Protocol", out var protocol))
        {
            start.Environment["HTTP_GIT_PROTOCOL"] = protocol.ToString();
        }

        if (rejectPush is not null)
        {
            start.Environment[BareRepository.RejectPushVariable] = rejectPush;
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("Could not start 'git http-backend': is Git installed?");
        var errors = process.StandardError.ReadToEndAsync(context.RequestAborted);
        var feed = FeedRequestAsync(request, process.StandardInput.BaseStream, context.RequestAborted);

        var output = process.StandardOutput.BaseStream;
        var headers = await ReadCgiHeadersAsync(output, context.RequestAborted);
        context.Response.StatusCode = 200;
        foreach (var (name, value) in headers)
        {
            if (string.Equals(name, "Status", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = int.Parse(value.AsSpan(0, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                context.Response.Headers.Append(name, value);
            }
        }

        await output.CopyToAsync(context.Response.Body, context.RequestAborted);
        await feed;
        await process.WaitForExitAsync(context.RequestAborted);
        var stderr = await errors;
        if (process.ExitCode != 0 && !context.Response.HasStarted)
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync($"git http-backend failed: {stderr}", context.RequestAborted);
        }
    }

    private static async Task FeedRequestAsync(HttpRequest request, Stream input, CancellationToken cancellationToken)
    {
        try
        {
            var body = request.Body;
            if (string.Equals(request.Headers.ContentEncoding.ToString(), "gzip", StringComparison.OrdinalIgnoreCase))
            {
                body = new GZipStream(body, CompressionMode.Decompress, leaveOpen: true);
            }

            await body.CopyToAsync(input, cancellationToken);
        }
        catch (IOException)
        {
            // The backend stopped reading (it answered an error early); its answer says why.
        }
        finally
        {
            await input.DisposeAsync();
        }
    }

    private static async Task<List<(string Name, string Value)>> ReadCgiHeadersAsync(
        Stream output, CancellationToken cancellationToken)
    {
        var headers = new List<(string, string)>();
        var line = new StringBuilder();
        var one = new byte[1];
        while (await output.ReadAsync(one, cancellationToken) == 1)
        {
            if (one[0] == (byte)'\r')
            {
                continue;
            }

            if (one[0] != (byte)'\n')
            {
                line.Append((char)one[0]);
                continue;
            }

            if (line.Length == 0)
            {
                break;
            }

            var text = line.ToString();
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add((text[..colon].Trim(), text[(colon + 1)..].Trim()));
            }

            line.Clear();
        }

        return headers;
    }
}
