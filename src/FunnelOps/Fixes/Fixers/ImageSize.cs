using System.Globalization;
using System.Text;
using static System.Buffers.Binary.BinaryPrimitives;

namespace FunnelOps.Fixes.Fixers;

/// <summary>
/// Reads the pixel size of an image from its file header: PNG, GIF, JPEG, WebP and SVG. Only
/// the first bytes are read (for JPEG, the segment headers up to the frame header), so a large
/// or hostile file costs no more than a small one.
/// </summary>
internal static class ImageSize
{
    private const int HeaderLength = 32;
    private const int MaxSvgBytes = 64 * 1024;
    private const int MaxJpegSegments = 256;
    private const int MaxExifBytes = 64 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Vp8StartCode => [0x9D, 0x01, 0x2A];

    /// <summary>
    /// The width and height a browser shows <paramref name="path"/> at (JPEG rotation included),
    /// or null with the reason in <paramref name="why"/>.
    /// </summary>
    public static (int Width, int Height)? Read(string path, out string why)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            var header = new byte[HeaderLength];
            var length = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (ReadHeader(header.AsSpan(0, length), stream, path) is { Width: > 0, Height: > 0 } size)
            {
                why = "";
                return size;
            }

            why = "its size could not be read from the file (FunnelOps reads PNG, GIF, JPEG, WebP and SVG)";
            return null;
        }
        catch (IOException)
        {
            why = "its file could not be read";
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            why = "its file could not be read";
            return null;
        }
    }

    private static (int Width, int Height)? ReadHeader(ReadOnlySpan<byte> header, FileStream stream, string path)
    {
        if (header.StartsWith(PngSignature) && header.Length >= 24 && header[12..16].SequenceEqual("IHDR"u8))
        {
            return (ReadInt32BigEndian(header[16..]), ReadInt32BigEndian(header[20..]));
        }

        if ((header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8)) && header.Length >= 10)
        {
            return (ReadUInt16LittleEndian(header[6..]), ReadUInt16LittleEndian(header[8..]));
        }

        if (header.Length >= 16 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP(header);
        }

        if (header.Length >= 4 && header[0] == 0xFF && header[1] == 0xD8)
        {
            return Jpeg(stream);
        }

        return Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase) ? Svg(stream) : null;
    }

    private static (int Width, int Height)? WebP(ReadOnlySpan<byte> header)
    {
        var chunk = header[12..16];
        if (chunk.SequenceEqual("VP8 "u8) && header.Length >= 30 && header[23..26].SequenceEqual(Vp8StartCode))
        {
            // Lossy: 14-bit sizes after the frame tag and its start code; the top two bits are scaling.
            return (ReadUInt16LittleEndian(header[26..]) & 0x3FFF,
                ReadUInt16LittleEndian(header[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8) && header.Length >= 25 && header[20] == 0x2F)
        {
            // Lossless: width - 1 and height - 1 packed in 14 bits each.
            var bits = ReadUInt32LittleEndian(header[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8) && header.Length >= 30)
        {
            // Extended: the canvas width - 1 and height - 1 in 24 bits each.
            return (Read24(header[24..]) + 1, Read24(header[27..]) + 1);
        }

        return null;
    }

    private static int Read24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    private static (int Width, int Height)? Jpeg(FileStream stream)
    {
        stream.Position = 2;
        var orientation = 1;
        Span<byte> marker = stackalloc byte[4];
        for (var segment = 0; segment < MaxJpegSegments; segment++)
        {
            if (stream.ReadAtLeast(marker[..2], 2, throwOnEndOfStream: false) < 2 || marker[0] != 0xFF)
            {
                return null;
            }

            // Fill bytes (0xFF) may pad a marker; markers without a length stand alone.
            var code = marker[1];
            while (code == 0xFF)
            {
                var next = stream.ReadByte();
                if (next < 0)
                {
                    return null;
                }

                code = (byte)next;
            }

            if (code is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (code is 0xD9 or 0xDA || stream.ReadAtLeast(marker[..2], 2, throwOnEndOfStream: false) < 2)
            {
                return null;
            }

            var length = ReadUInt16BigEndian(marker) - 2;
            if (length < 0)
            {
                return null;
            }

            if (code is >= 0xC0 and <= 0xCF && code is not (0xC4 or 0xC8 or 0xCC))
            {
                return Frame(stream, orientation);
            }

            if (code == 0xE1 && length <= MaxExifBytes)
            {
                var data = new byte[length];
                if (stream.ReadAtLeast(data, length, throwOnEndOfStream: false) < length)
                {
                    return null;
                }

                orientation = ExifOrientation(data) ?? orientation;
                continue;
            }

            stream.Seek(length, SeekOrigin.Current);
        }

        return null;
    }

    private static (int Width, int Height)? Frame(FileStream stream, int orientation)
    {
        Span<byte> frame = stackalloc byte[5];
        if (stream.ReadAtLeast(frame, 5, throwOnEndOfStream: false) < 5)
        {
            return null;
        }

        var height = ReadUInt16BigEndian(frame[1..]);
        var width = ReadUInt16BigEndian(frame[3..]);

        // Orientations 5 to 8 turn the picture a quarter: browsers show it with the sides swapped.
        return orientation is >= 5 and <= 8 ? (height, width) : (width, height);
    }

    private static int? ExifOrientation(ReadOnlySpan<byte> data)
    {
        if (data.Length < 14 || !data.StartsWith("Exif\0\0"u8))
        {
            return null;
        }

        var tiff = data[6..];
        var little = tiff.StartsWith("II"u8);
        if (!little && !tiff.StartsWith("MM"u8))
        {
            return null;
        }

        ushort U16(ReadOnlySpan<byte> b) =>
            little ? ReadUInt16LittleEndian(b) : ReadUInt16BigEndian(b);
        uint U32(ReadOnlySpan<byte> b) =>
            little ? ReadUInt32LittleEndian(b) : ReadUInt32BigEndian(b);

        var directory = U32(tiff[4..]);
        if (directory > tiff.Length - 2)
        {
            return null;
        }

        var entries = U16(tiff[(int)directory..]);
        for (var i = 0; i < entries; i++)
        {
            var entry = (int)directory + 2 + (i * 12);
            if (entry + 12 > tiff.Length)
            {
                return null;
            }

            if (U16(tiff[entry..]) == 0x0112)
            {
                return U16(tiff[(entry + 8)..]);
            }
        }

        return null;
    }

    private static (int Width, int Height)? Svg(FileStream stream)
    {
        var buffer = new byte[MaxSvgBytes];
        stream.Position = 0;
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var start = text.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        StartTag root;
        try
        {
            root = StartTag.Read(text, start);
        }
        catch (FormatException)
        {
            return null;
        }

        var width = Pixels(root.Attribute("width")?.Value);
        var height = Pixels(root.Attribute("height")?.Value);
        var box = ViewBox(root.Attribute("viewBox")?.Value);
        return (width, height, box) switch
        {
            ({ } w, { } h, _) => (Round(w), Round(h)),
            ({ } w, null, { } b) => (Round(w), Round(w * b.Height / b.Width)),
            (null, { } h, { } b) => (Round(h * b.Width / b.Height), Round(h)),
            (null, null, { } b) => (Round(b.Width), Round(b.Height)),
            _ => null,
        };
    }

    // Only plain numbers and px are pixels; 100%, 2em and the like depend on the page, so the viewBox decides.
    private static double? Pixels(string? value)
    {
        var text = value?.Trim() ?? "";
        var number = Number(text.EndsWith("px", StringComparison.OrdinalIgnoreCase) ? text[..^2] : text);
        return number > 0 ? number : null;
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;

    private static (double Width, double Height)? ViewBox(string? value)
    {
        var parts = (value ?? "").Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4)
        {
            return null;
        }

        var width = Number(parts[2]);
        var height = Number(parts[3]);
        return width > 0 && height > 0 ? (width, height) : null;
    }

    private static int Round(double value) =>
        (int)Math.Min(int.MaxValue, Math.Round(value, MidpointRounding.AwayFromZero));
}
