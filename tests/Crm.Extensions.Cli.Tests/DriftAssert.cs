using System;
using System.IO;
using System.Linq;

namespace Crm.Extensions.Cli.Tests;

/// <summary>Compares a regenerated folder with the committed one, file by file and byte by byte.</summary>
internal static class DriftAssert
{
    public static void SameFiles(string committedRoot, string generatedRoot, string relativeFolder,
        string regenerate = "crmx generate steps")
    {
        var committed = Files(Path.Combine(committedRoot, relativeFolder));
        var generated = Files(Path.Combine(generatedRoot, relativeFolder));

        Assert.True(committed.SequenceEqual(generated),
            $"{relativeFolder} differs from what the code declares. Run `{regenerate}` and commit. Committed: " +
            $"[{string.Join(", ", committed)}]; generated: [{string.Join(", ", generated)}].");
        foreach (var file in committed)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(committedRoot, relativeFolder, file)).AsSpan()
                    .SequenceEqual(File.ReadAllBytes(Path.Combine(generatedRoot, relativeFolder, file))),
                $"{Path.Combine(relativeFolder, file)} differs from what the code declares. Run `{regenerate}` and commit.");
        }
    }

    private static string[] Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f))
                .Order(StringComparer.Ordinal).ToArray()
            : [];
}
