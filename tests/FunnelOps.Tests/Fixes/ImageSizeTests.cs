using FunnelOps.Fixes.Fixers;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Fixes;

public sealed class ImageSizeTests
{
    public static TheoryData<string, byte[], int, int> Images => new()
    {
        { "a.png", Png.Create(12, 7), 12, 7 },
        { "a.gif", ImageHeaders.Gif(320, 200), 320, 200 },
        { "a.jpg", ImageHeaders.Jpeg(1600, 900), 1600, 900 },
        { "a.webp", ImageHeaders.WebPLossy(1024, 768), 1024, 768 },
        { "b.webp", ImageHeaders.WebPLossless(640, 427), 640, 427 },
        { "c.webp", ImageHeaders.WebPExtended(4000, 3000), 4000, 3000 },
        { "a.svg", ImageHeaders.Svg("""width="120" height="40px" viewBox="0 0 60 20" """), 120, 40 },
        { "b.svg", ImageHeaders.Svg("""viewBox="0 0 240.5 80" """), 241, 80 },
        { "c.svg", ImageHeaders.Svg("""width="300" viewBox="0,0,150,50" """), 300, 100 },
        { "d.svg", ImageHeaders.Svg("""width="100%" height="100%" viewBox="0 0 64 48" """), 64, 48 },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void The_size_is_read_from_the_files_header(string name, byte[] contents, int width, int height)
    {
        using var folder = new TempFolder();

        var size = ImageSize.Read(folder.WriteBytes(name, contents), out var why);

        Assert.Equal((width, height), size);
        Assert.Equal("", why);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(8, true)]
    public void A_jpeg_turned_a_quarter_by_its_exif_orientation_has_its_sides_swapped(int orientation, bool bigEndian)
    {
        using var folder = new TempFolder();
        var photo = folder.WriteBytes("photo.jpg", ImageHeaders.Jpeg(4032, 3024, orientation, bigEndian));

        var size = ImageSize.Read(photo, out _);

        Assert.Equal((3024, 4032), size);
    }

    [Fact]
    public void A_jpeg_the_right_way_up_keeps_its_sides()
    {
        using var folder = new TempFolder();

        var photo = folder.WriteBytes("photo.jpg", ImageHeaders.Jpeg(4032, 3024, orientation: 1));

        var size = ImageSize.Read(photo, out _);

        Assert.Equal((4032, 3024), size);
    }

    public static TheoryData<string, byte[]> Unreadable => new()
    {
        { "a.avif", [0, 0, 0, 0x1C, .. "ftypavif"u8] },
        { "a.png", [0x89, .. "PNG"u8] },
        { "a.jpg", [0xFF, 0xD8, 0xFF, 0xDA, 0, 2] },
        { "a.svg", [.. "<p>"u8] },
        { "a.webp", [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBPVP8X"u8] },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void A_file_in_another_format_or_cut_short_gives_no_size_and_says_why(string name, byte[] contents)
    {
        using var folder = new TempFolder();

        var size = ImageSize.Read(folder.WriteBytes(name, contents), out var why);

        Assert.Null(size);
        Assert.Equal("its size could not be read from the file (FunnelOps reads PNG, GIF, JPEG, WebP and SVG)", why);
    }

    [Fact]
    public void An_svg_with_relative_sizes_and_no_view_box_gives_no_size()
    {
        using var folder = new TempFolder();

        var svg = folder.WriteBytes("a.svg", ImageHeaders.Svg("""width="100%" height="2em" """));

        var size = ImageSize.Read(svg, out _);

        Assert.Null(size);
    }

    [Fact]
    public void A_jpeg_is_read_up_to_its_frame_header_only()
    {
        // A frame header after 100 segments of 60 KB each: 6 MB the reader skips without reading.
        using var folder = new TempFolder();
        var path = folder.WriteBytes("big.jpg", ImageHeaders.Jpeg(800, 600));
        var bytes = File.ReadAllBytes(path);
        using (var stream = File.Create(path))
        {
            stream.Write(bytes.AsSpan(0, 2));
            var padding = new byte[60_000];
            for (var i = 0; i < 100; i++)
            {
                stream.Write([0xFF, 0xE2, (byte)((padding.Length + 2) >> 8), (byte)(padding.Length + 2)]);
                stream.Write(padding);
            }

            stream.Write(bytes.AsSpan(2));
        }

        Assert.Equal((800, 600), ImageSize.Read(path, out _));
    }
}
