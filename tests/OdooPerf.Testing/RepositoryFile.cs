using System.Runtime.CompilerServices;

namespace OdooPerf.Testing;

/// <summary>
/// A file of the source tree (a README, a document a test checks against), found by walking up from the calling
/// source file to the directory holding OdooPerf.sln: the build output may live outside the tree (--artifacts-path).
/// </summary>
public static class RepositoryFile
{
    public static string Find(string relative, [CallerFilePath] string source = "")
    {
        for (var directory = new FileInfo(source).Directory; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Join(directory.FullName, relative);
            if (File.Exists(candidate) && File.Exists(Path.Join(directory.FullName, "OdooPerf.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} not found above {source}");
    }
}
