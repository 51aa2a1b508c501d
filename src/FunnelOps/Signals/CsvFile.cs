using System.Text;

namespace FunnelOps.Signals;

/// <summary>
/// Reads CSV as RFC 4180 describes it: fields separated by commas, quoted with double quotes
/// when they hold commas, quotes or line breaks, a doubled quote for a quote. Accepts what real
/// exports add: a byte-order mark, UTF-16 (Google Ads' default), tab separators in UTF-16
/// exports, CRLF or LF line ends. Input is bounded in bytes, rows and field length.
/// </summary>
internal static class CsvFile
{
    /// <summary>The largest export read: 50 MB is several hundred thousand rows of any of the known reports.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>The most rows read from one export.</summary>
    public const int MaxRows = 500_000;

    /// <summary>The longest field: URLs and queries are far shorter.</summary>
    public const int MaxFieldLength = 8_192;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="SignalImportException">When the file is missing, too large or malformed.</exception>
    public static IReadOnlyList<CsvRow> Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new SignalImportException(path, 0, 0, "The file does not exist. Check the path and run again.");
        }

        if (info.Length > MaxBytes)
        {
            throw new SignalImportException(path, 0, 0, $"The file is {info.Length / 1024 / 1024} MB; at most " +
                $"{MaxBytes / 1024 / 1024} MB is read. Export a shorter date range or fewer dimensions.");
        }

        return Parse(path, Decode(File.ReadAllBytes(path)));
    }

    /// <summary>Turns the bytes into text, honouring a UTF-8 or UTF-16 byte-order mark.</summary>
    public static string Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        // UTF-16 without a mark still shows itself: ASCII text has a zero in every other byte.
        if (bytes.Length >= 4 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0)
        {
            return Encoding.Unicode.GetString(bytes);
        }

        var skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return new UTF8Encoding(false, false).GetString(bytes, skip, bytes.Length - skip);
    }

    /// <summary>Parses CSV text; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="SignalImportException">When a quote is left open, a field is too long or there are too many rows.</exception>
    public static IReadOnlyList<CsvRow> Parse(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var separator = SeparatorOf(text);
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        var quoteLine = 0;
        var quoteColumn = 0;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    Append(field, '"', file, rowLine, fields.Count + 1);
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    Append(field, c, file, rowLine, fields.Count + 1);
                }

                continue;
            }

            if (c == '"' && atFieldStart)
            {
                quoted = true;
                quoteLine = line;
                quoteColumn = fields.Count + 1;
                atFieldStart = false;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                AddRow(rows, new CsvRow(rowLine, [.. fields]), file);
                fields.Clear();
                atFieldStart = true;
                line++;
                rowLine = line;
            }
            else
            {
                // A quote inside an unquoted field is kept as written, as spreadsheet programs do.
                Append(field, c, file, rowLine, fields.Count + 1);
                atFieldStart = false;
            }
        }

        if (quoted)
        {
            throw new SignalImportException(file, quoteLine, quoteColumn, "This field opens a quote (\") that is " +
                "never closed, so the rest of the file would be one field. Re-export the file, or close the quote.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            AddRow(rows, new CsvRow(rowLine, [.. fields]), file);
        }

        return rows;
    }

    // Exports saved as UTF-16 by Google Ads use tabs, and their figures may hold commas ("1,120"):
    // when at least half the lines have a tab, tabs separate the fields. Commas-separated exports
    // have no tabs at all.
    private static char SeparatorOf(string text)
    {
        var head = text.Split('\n', 40).Where(l => !l.StartsWith('#') && l.Trim().Length > 0).ToList();
        var tabs = head.Count(l => l.Contains('\t', StringComparison.Ordinal));
        return tabs > 0 && tabs * 2 >= head.Count ? '\t' : ',';
    }

    private static void Append(StringBuilder field, char c, string file, int line, int column)
    {
        if (field.Length >= MaxFieldLength)
        {
            throw new SignalImportException(file, line, column, $"This field is longer than {MaxFieldLength} " +
                "characters, which no URL or figure is. The file is probably not a CSV export; check that the " +
                "right file was given.");
        }

        field.Append(c);
    }

    private static void AddRow(List<CsvRow> rows, CsvRow row, string file)
    {
        if (rows.Count >= MaxRows)
        {
            throw new SignalImportException(file, row.Line, 0, $"The file has more than {MaxRows:N0} rows; " +
                "export fewer dimensions (one row per page) or a shorter date range.");
        }

        rows.Add(row);
    }
}
