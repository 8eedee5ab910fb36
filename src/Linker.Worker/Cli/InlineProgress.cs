namespace OkrLinker.Worker.Cli;

/// <summary>Reports on the caller's thread, in order; <see cref="Progress{T}"/> would post out of order.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
