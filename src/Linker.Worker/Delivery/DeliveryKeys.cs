namespace OkrLinker.Worker.Delivery;

/// <summary>The config keys of <c>Report.Deliver</c> entries, so every message points into linker.json.</summary>
internal static class DeliveryKeys
{
    public static string Entry(int index, string? setting = null) =>
        setting is null ? $"Report:Deliver:{index}" : $"Report:Deliver:{index}:{setting}";
}
