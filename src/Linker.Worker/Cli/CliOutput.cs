namespace OkrLinker.Worker.Cli;

/// <summary>Where a verb writes: results to <see cref="Out"/>, progress and problems to <see cref="Error"/>.</summary>
/// <param name="Interactive">A terminal is attached: progress redraws one line instead of writing log lines.</param>
internal sealed record CliOutput(TextWriter Out, TextWriter Error, bool Interactive);
