using System.Diagnostics.CodeAnalysis;
using OkrLinker.Bench;

/// <summary>
/// Loaded into the published worker by <c>DOTNET_STARTUP_HOOKS</c> when a scenario runs a step
/// (<see cref="StepRunner"/>): prints the step's figures when the verb has finished. The runtime looks the type up
/// by this name, outside any namespace.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime's startup hook contract names the type StartupHook in no namespace.")]
internal static class StartupHook
{
    public static void Initialize() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StepRunner.PrintFigures();
}
