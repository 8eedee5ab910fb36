namespace OkrLinker.Fakes.Jira;

/// <summary>A JQL the fake (like Jira) refuses; the message is Jira's wording, answered as a 400 <c>errorMessages</c>.</summary>
public sealed class FakeJqlException(string message) : Exception(message);
