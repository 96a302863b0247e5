using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;

namespace Crm.Extensions.Cli.Packaging;

/// <summary>
/// Writes and reads the solution zip: root manifests first, other entries in path order, [Content_Types].xml last, as exports do.
/// </summary>
public static class SolutionZip
{
    /// <summary>A fixed timestamp keeps the zip byte-stable from one pack to the next.</summary>
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    private const string OctetStream = "application/octet-stream";

    public static string FileName(SolutionPackage package) =>
        $"{package.UniqueName}_{package.Version.Replace('.', '_')}{(package.Type == PackageType.Managed ? "_managed" : string.Empty)}.zip";

    public static void Write(SolutionPackage package, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        Add(zip, SourceLayout.ZipSolution, Xml.ToBytes(package.Solution));
        Add(zip, SourceLayout.ZipCustomizations, Xml.ToBytes(package.Customizations));
        foreach (var (entry, bytes) in package.Files)
        {
            Add(zip, entry, bytes);
        }

        Add(zip, SourceLayout.ZipContentTypes, ContentTypes(package.Files.Keys));
    }

    public static SolutionPackage Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new SolutionException($"The zip {path} does not exist.");
        }

        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException error)
        {
            throw new SolutionException($"{path} is not a zip file: {error.Message}");
        }

        using (zip)
        {
            var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, StringComparer.Ordinal);
            var missing = new[] { SourceLayout.ZipSolution, SourceLayout.ZipCustomizations, SourceLayout.ZipContentTypes }.Where(
                n => !entries.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                throw new SolutionException($"{path} lacks {string.Join(", ", missing)} at its root; Dataverse rejects such a zip.");
            }

            var files = SolutionPackage.NewFileMap();
            foreach (var entry in entries.Values.Where(
                e => e.FullName is not (SourceLayout.ZipSolution or SourceLayout.ZipCustomizations or SourceLayout.ZipContentTypes)))
            {
                files[entry.FullName] = ReadAll(entry);
            }

            return new SolutionPackage(
                Load(entries[SourceLayout.ZipSolution], path),
                Load(entries[SourceLayout.ZipCustomizations], path),
                files);
        }
    }

    /// <summary>The raw bytes of one entry, for byte-level comparisons.</summary>
    public static byte[] ReadEntry(string zipPath, string entryName)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entry = zip.GetEntry(entryName) ?? throw new SolutionException($"{zipPath} has no entry {entryName}.");
        return ReadAll(entry);
    }

    private static XElement Load(ZipArchiveEntry entry, string zipPath)
    {
        using var stream = entry.Open();
        return Xml.Load(stream, $"{zipPath}:{entry.FullName}");
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(bytes);
    }

    /// <summary>
    /// The export's recipe: one Default per extension, one Override per extension-less entry, all octet-stream, on one line.
    /// </summary>
    private static byte[] ContentTypes(IEnumerable<string> entries)
    {
        var all = entries.Concat([SourceLayout.ZipSolution, SourceLayout.ZipCustomizations]).ToList();
        var extensions = all.Select(Path.GetExtension).Where(e => !string.IsNullOrEmpty(e)).Select(e => e![1..])
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        text.Append("<Types xmlns=\"").Append(ContentTypesNamespace).Append("\">");
        foreach (var extension in extensions)
        {
            text.Append("<Default Extension=\"").Append(extension).Append("\" ContentType=\"").Append(OctetStream).Append("\" />");
        }

        foreach (var entry in all.Where(e => string.IsNullOrEmpty(Path.GetExtension(e))).Order(StringComparer.Ordinal))
        {
            text.Append("<Override PartName=\"/").Append(new XText(entry)).Append("\" ContentType=\"").Append(OctetStream).Append("\" />");
        }

        text.Append("</Types>");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
