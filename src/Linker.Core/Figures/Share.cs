namespace OkrLinker.Core.Figures;

/// <summary>Fractions as the report shows them: 4 decimals, halves away from zero, 0 of nothing is 0.</summary>
internal static class Share
{
    public static double Of(double part, double whole) => whole == 0 ? 0 : Round(part / whole);

    public static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
