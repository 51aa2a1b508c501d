using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunnelOps.Serving;

/// <summary>
/// Serves a folder (a site repository's working tree) over HTTP on loopback with clean URLs:
/// <c>/pricing/</c> is <c>pricing/index.html</c>. Honours a <c>_redirects</c> file. Never serves
/// dot-files (such as <c>.git</c>) or anything outside the folder.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The root URL, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts serving <paramref name="root"/> on a free loopback port.</summary>
    public static async Task<StaticSiteServer> StartAsync(string root, CancellationToken cancellationToken)
    {
        var fullRoot = Path.GetFullPath(root);
        if (!Directory.Exists(fullRoot))
        {
            throw new DirectoryNotFoundException($"The site folder {fullRoot} does not exist.");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context => ServeAsync(context, fullRoot));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new StaticSiteServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    private static async Task ServeAsync(HttpContext context, string root)
    {
        var path = context.Request.Path.Value ?? "/";
        if (RedirectRules.Load(root).TryMatch(path, out var target, out var status))
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = target;
            return;
        }

        var file = MapToFile(root, path);
        if (file is null)
        {
            await WriteNotFoundAsync(context, root);
            return;
        }

        if (Directory.Exists(file))
        {
            // A folder URL without its trailing slash: send the visitor to the canonical form.
            context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
            context.Response.Headers.Location = path + "/";
            return;
        }

        context.Response.ContentType = ContentTypeOf(file);
        await context.Response.SendFileAsync(file, context.RequestAborted);
    }

    /// <summary>
    /// Maps a URL path to a file under <paramref name="root"/>, or null when there is none or
    /// the path tries to leave the folder or reach a dot-file. <c>/x</c> is also looked up as
    /// <c>x.html</c>, as static hosts do.
    /// </summary>
    internal static string? MapToFile(string root, string urlPath)
    {
        var segments = urlPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s.StartsWith('.') || s.Contains('\\', StringComparison.Ordinal)))
        {
            return null;
        }

        var candidate = Path.GetFullPath(Path.Combine([root, .. segments]));
        if (urlPath.EndsWith('/'))
        {
            candidate = Path.Combine(candidate, "index.html");
        }

        foreach (var path in (string[])[candidate, candidate + ".html"])
        {
            if ((File.Exists(path) || Directory.Exists(path)) && SafePath.IsInside(root, path))
            {
                return path;
            }

            if (urlPath.EndsWith('/') || segments.Length == 0)
            {
                break;
            }
        }

        return null;
    }

    private static async Task WriteNotFoundAsync(HttpContext context, string root)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        var page = Path.Combine(root, "404.html");
        if (File.Exists(page))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(page, context.RequestAborted);
        }
    }

    private static string ContentTypeOf(string file)
    {
        if (!ContentTypes.TryGetContentType(file, out var type))
        {
            return "application/octet-stream";
        }

        return type.StartsWith("text/", StringComparison.Ordinal) ? type + "; charset=utf-8" : type;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
