using System.Text;
using FunnelOps.Fixes;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Fixes;

public sealed class SourceFileTests
{
    [Theory]
    [MemberData(nameof(FileShapes.All), MemberType = typeof(FileShapes))]
    public void A_file_read_and_encoded_again_is_the_same_bytes(string newline, bool bom)
    {
        using var folder = new TempFolder();
        var bytes = FixerRun.Bytes("<title>Café — ünïcödé 😀</title>\n<p>Line two</p>\n", newline, bom);
        folder.WriteBytes("page.html", bytes);

        var file = SourceFile.Read(folder.Path, "page.html");

        Assert.Equal(bom, file.HasBom);
        Assert.False(file.Text.StartsWith('\uFEFF'));
        Assert.Equal(newline, file.LineEnding);
        Assert.Equal(bytes, file.Encode(file.Text));
    }

    [Fact]
    public void The_relative_path_uses_forward_slashes()
    {
        using var folder = TempFolder.With(("public/pricing/index.html", "<title>Pricing</title>"));

        var file = SourceFile.Read(folder.Path, Path.Combine("public", "pricing", "index.html"));

        Assert.Equal("public/pricing/index.html", file.RelativePath);
        Assert.Equal(Path.Combine(folder.Path, "public", "pricing", "index.html"), file.FullPath);
    }

    [Fact]
    public void A_file_that_is_not_UTF_8_is_refused_with_advice()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("legacy.html", Encoding.Latin1.GetBytes("<title>Café</title>"));

        var error = Assert.Throws<InvalidDataException>(() => SourceFile.Read(folder.Path, "legacy.html"));

        Assert.Equal(
            "legacy.html is not UTF-8 text, so FunnelOps leaves it alone. Edit it by hand or save it as UTF-8.",
            error.Message);
    }

    [Fact]
    public void A_file_whose_first_line_has_no_ending_counts_as_LF()
    {
        using var folder = TempFolder.With(("one-line.html", "<title>x</title>"));

        Assert.Equal("\n", SourceFile.Read(folder.Path, "one-line.html").LineEnding);
    }
}
