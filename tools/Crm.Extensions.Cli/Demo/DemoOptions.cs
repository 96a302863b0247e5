using System;
using System.Globalization;
using System.IO;

namespace Crm.Extensions.Cli.Demo;

/// <summary>What `crmx demo` simulates and where it writes; <see cref="Problem"/> names the first bad value.</summary>
public sealed record DemoOptions(int Customers = DemoOptions.DefaultCustomers, int Months = DemoOptions.DefaultMonths,
    int Seed = DemoOptions.DefaultSeed,
    string Language = "en", string Output = "artifacts/demo")
{
    public const int DefaultCustomers = 2000;
    public const int DefaultMonths = 24;
    public const int DefaultSeed = 20261203;

    /// <summary>Above this the emulator still works, but the run stops being a demo that finishes while someone watches.</summary>
    public const int MaxCustomers = 200_000;

    public const int MaxMonths = 60;

    /// <summary>The first simulated day: fixed, so that two runs with one seed write identical reports.</summary>
    public static DateTime FirstDay { get; } = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public bool Spanish => Language == "es";

    /// <summary>A one-line explanation of the first unusable value, or null when every value is usable.</summary>
    public string? Problem()
    {
        if (Customers < 1 || Customers > MaxCustomers)
        {
            return string.Create(CultureInfo.InvariantCulture, $"--customers must be between 1 and {MaxCustomers:N0}; got {Customers}.");
        }

        if (Months < 1 || Months > MaxMonths)
        {
            return string.Create(CultureInfo.InvariantCulture, $"--months must be between 1 and {MaxMonths}; got {Months}.");
        }

        if (Seed < 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"--seed must be zero or positive; got {Seed}.");
        }

        if (Language is not ("en" or "es"))
        {
            return $"--lang must be en or es; got '{Language}'.";
        }

        return WritableFolderProblem(Output);
    }

    private static string? WritableFolderProblem(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, ".crmx-write-check");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"--out '{folder}' cannot be written: {error.Message}";
        }
    }
}
