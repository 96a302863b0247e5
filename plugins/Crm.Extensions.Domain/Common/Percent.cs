using System;

namespace Crm.Extensions.Domain.Common;

/// <summary>Shares expressed in percentage points (0–100), the unit users see on forms and in thresholds.</summary>
public static class Percent
{
    /// <summary>part ÷ whole × 100, or 0 when the whole is zero or negative: an empty base has no share, never a division error.</summary>
    public static decimal Of(decimal part, decimal whole) => whole <= 0m ? 0m : part * 100m / whole;

    /// <summary>Same as <see cref="Of(decimal, decimal)"/> for counts.</summary>
    public static decimal Of(int part, int whole) => Of((decimal)part, whole);

    /// <summary>Rounds to two decimals, half away from zero, so stored values are stable across runtimes.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
