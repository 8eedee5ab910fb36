using System.Globalization;
using System.Text;

namespace OkrLinker.Samples;

/// <summary>SplitMix64: tiny, fast, and the same on every runtime.</summary>
internal sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int Int(int minInclusive, int maxExclusive) =>
        minInclusive + (int)(Next() % (ulong)(maxExclusive - minInclusive));

    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => Unit() < p;

    public T Pick<T>(IReadOnlyList<T> values) => values[Int(0, values.Count)];

    public void Shuffle<T>(IList<T> values)
    {
        for (var i = values.Count - 1; i > 0; i--)
        {
            var j = Int(0, i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    public string Hex(int bytes)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < bytes; i++)
        {
            sb.Append(((byte)Next()).ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    public string Guid() => $"{Hex(4)}-{Hex(2)}-4{Hex(2)[1..]}-a{Hex(2)[1..]}-{Hex(6)}";

    public string Base64(int bytes)
    {
        var buffer = new byte[bytes];
        for (var i = 0; i < bytes; i++)
        {
            buffer[i] = (byte)Next();
        }

        return Convert.ToBase64String(buffer);
    }
}
