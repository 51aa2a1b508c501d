namespace FunnelOps.Signals;

/// <summary>
/// An export could not be read. The message names the file, the line and the column, what is
/// wrong there and what to do about it.
/// </summary>
public sealed class SignalImportException : Exception
{
    /// <summary>Creates the error for a place in a file; line and column start at 1, 0 when unknown.</summary>
    public SignalImportException(string file, int line, int column, string problem)
        : base(Describe(file, line, column, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Creates an error without a place.</summary>
    public SignalImportException() : this("", 0, 0, "The export could not be read.")
    {
    }

    /// <summary>Creates an error with a message only.</summary>
    public SignalImportException(string message) : this("", 0, 0, message)
    {
    }

    /// <summary>Creates an error with a message and its cause.</summary>
    public SignalImportException(string message, Exception innerException) : base(message, innerException)
    {
        File = "";
        Problem = message;
    }

    /// <summary>The export file.</summary>
    public string File { get; }

    /// <summary>The line, from 1; 0 when the problem is the whole file.</summary>
    public int Line { get; }

    /// <summary>The column (the field's position in its row), from 1; 0 when the problem is the whole line.</summary>
    public int Column { get; }

    /// <summary>What is wrong and what to do, without the place.</summary>
    public string Problem { get; }

    private static string Describe(string file, int line, int column, string problem) =>
        line == 0 ? $"{file}: {problem}" : column == 0 ? $"{file}:{line}: {problem}" : $"{file}:{line}:{column}: {problem}";
}
