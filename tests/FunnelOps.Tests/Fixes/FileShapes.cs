namespace FunnelOps.Tests.Fixes;

/// <summary>The shapes a source file comes in: LF or CRLF line endings, with or without a UTF-8 byte-order mark.</summary>
public static class FileShapes
{
    public static TheoryData<string, bool> All => new()
    {
        { "\n", false },
        { "\r\n", false },
        { "\n", true },
        { "\r\n", true },
    };
}
