using OkrLinker.Worker.Cli;

return await LinkerCommandLine.InvokeAsync(args, Console.Out, Console.Error, CancellationToken.None);
