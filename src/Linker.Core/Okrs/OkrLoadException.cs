using YamlDotNet.Core;

namespace OkrLinker.Core.Okrs;

/// <summary>
/// okrs.yaml could not be loaded. <see cref="Line"/> and <see cref="Column"/> are 1-based, and 0 when
/// the error is about the file as a whole (missing, unreadable). <see cref="Key"/> is the offending key
/// path such as <c>objectives[1].keyResults[0].target</c>, or null when no key is to blame (bad YAML
/// syntax). <see cref="Exception.Message"/> reads <c>okrs.yaml:12:9: objectives[1].keyResults[0].target: …</c>.
/// </summary>
public sealed class OkrLoadException : Exception
{
    public OkrLoadException(string file, int line, int column, string? key, string reason, Exception? innerException = null)
        : base(Format(file, line, column, key, reason), innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Key = key;
        Reason = reason;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public string? Key { get; }

    /// <summary>What is wrong, without the file, position and key.</summary>
    public string Reason { get; }

    /// <summary>A failure at a YamlDotNet position (whose line and column are 1-based longs).</summary>
    internal static OkrLoadException At(string file, Mark at, string? key, string reason, Exception? innerException = null) =>
        new(file, ToInt(at.Line), ToInt(at.Column), key, reason, innerException);

    private static int ToInt(long value) => (int)Math.Min(value, int.MaxValue);

    private static string Format(string file, int line, int column, string? key, string reason)
    {
        var where = line > 0 ? $"{file}:{line}:{column}" : file;
        return key is null ? $"{where}: {reason}" : $"{where}: {key}: {reason}";
    }
}
