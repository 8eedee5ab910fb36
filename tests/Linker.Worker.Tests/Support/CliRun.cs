namespace OkrLinker.Worker.Tests.Support;

public sealed record CliRun(int ExitCode, string Out, string Error);
