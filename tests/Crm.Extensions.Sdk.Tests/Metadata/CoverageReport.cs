using System.Collections.Generic;
using System.IO;

namespace Crm.Extensions.Sdk.Tests.Metadata;

/// <summary>Keeps the Connector coverage where tools/run-tests.sh prints it; the test runner hides passing tests' output.</summary>
internal static class CoverageReport
{
    public static void Write(string fileName, IEnumerable<string> lines)
    {
        var folder = Path.Combine(BuildPaths.RepoRoot, "artifacts", "test-reports");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, fileName), lines);
    }
}
