namespace OkrLinker.Worker.Tests.Browser;

/// <summary>
/// The tests that start Playwright run alone, after the others. Playwright sets <c>Console.OutputEncoding</c> as it
/// starts its driver, and the runtime's console takes its own lock and the output writer's in the opposite order to a
/// console logger writing at the same moment: a clean CI run hung on exactly that (a hang dump showed Playwright's
/// <c>StdIOTransport</c> and a <c>check</c> verb's console logger each holding the lock the other wanted).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "chromium";
}
