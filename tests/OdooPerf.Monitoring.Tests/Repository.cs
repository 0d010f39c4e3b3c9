using OdooPerf.Testing;

namespace OdooPerf.Monitoring.Tests;

/// <summary>The monitoring artefacts of the source tree the tests check: rule files, their unit tests, runbooks, dashboards.</summary>
internal static class Repository
{
    public static string Root { get; } = Path.GetDirectoryName(RepositoryFile.Find("OdooPerf.sln"))!;

    /// <summary>The base every alert's <c>runbook_url</c> starts with; the README tells how to point it at another copy.</summary>
    public const string RunbookBaseUrl = "https://github.com/odooperf/odooperf/blob/main/docs/runbooks/";

    public static string[] RuleFiles => Sorted(Directory.GetFiles(Path.Join(Root, "alerts"), "*.rules.yml"));

    public static string[] RuleTestFiles => Sorted(Directory.GetFiles(Path.Join(Root, "alerts", "tests"), "*.test.yml"));

    public static string[] Runbooks => Sorted(Directory.GetFiles(Path.Join(Root, "docs", "runbooks"), "*.md"));

    public static string[] Dashboards => Sorted(Directory.GetFiles(Path.Join(Root, "dashboards"), "*.json"));

    public static string Relative(string path) => Path.GetRelativePath(Root, path);

    private static string[] Sorted(string[] files)
    {
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
