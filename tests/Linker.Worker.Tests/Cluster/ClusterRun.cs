namespace OkrLinker.Worker.Tests.Cluster;

/// <summary>One execution from Quartz's execution history: which node ran which trigger of which job, and when.</summary>
public sealed record ClusterRun(string Node, string Trigger, string Job, DateTimeOffset FiredAt);
