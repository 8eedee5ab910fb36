namespace OkrLinker.Fakes;

/// <summary>Fake tracker servers on Kestrel for tests and benchmarks; see DESIGN.md §11.</summary>
internal static class FakesAssembly;
