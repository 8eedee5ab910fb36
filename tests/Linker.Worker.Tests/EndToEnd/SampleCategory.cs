namespace OkrLinker.Worker.Tests.EndToEnd;

/// <summary>The state categories of DESIGN §6, as this test works them out from the raw files.</summary>
internal enum SampleCategory
{
    ToDo,
    InProgress,
    Done,
    Removed,
}
