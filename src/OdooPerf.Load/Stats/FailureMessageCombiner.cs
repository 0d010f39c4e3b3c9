namespace OdooPerf.Load.Stats;

/// <summary>
/// Adds up failure messages from several places: the steps of a scenario or a run, the segments of a distributed run.
/// Messages with the same reason that are the same message (<see cref="FailureMessageText.SameMessage"/>) become one:
/// counts add, and the earliest keeps its text, step and time. <see cref="Limit"/> then applies the limits again, so a
/// merged report is bounded like a run's.
/// </summary>
public static class FailureMessageCombiner
{
    /// <summary>One message per reason and message, earliest first.</summary>
    public static IReadOnlyList<FailureMessage> Combine(IEnumerable<FailureMessage> messages, FailureMessageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var comparer = new FailureMessageText.Comparer((limits ?? FailureMessageLimits.Default).MaxLength);
        var combined = new List<FailureMessage>();
        var index = new Dictionary<(string Reason, string Message), int>(new KeyComparer(comparer));
        foreach (var message in InOrder(messages))
        {
            // In order, so the first seen is the earliest: it keeps its text, step and time.
            if (index.TryGetValue((message.Reason, message.Message), out var at))
            {
                combined[at] = combined[at] with { Count = combined[at].Count + message.Count };
            }
            else
            {
                index[(message.Reason, message.Message)] = combined.Count;
                combined.Add(message);
            }
        }

        return combined;
    }

    /// <summary>
    /// The earliest messages that fit <paramref name="limits"/> (per step, then per run); the counts of the others,
    /// by step and reason, are returned as <paramref name="dropped"/>.
    /// </summary>
    public static IReadOnlyList<FailureMessage> Limit(IEnumerable<FailureMessage> messages, FailureMessageLimits limits,
        out IReadOnlyList<FailureMessage> dropped)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(limits);
        var kept = new List<FailureMessage>();
        var over = new List<FailureMessage>();
        var perStep = new Dictionary<(string, string), int>();
        foreach (var message in InOrder(messages))
        {
            var step = (message.Scenario, message.Step);
            var inStep = perStep.GetValueOrDefault(step);
            if (inStep < limits.MaxPerStep && kept.Count < limits.MaxPerRun)
            {
                perStep[step] = inStep + 1;
                kept.Add(message);
            }
            else
            {
                over.Add(message);
            }
        }

        dropped = over;
        return kept;
    }

    private sealed class KeyComparer(FailureMessageText.Comparer messages) : IEqualityComparer<(string Reason, string Message)>
    {
        public bool Equals((string Reason, string Message) x, (string Reason, string Message) y) =>
            string.Equals(x.Reason, y.Reason, StringComparison.Ordinal) && messages.Equals(x.Message, y.Message);

        public int GetHashCode((string Reason, string Message) key) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(key.Reason), messages.GetHashCode(key.Message));
    }

    // Earliest first; messages first seen at the same instant keep the order they were given in (the segments' order,
    // the steps' order), as a run recording them would have.
    private static IEnumerable<FailureMessage> InOrder(IEnumerable<FailureMessage> messages) => messages.OrderBy(m => m.FirstAt);
}
