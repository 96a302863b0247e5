using System;
using System.IO;

namespace Crm.Extensions.Emulator.Tests;

/// <summary>Builds a fresh emulator over the fixture solution, with this assembly's test plugins.</summary>
internal static class EmulatorFixture
{
    public static readonly Guid RunAsUserId = new("7a11ce00-0000-4000-8000-000000000001");

    public static string SolutionFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Solution");

    public static DataverseEmulator Create(EmulatorOptions? options = null) =>
        DataverseEmulator.FromSolution(SolutionFolder, options ?? new EmulatorOptions(), typeof(EmulatorFixture).Assembly);
}
