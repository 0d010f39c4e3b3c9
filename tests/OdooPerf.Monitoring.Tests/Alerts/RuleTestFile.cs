using YamlDotNet.RepresentationModel;

namespace OdooPerf.Monitoring.Tests.Alerts;

/// <summary>One <c>alert_rule_test</c> of a promtool test file: which alert, and the alerts expected to fire.</summary>
public sealed record AlertCase(string File, string Alert, string EvalTime, IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations)> Expected)
{
    public bool Fires => Expected.Count > 0;
}

/// <summary>A promtool unit test file (<c>promtool test rules</c>): the rule files it loads and its alert cases.</summary>
public sealed class RuleTestFile
{
    private RuleTestFile(string path, List<string> ruleFiles, List<AlertCase> cases)
    {
        Path = path;
        RuleFiles = ruleFiles;
        Cases = cases;
    }

    public string Path { get; }

    /// <summary>Full paths of the rule files the tests load.</summary>
    public IReadOnlyList<string> RuleFiles { get; }

    public IReadOnlyList<AlertCase> Cases { get; }

    public static RuleTestFile Load(string path)
    {
        var root = Yaml.LoadMapping(path);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var ruleFiles = Yaml.Sequence(root, "rule_files")
            .Select(n => System.IO.Path.GetFullPath(System.IO.Path.Join(directory, ((YamlScalarNode)n).Value)))
            .ToList();
        var cases = new List<AlertCase>();
        foreach (var test in Yaml.Sequence(root, "tests").Cast<YamlMappingNode>())
        {
            foreach (var alertTest in Yaml.Sequence(test, "alert_rule_test").Cast<YamlMappingNode>())
            {
                var expected = Yaml.Sequence(alertTest, "exp_alerts").Cast<YamlMappingNode>()
                    .Select(e => (Yaml.Map(e, "exp_labels"), Yaml.Map(e, "exp_annotations")))
                    .ToList();
                cases.Add(new AlertCase(path, Yaml.Text(alertTest, "alertname")!, Yaml.Text(alertTest, "eval_time")!, expected));
            }
        }

        return new RuleTestFile(path, ruleFiles, cases);
    }

    public static IReadOnlyList<RuleTestFile> All { get; } = Repository.RuleTestFiles.Select(Load).ToList();
}
