using System.Buffers.Binary;
using System.Text;

namespace FunnelOps.Tests.Fixes;

/// <summary>
/// The first bytes of image files in each format FunnelOps reads, built by hand from the format
/// specifications: enough for a header reader, not for a browser (use <c>Png.Create</c> for that).
/// </summary>
public static class ImageHeaders
{
    public static byte[] Gif(int width, int height)
    {
        var bytes = new byte[13];
        "GIF89a"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)height);
        return bytes;
    }

    /// <summary>A JPEG with a JFIF segment, an optional EXIF orientation, a padded marker and a frame.</summary>
    public static byte[] Jpeg(int width, int height, int? orientation = null, bool bigEndian = false)
    {
        using var output = new MemoryStream();
        output.Write([0xFF, 0xD8]);
        Segment(output, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (orientation is { } value)
        {
            Segment(output, 0xE1, Exif(value, bigEndian));
        }

        Segment(output, 0xDB, new byte[65]);
        output.WriteByte(0xFF); // a fill byte before the frame marker
        var frame = new byte[15];
        frame[0] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(1), (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(3), (ushort)width);
        frame[5] = 3;
        Segment(output, 0xC2, frame);
        Segment(output, 0xDA, new byte[10]);
        return output.ToArray();
    }

    /// <summary>A lossy WebP ("VP8 " chunk).</summary>
    public static byte[] WebPLossy(int width, int height)
    {
        var bytes = Riff("VP8 ", 30);
        bytes[23] = 0x9D;
        bytes[24] = 0x01;
        bytes[25] = 0x2A;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(26), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(28), (ushort)height);
        return bytes;
    }

    /// <summary>A lossless WebP ("VP8L" chunk).</summary>
    public static byte[] WebPLossless(int width, int height)
    {
        var bytes = Riff("VP8L", 30);
        bytes[20] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(21), (uint)((width - 1) | ((height - 1) << 14)));
        return bytes;
    }

    /// <summary>An extended WebP ("VP8X" chunk), as animated or transparent images are written.</summary>
    public static byte[] WebPExtended(int width, int height)
    {
        var bytes = Riff("VP8X", 30);
        Write24(bytes.AsSpan(24), width - 1);
        Write24(bytes.AsSpan(27), height - 1);
        return bytes;
    }

    public static byte[] Svg(string rootAttributes) =>
        Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Exported from a drawing tool -->
            <svg xmlns="http://www.w3.org/2000/svg" {rootAttributes}><rect width="10" height="10"/></svg>
            """);

    private static void Segment(MemoryStream output, byte marker, byte[] data)
    {
        output.Write([0xFF, marker]);
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(data.Length + 2));
        output.Write(length);
        output.Write(data);
    }

    private static byte[] Exif(int orientation, bool bigEndian)
    {
        // "Exif\0\0", a TIFF header, then IFD0 with one entry: Orientation (0x0112), SHORT, count 1.
        var data = new byte[6 + 8 + 2 + 12 + 4];
        "Exif\0\0"u8.CopyTo(data);
        var body = data.AsSpan(6);
        (bigEndian ? "MM"u8 : "II"u8).CopyTo(body);
        Write16(body[2..], 42, bigEndian);
        Write32(body[4..], 8, bigEndian);
        Write16(body[8..], 1, bigEndian);
        Write16(body[10..], 0x0112, bigEndian);
        Write16(body[12..], 3, bigEndian);
        Write32(body[14..], 1, bigEndian);
        Write16(body[18..], (ushort)orientation, bigEndian);
        return data;
    }

    private static byte[] Riff(string chunk, int length)
    {
        var bytes = new byte[length];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(length - 8));
        "WEBP"u8.CopyTo(bytes.AsSpan(8));
        Encoding.ASCII.GetBytes(chunk).CopyTo(bytes, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), (uint)(length - 20));
        return bytes;
    }

    private static void Write16(Span<byte> span, ushort value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span, value);
        }
    }

    private static void Write32(Span<byte> span, uint value, bool bigEndian)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(span, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span, value);
        }
    }

    private static void Write24(Span<byte> span, int value)
    {
        span[0] = (byte)value;
        span[1] = (byte)(value >> 8);
        span[2] = (byte)(value >> 16);
    }
}
