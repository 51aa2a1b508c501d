using System.Text;

namespace FunnelOps.Fixes;

/// <summary>
/// A text file of the site repository, read so that it can be written back byte for byte:
/// the byte-order mark is remembered and line endings are never touched.
/// </summary>
public sealed class SourceFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SourceFile(string repositoryRoot, string relativePath, string text, bool hasBom)
    {
        RepositoryRoot = repositoryRoot;
        RelativePath = relativePath;
        Text = text;
        HasBom = hasBom;
    }

    /// <summary>The repository's working-tree folder.</summary>
    public string RepositoryRoot { get; }

    /// <summary>The path inside the repository, with forward slashes.</summary>
    public string RelativePath { get; }

    /// <summary>The full path on disk.</summary>
    public string FullPath => Path.Combine(RepositoryRoot, RelativePath);

    /// <summary>The decoded text, without the byte-order mark.</summary>
    public string Text { get; }

    /// <summary>True when the file starts with a UTF-8 byte-order mark.</summary>
    public bool HasBom { get; }

    /// <summary>Reads a UTF-8 file of the repository.</summary>
    /// <exception cref="InvalidDataException">When the file is not UTF-8 text.</exception>
    public static SourceFile Read(string repositoryRoot, string relativePath)
    {
        var bytes = File.ReadAllBytes(Path.Combine(repositoryRoot, relativePath));
        var hasBom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        try
        {
            var text = StrictUtf8.GetString(hasBom ? bytes.AsSpan(3) : bytes);
            return new SourceFile(repositoryRoot, relativePath.Replace('\\', '/'), text, hasBom);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException(
                $"{relativePath} is not UTF-8 text, so FunnelOps leaves it alone. Edit it by hand or save it as UTF-8.");
        }
    }

    /// <summary>The bytes of <paramref name="text"/> encoded as this file was: UTF-8, with its mark if it had one.</summary>
    public byte[] Encode(string text)
    {
        var body = StrictUtf8.GetBytes(text);
        return HasBom ? [.. Encoding.UTF8.Preamble, .. body] : body;
    }

    /// <summary>The line ending this file uses: CRLF when its first line ends with one, otherwise LF.</summary>
    public string LineEnding
    {
        get
        {
            var newline = Text.IndexOf('\n', StringComparison.Ordinal);
            return newline > 0 && Text[newline - 1] == '\r' ? "\r\n" : "\n";
        }
    }
}
