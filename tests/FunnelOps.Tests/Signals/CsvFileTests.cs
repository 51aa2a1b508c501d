using System.Text;
using FunnelOps.Signals;
using FunnelOps.Tests.Support;

namespace FunnelOps.Tests.Signals;

public sealed class CsvFileTests
{
    [Fact]
    public void Quoted_fields_keep_their_commas_newlines_and_doubled_quotes()
    {
        const string text = "Top queries,Clicks\r\n\"jira, but \"\"simpler\"\"\",12\r\n\"two\nlines\",3\r\nplain,4";

        var rows = CsvFile.Parse("q.csv", text);

        Assert.Equal(4, rows.Count);
        Assert.Equal(["jira, but \"simpler\"", "12"], rows[1].Fields);
        Assert.Equal(["two\nlines", "3"], rows[2].Fields);
        Assert.Equal(["plain", "4"], rows[3].Fields);
        // The record after a quoted line break starts two lines further down.
        Assert.Equal(3, rows[2].Line);
        Assert.Equal(5, rows[3].Line);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_not_part_of_the_first_header()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("pages.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Top pages,Clicks\n/a,1\n")]);

        var rows = CsvFile.Read(path);

        Assert.Equal("Top pages", rows[0][0]);
    }

    [Fact]
    public void Utf16_exports_with_tabs_are_read_even_when_their_figures_hold_commas()
    {
        using var folder = new TempFolder();
        var text = "Landing page report\r\n\"November 2, 2026 - November 29, 2026\"\r\n" +
            "Landing page\tClicks\tCost\r\nhttps://x.test/démo/\t\"1,120\"\t2,352.00\r\n";
        var path = folder.WriteBytes("ads.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)]);

        var rows = CsvFile.Read(path);

        Assert.Equal(["Landing page", "Clicks", "Cost"], rows[2].Fields);
        Assert.Equal(["https://x.test/démo/", "1,120", "2,352.00"], rows[3].Fields);
        Assert.Equal("November 2, 2026 - November 29, 2026", rows[1][0]);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_opens()
    {
        const string text = "Top pages,Clicks\n/a,1\n/b,\"2\n/c,3\n";

        var error = Assert.Throws<SignalImportException>(() => CsvFile.Parse("pages.csv", text));

        Assert.Equal(3, error.Line);
        Assert.Equal(2, error.Column);
        Assert.StartsWith("pages.csv:3:2: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_longer_than_any_url_stops_the_read_with_its_place()
    {
        var text = "Top pages,Clicks\n/a," + new string('9', CsvFile.MaxFieldLength + 1) + "\n";

        var error = Assert.Throws<SignalImportException>(() => CsvFile.Parse("big.csv", text));

        Assert.Equal((2, 2), (error.Line, error.Column));
        Assert.Contains("not a CSV export", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_field_of_doubled_quotes_is_held_to_the_same_length_limit()
    {
        using var folder = new TempFolder();
        var quotes = string.Concat(Enumerable.Repeat("\"\"", CsvFile.MaxFieldLength + 1));
        var path = folder.Write("quotes.csv", $"Top pages,Clicks\n/a,\"{quotes}\"\n");

        var error = Assert.Throws<SignalImportException>(() => CsvFile.Read(path));

        Assert.Equal((2, 2), (error.Line, error.Column));
        Assert.Contains("not a CSV export", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_rows_than_the_limit_are_refused_with_advice()
    {
        var text = new StringBuilder("Top pages,Clicks\n");
        for (var i = 0; i < CsvFile.MaxRows; i++)
        {
            text.Append("/a,1\n");
        }

        var error = Assert.Throws<SignalImportException>(() => CsvFile.Parse("long.csv", text.ToString()));

        Assert.Equal(CsvFile.MaxRows + 1, error.Line);
        Assert.Contains("export fewer dimensions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named_with_what_to_do()
    {
        var error = Assert.Throws<SignalImportException>(() => CsvFile.Read("/nonexistent/ga4.csv"));

        Assert.Equal("/nonexistent/ga4.csv: The file does not exist. Check the path and run again.", error.Message);
    }
}
