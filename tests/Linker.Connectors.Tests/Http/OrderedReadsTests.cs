using OkrLinker.Connectors.Http;

namespace OkrLinker.Connectors.Tests.Http;

/// <summary>Reads run a few at a time and come out in the order given (GitHub list pages, Azure DevOps batches).</summary>
public sealed class OrderedReadsTests
{
    [Fact]
    public async Task At_most_concurrency_reads_run_and_results_come_out_in_the_order_given_whatever_order_they_finish_in()
    {
        var answers = Enumerable.Range(0, 5).Select(_ => new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = new List<int>();
        await using var reads = new OrderedReads<Answer>(Reads(answers, started), concurrency: 2, CancellationToken.None);

        var first = reads.NextAsync();
        Assert.Equal([0, 1], started);

        answers[1].SetResult(new Answer(1));
        Assert.False(first.IsCompleted); // read 1 finished, but read 0 comes first
        answers[0].SetResult(new Answer(0));
        Assert.Equal(0, (await first)!.Number);

        var second = reads.NextAsync();
        Assert.Equal([0, 1, 2], started); // one slot came free
        Assert.Equal(1, (await second)!.Number);

        answers[2].SetResult(new Answer(2));
        answers[3].SetResult(new Answer(3));
        answers[4].SetResult(new Answer(4));
        var rest = new List<int>();
        while (await reads.NextAsync() is { } answer)
        {
            rest.Add(answer.Number);
        }

        Assert.Equal([2, 3, 4], rest);
        Assert.Equal([0, 1, 2, 3, 4], started);
    }

    [Fact]
    public async Task Disposing_cancels_the_reads_in_flight_and_disposes_what_was_read_but_not_handed_out()
    {
        var answers = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<Answer>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = new List<int>();
        var cancelled = new List<int>();
        var reads = new OrderedReads<Answer>(Reads(answers, started, cancelled), concurrency: 3, CancellationToken.None);

        var next = reads.NextAsync();
        answers[0].SetResult(new Answer(0));
        var handedOut = (await next)!;
        var readAhead = new Answer(1);
        answers[1].SetResult(readAhead);

        await reads.DisposeAsync();

        Assert.Equal([0, 1, 2], started); // read 3 never started
        Assert.Equal([2], cancelled);
        Assert.True(readAhead.Disposed);
        Assert.False(handedOut.Disposed); // the caller's own
    }

    private static IEnumerable<Func<CancellationToken, Task<Answer>>> Reads(
        TaskCompletionSource<Answer>[] answers, List<int> started, List<int>? cancelled = null) =>
        answers.Select((answer, i) => (Func<CancellationToken, Task<Answer>>)(ct =>
        {
            started.Add(i);
            ct.Register(() =>
            {
                if (answer.TrySetCanceled(ct))
                {
                    cancelled?.Add(i);
                }
            });
            return answer.Task;
        }));

    private sealed class Answer(int number) : IDisposable
    {
        public int Number => number;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
