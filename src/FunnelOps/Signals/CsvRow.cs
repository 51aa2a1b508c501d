namespace FunnelOps.Signals;

/// <summary>One record of a CSV file.</summary>
/// <param name="Line">The line, from 1, on which the record starts.</param>
/// <param name="Fields">The fields, unquoted.</param>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields)
{
    /// <summary>The field at <paramref name="index"/>, or "" when the row is shorter.</summary>
    public string this[int index] => index < Fields.Count ? Fields[index] : "";

    /// <summary>True when every field is blank.</summary>
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}
