namespace OdooPerf.Odoo.Logs;

/// <summary>
/// Decides an entry's <see cref="OdooLogEntryKind"/> from its logger and first message line, and pulls out the job name,
/// duration or worker pid the line gives. The texts, per version, are Odoo's own (see <c>odoo-facts.md</c>):
/// <c>odoo/service/server.py</c> (workers), <c>ir_cron.py</c>, <c>res_users.py</c>, <c>odoo/service/model.py</c>
/// (concurrency retries), the registry. Tracebacks are decided later, from the continuation lines.
/// </summary>
internal static class OdooMessageClassifier
{
    public static void Classify(ReadOnlySpan<byte> line, ref OdooLogLineFields fields)
    {
        var message = fields.Message.Of(line);
        if (message.IsEmpty)
        {
            return;
        }

        var logger = fields.Logger.Of(line);
        switch (message[0])
        {
            case (byte)'W':
                ClassifyWorker(message, ref fields);
                break;
            case (byte)'S' when message.StartsWith("Server memory limit ("u8):
                // Threaded server: no worker of its own, the process is the one over the limit.
                fields.Kind = OdooLogEntryKind.WorkerMemorySoftLimit;
                fields.WorkerPid = fields.Pid;
                break;
            case (byte)'S' when message.StartsWith("Starting job `"u8) && IsCronLogger(logger):
                fields.Kind = OdooLogEntryKind.CronStarted;
                fields.Subject = BacktickName(fields.Message, message);
                break;
            case (byte)'T' when message.StartsWith("Thread "u8) && message.IndexOf(" virtual real time limit ("u8) > 0:
                fields.Kind = OdooLogEntryKind.WorkerRealTimeLimit;
                fields.WorkerPid = fields.Pid;
                break;
            case (byte)'J' when IsCronLogger(logger):
                ClassifyJob(message, ref fields);
                break;
            case (byte)'C' when message.StartsWith("Call from cron "u8) && IsCronLogger(logger):
                ClassifyCallFromCron(message, ref fields);
                break;
            case (byte)'L' when message.StartsWith("Login failed for "u8) && IsUsersLogger(logger):
                fields.Kind = OdooLogEntryKind.LoginFailed;
                break;
            case (byte)'L' when message.StartsWith("Login successful for "u8) && IsUsersLogger(logger):
                fields.Kind = OdooLogEntryKind.LoginSucceeded;
                break;
            case (byte)'R' when message.StartsWith("Registry loaded in "u8):
                fields.Kind = OdooLogEntryKind.RegistryLoaded;
                fields.Seconds = SecondsBefore(message["Registry loaded in "u8.Length..], (byte)'s');
                break;
            default:
                if (message[0] is >= (byte)'A' and <= (byte)'Z' && IsConcurrencyRetry(message))
                {
                    fields.Kind = OdooLogEntryKind.SerializationRetry;
                }

                break;
        }
    }

    // ir_cron lives in odoo.addons.base.models.ir_cron (11: odoo.addons.base.ir.ir_cron).
    private static bool IsCronLogger(ReadOnlySpan<byte> logger) => logger.EndsWith(".ir_cron"u8);

    private static bool IsUsersLogger(ReadOnlySpan<byte> logger) => logger.EndsWith(".res_users"u8);

    private static void ClassifyWorker(ReadOnlySpan<byte> message, ref OdooLogLineFields fields)
    {
        if (message.StartsWith("Worker ("u8))
        {
            // "Worker (PID) virtual memory limit (N) reached." / "CPU time limit" / "max request" / "exiting. request_count: ..."
            if (!TryPidInParentheses(message, "Worker "u8.Length, out var pid, out var after))
            {
                return;
            }

            var rest = message[after..];
            var kind = rest.StartsWith(" virtual memory limit ("u8) ? OdooLogEntryKind.WorkerMemorySoftLimit
                : rest.StartsWith(" CPU time limit ("u8) ? OdooLogEntryKind.WorkerCpuLimit
                : rest.StartsWith(" max request ("u8) ? OdooLogEntryKind.WorkerRequestLimit
                : rest.StartsWith(" exiting."u8) ? OdooLogEntryKind.WorkerExited
                : OdooLogEntryKind.Other;
            if (kind != OdooLogEntryKind.Other)
            {
                fields.Kind = kind;
                fields.WorkerPid = pid;
            }

            return;
        }

        if (message.StartsWith("Worker "u8))
        {
            // "Worker WorkerHTTP (PID) alive"
            var open = message.IndexOf(" ("u8);
            if (open > "Worker "u8.Length && TryPidInParentheses(message, open + 1, out var pid, out var after)
                && message[after..].SequenceEqual(" alive"u8))
            {
                fields.Kind = OdooLogEntryKind.WorkerStarted;
                fields.WorkerPid = pid;
            }

            return;
        }

        // The master, about a worker it kills: "WorkerHTTP (PID) timeout after 120s".
        var space = message.IndexOf(" ("u8);
        if (space > 0 && TryPidInParentheses(message, space + 1, out var killed, out var end)
            && message[end..].StartsWith(" timeout after "u8))
        {
            fields.Kind = OdooLogEntryKind.WorkerRealTimeLimit;
            fields.WorkerPid = killed;
        }
    }

    // 12-17: "Job `NAME` done." (14-16), "Job done: `NAME` (1.234s)." (17). 18-19: "Job 'NAME' (ID) ..." (Python repr of the name).
    private static void ClassifyJob(ReadOnlySpan<byte> message, ref OdooLogLineFields fields)
    {
        if (message.StartsWith("Job done: `"u8))
        {
            fields.Kind = OdooLogEntryKind.CronDone;
            fields.Subject = BacktickName(fields.Message, message);
            var duration = message.LastIndexOf("` ("u8);
            if (duration > 0)
            {
                fields.Seconds = SecondsBefore(message[(duration + 3)..], (byte)'s');
            }

            return;
        }

        if (message.StartsWith("Job `"u8))
        {
            if (message.EndsWith("` done."u8))
            {
                fields.Kind = OdooLogEntryKind.CronDone;
                fields.Subject = BacktickName(fields.Message, message);
            }

            return;
        }

        if (message.Length < 6 || message[4] is not ((byte)'\'' or (byte)'"') || !message.StartsWith("Job "u8))
        {
            return;
        }

        // The repr closes with the quote it opened with, followed by " (ID) ".
        var quote = message[4];
        Span<byte> closing = [quote, (byte)' ', (byte)'('];
        var nameEnd = message[5..].IndexOf(closing);
        if (nameEnd < 0 || !TryPidInParentheses(message, 5 + nameEnd + 2, out _, out var after) || after >= message.Length
            || message[after] != (byte)' ')
        {
            return;
        }

        var verb = message[(after + 1)..];
        var subject = new ByteRange(fields.Message.Start + 5, nameEnd);
        if (verb.SequenceEqual("starting"u8))
        {
            fields.Kind = OdooLogEntryKind.CronStarted;
        }
        else if (verb.StartsWith("done in "u8))
        {
            fields.Kind = OdooLogEntryKind.CronDone;
            fields.Seconds = SecondsBefore(verb["done in "u8.Length..], (byte)'s');
        }
        else if (verb.StartsWith("fully done ("u8) || verb.StartsWith("partially done ("u8))
        {
            fields.Kind = OdooLogEntryKind.CronDone;
            fields.Seconds = SummaryDuration(verb);
        }
        else if (verb.StartsWith("failed ("u8))
        {
            fields.Kind = OdooLogEntryKind.CronFailed;
            fields.Seconds = SummaryDuration(verb);
        }
        else if (verb.SequenceEqual("timed out"u8) || (verb.StartsWith("server action #"u8) && verb.EndsWith(" failed"u8)))
        {
            fields.Kind = OdooLogEntryKind.CronFailed;
        }
        else
        {
            return;
        }

        fields.Subject = subject;
    }

    // 12-17: "Call from cron NAME for server action #N failed in Job #N".
    private static void ClassifyCallFromCron(ReadOnlySpan<byte> message, ref OdooLogLineFields fields)
    {
        var nameStart = "Call from cron "u8.Length;
        var nameEnd = message.LastIndexOf(" for server action #"u8);
        if (nameEnd < nameStart)
        {
            return;
        }

        fields.Kind = OdooLogEntryKind.CronFailed;
        fields.Subject = new ByteRange(fields.Message.Start + nameStart, nameEnd - nameStart);
    }

    // 19's summary: "fully done (#loop 1; done 0; remaining 0; duration 0.12s)".
    private static double SummaryDuration(ReadOnlySpan<byte> verb)
    {
        var at = verb.LastIndexOf("duration "u8);
        return at < 0 ? double.NaN : SecondsBefore(verb[(at + "duration "u8.Length)..], (byte)'s');
    }

    // 12-15: "SERIALIZATION_FAILURE, retry 1/5 in 0.2531 sec..."; 16+: "SERIALIZATION_FAILURE, 4 tries left, try again in 0.2531 sec...".
    private static bool IsConcurrencyRetry(ReadOnlySpan<byte> message)
    {
        var comma = message.IndexOf(", "u8);
        if (comma < 3 || message[..comma].IndexOfAnyExcept(UpperSnakeCase) >= 0)
        {
            return false;
        }

        var rest = message[(comma + 2)..];
        if (rest.StartsWith("retry "u8))
        {
            return rest.Length > 6 && AsciiNumber.IsDigit(rest[6]);
        }

        var digits = rest.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        return digits > 0 && rest[digits..].StartsWith(" tries left, try again in "u8);
    }

    private static ReadOnlySpan<byte> UpperSnakeCase => "ABCDEFGHIJKLMNOPQRSTUVWXYZ_"u8;

    // "(PID)" starting at text[open]; end is the index just past ')'.
    private static bool TryPidInParentheses(ReadOnlySpan<byte> text, int open, out int pid, out int end)
    {
        pid = 0;
        end = 0;
        if (open >= text.Length || text[open] != (byte)'(')
        {
            return false;
        }

        var close = text[open..].IndexOf((byte)')');
        if (close < 2 || !AsciiNumber.TryParseInt(text.Slice(open + 1, close - 1), out pid))
        {
            return false;
        }

        end = open + close + 1;
        return true;
    }

    // The name between the first and the last backtick of the message.
    private static ByteRange BacktickName(ByteRange messageRange, ReadOnlySpan<byte> message)
    {
        var first = message.IndexOf((byte)'`');
        var last = message.LastIndexOf((byte)'`');
        return last > first ? new ByteRange(messageRange.Start + first + 1, last - first - 1) : default;
    }

    // "1.234s..." → 1.234; NaN when the number is not followed by the unit.
    private static double SecondsBefore(ReadOnlySpan<byte> text, byte unit)
    {
        var end = text.IndexOf(unit);
        return end > 0 && AsciiNumber.TryParseDecimal(text[..end], out var seconds) ? seconds : double.NaN;
    }
}
