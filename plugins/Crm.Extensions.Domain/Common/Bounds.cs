namespace Crm.Extensions.Domain.Common;

/// <summary>Math.Clamp does not exist on .NET Framework 4.6.2, where these sources also compile.</summary>
public static class Bounds
{
    public static decimal Clamp(decimal value, decimal min, decimal max) => value < min ? min : value > max ? max : value;

    public static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;
}
