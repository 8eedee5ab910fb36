using OkrLinker.Bench;

return await BenchCommand.RunAsync(args, Console.Out, CancellationToken.None);
