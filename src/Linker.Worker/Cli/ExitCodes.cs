namespace OkrLinker.Worker.Cli;

/// <summary>The exit codes of DESIGN.md §5.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A source or provider failed (the rest still ran), or <c>lint</c> has findings.</summary>
    public const int Failed = 1;

    /// <summary>The config, okrs.yaml or the command line is invalid.</summary>
    public const int BadConfig = 2;
}
