namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>An environment variable with a name no other test uses, removed again on dispose.</summary>
internal sealed class ScopedVariable : IDisposable
{
    public ScopedVariable(string? value)
    {
        Environment.SetEnvironmentVariable(Name, value);
    }

    public string Name { get; } = "OKRLINKER_TEST_" + Guid.NewGuid().ToString("N").ToUpperInvariant();

    public void Dispose() => Environment.SetEnvironmentVariable(Name, null);
}
