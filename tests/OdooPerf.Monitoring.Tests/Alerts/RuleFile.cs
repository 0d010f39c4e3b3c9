using YamlDotNet.RepresentationModel;

namespace OdooPerf.Monitoring.Tests.Alerts;

public sealed record AlertRule(string File, string Group, string Name, string Expression, string? For,
    IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations);

public sealed record RecordingRule(string File, string Group, string Name, string Expression);

/// <summary>A Prometheus 2.x rule file (groups of alerting and recording rules), read as plain YAML.</summary>
public sealed class RuleFile
{
    private RuleFile(string path, List<AlertRule> alerts, List<RecordingRule> records)
    {
        Path = path;
        Alerts = alerts;
        Records = records;
    }

    public string Path { get; }

    public IReadOnlyList<AlertRule> Alerts { get; }

    public IReadOnlyList<RecordingRule> Records { get; }

    public static RuleFile Load(string path)
    {
        var root = Yaml.LoadMapping(path);
        var alerts = new List<AlertRule>();
        var records = new List<RecordingRule>();
        foreach (var group in Yaml.Sequence(root, "groups").Cast<YamlMappingNode>())
        {
            var groupName = Yaml.Text(group, "name") ?? throw new InvalidDataException($"{path}: a group without a name");
            foreach (var rule in Yaml.Sequence(group, "rules").Cast<YamlMappingNode>())
            {
                var expression = Yaml.Text(rule, "expr") ?? throw new InvalidDataException($"{path}: a rule without expr in {groupName}");
                if (Yaml.Text(rule, "alert") is { } alert)
                {
                    alerts.Add(new AlertRule(path, groupName, alert, expression, Yaml.Text(rule, "for"), Yaml.Map(rule, "labels"), Yaml.Map(rule, "annotations")));
                }
                else
                {
                    records.Add(new RecordingRule(path, groupName, Yaml.Text(rule, "record") ?? throw new InvalidDataException($"{path}: a rule neither alert nor record"), expression));
                }
            }
        }

        return new RuleFile(path, alerts, records);
    }

    public static IReadOnlyList<RuleFile> All { get; } = Repository.RuleFiles.Select(Load).ToList();
}
