namespace FunnelOps.Publishing;

/// <summary>A pull request's title and Markdown body.</summary>
/// <param name="Title">One line, plain text.</param>
/// <param name="Body">Markdown.</param>
public sealed record PullRequestText(string Title, string Body)
{
    /// <summary>The title and body as one Markdown document, as written to <c>pull-request.md</c>.</summary>
    public string ToMarkdown() => $"# {Reporting.MarkdownText.Escape(Title)}\n\n{Body}";
}
