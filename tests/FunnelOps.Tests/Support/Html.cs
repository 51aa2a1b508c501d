namespace FunnelOps.Tests.Support;

/// <summary>Small, complete HTML pages for tests.</summary>
public static class Html
{
    /// <summary>A page with a title, the given head markup and body markup.</summary>
    public static string Page(string title, string head = "", string body = "<p>Hello.</p>") => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{title}</title>
        {head}
        </head>
        <body>
        <main>
        <h1>{title}</h1>
        {body}
        </main>
        </body>
        </html>
        """;
}
