using FunnelOps.Signals;

namespace FunnelOps.Tests.Signals;

public sealed class SignalNumberTests
{
    [Theory]
    [InlineData("1,234", 1234, false)]
    [InlineData("1 234", 1234, false)]
    [InlineData("1\u00a0234.5", 1234.5, false)]
    [InlineData("$2,352.00", 2352, false)]
    [InlineData("USD 1,120", 1120, false)]
    [InlineData("1,234.5", 1234.5, false)]
    [InlineData("-1,234,567", -1234567, false)]
    [InlineData("12,345%", 123.45, true)]
    [InlineData("12.5%", 0.125, true)]
    [InlineData(" 0.45 ", 0.45, false)]
    [InlineData("1e3", 1000, false)]
    public void Figures_are_read_with_separators_currency_and_percent_signs(string text, double expected, bool percent)
    {
        Assert.True(SignalNumber.TryParse(text, out var value, out var isPercent));

        Assert.Equal(expected, value!.Value, 10);
        Assert.Equal(percent, isPercent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--")]
    [InlineData("(not set)")]
    public void Placeholders_for_no_data_are_no_figure(string text)
    {
        Assert.True(SignalNumber.TryParse(text, out var value, out _));

        Assert.Null(value);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("12,5,x")]
    [InlineData("NaN")]
    public void Text_that_is_no_figure_is_refused(string text) => Assert.False(SignalNumber.TryParse(text, out _, out _));

    [Theory]
    [InlineData(0.45, false, 0.45)]
    [InlineData(45, false, 0.45)]
    [InlineData(0.45, true, 0.45)]
    [InlineData(1, false, 1)]
    public void A_bare_rate_above_one_is_a_percentage(double value, bool percent, double expected) =>
        Assert.Equal(expected, SignalNumber.AsRate(value, percent)!.Value, 10);

    [Theory]
    [InlineData("12,50")]
    [InlineData("1.234,56")]
    [InlineData("€ 1.234,56")]
    [InlineData("0,45")]
    [InlineData("12,5%")]
    [InlineData("1,23")]
    [InlineData("1234,567")]
    [InlineData(",123")]
    public void Decimal_commas_are_refused_rather_than_misread(string text) =>
        Assert.False(SignalNumber.TryParse(text, out _, out _));
}
