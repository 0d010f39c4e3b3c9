using System.Net.Http;
using System.Net.Sockets;

namespace OdooPerf.Load.Scenarios;

/// <summary>
/// The failure reason recorded for an exception thrown in a step: a short, bounded name (never the message, which
/// may carry URLs, ids or secrets): <c>timeout</c>, <c>connection_refused</c>, <c>http_error</c>, or the
/// exception's type name.
/// </summary>
public static class StepFailureReason
{
    public static string Of(Exception exception) => exception switch
    {
        // HttpClient.Timeout surfaces as a cancellation whose inner exception is a TimeoutException.
        TaskCanceledException { InnerException: TimeoutException } => "timeout",
        TimeoutException => "timeout",
        OperationCanceledException => "cancelled",
        HttpRequestException { InnerException: SocketException socket } => SnakeCase(socket.SocketErrorCode.ToString()),
        HttpRequestException http when http.HttpRequestError != HttpRequestError.Unknown => SnakeCase(http.HttpRequestError.ToString()),
        HttpRequestException => "http_error",
        _ => exception.GetType().Name,
    };

    private static string SnakeCase(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
