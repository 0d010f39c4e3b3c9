using System.Text.Json;
using OdooPerf.Odoo.Rpc;
using Xunit;

namespace OdooPerf.Odoo.Tests.Rpc;

public sealed class CredentialsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("odooperf-credentials-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("Pw-123\n", "Pw-123")]
    [InlineData("Pw-123\r\n", "Pw-123")]
    [InlineData("Pw-123", "Pw-123")]
    [InlineData("Pw 123 \nsecond line\n", "Pw 123 ")]
    [InlineData("\uFEFFPw-123\n", "Pw-123")]
    public void The_secret_is_the_first_line_without_its_newline(string content, string secret)
    {
        var path = Write("password", content);

        var credentials = OdooCredentials.FromPasswordFile("perf", "admin", path);

        Assert.Equal(secret, credentials.Secret.Reveal());
        Assert.Equal((OdooSecretKind.Password, "perf", "admin"), (credentials.Secret.Kind, credentials.Database, credentials.Login));
        Assert.Null(credentials.Warning);
    }

    [Fact]
    public void An_api_key_file_gives_an_api_key()
    {
        var credentials = OdooCredentials.FromApiKeyFile("perf", "admin", Write("key", "0123abcd\n"));

        Assert.Equal(OdooSecretKind.ApiKey, credentials.Secret.Kind);
        Assert.Equal("0123abcd", credentials.Secret.Reveal());
    }

    [Fact]
    public void A_missing_file_is_one_line_naming_it()
    {
        var path = Path.Combine(_directory, "absent");

        var failure = Assert.Throws<OdooCredentialsException>(() => OdooCredentials.FromPasswordFile("perf", "admin", path));

        Assert.Equal($"password file '{path}' does not exist", failure.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\nthe second line is not the password\n")]
    public void An_empty_first_line_is_refused(string content)
    {
        var path = Write("empty", content);

        var failure = Assert.Throws<OdooCredentialsException>(() => OdooCredentials.FromApiKeyFile("perf", "admin", path));

        Assert.Equal($"API key file '{path}' is empty (its first line is the secret)", failure.Message);
    }

    [Fact]
    public void A_directory_is_refused()
    {
        var failure = Assert.Throws<OdooCredentialsException>(() => OdooCredentials.FromPasswordFile("perf", "admin", _directory));

        Assert.Equal($"password file '{_directory}' is a directory", failure.Message);
    }

    [Fact]
    public void A_huge_file_is_refused_unread()
    {
        var path = Write("huge", new string('x', 100_000));

        var failure = Assert.Throws<OdooCredentialsException>(() => OdooCredentials.FromPasswordFile("perf", "admin", path));

        Assert.Contains("larger than 64 KiB", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_is_one_line()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            return; // root reads whatever the mode says
        }

        var path = Write("locked", "Pw-123\n");
        File.SetUnixFileMode(path, UnixFileMode.None);

        var failure = Assert.Throws<OdooCredentialsException>(() => OdooCredentials.FromPasswordFile("perf", "admin", path));

        Assert.Equal($"password file '{path}' cannot be read: permission denied", failure.Message);
    }

    [Fact]
    public void A_file_others_can_read_loads_with_a_warning()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Write("open", "Pw-123\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var credentials = OdooCredentials.FromPasswordFile("perf", "admin", path);

        Assert.Equal($"password file '{path}' can be read by its group or others (mode 0644); chmod 600 it", credentials.Warning);
        Assert.DoesNotContain("Pw-123", credentials.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_environment_variable_must_be_set()
    {
        var variable = "ODOOPERF_TEST_SECRET_" + Guid.NewGuid().ToString("N");

        var failure = Assert.Throws<OdooCredentialsException>(() => OdooCredentials.FromEnvironment("perf", "admin", variable));
        Environment.SetEnvironmentVariable(variable, "Env-Pw-9");
        try
        {
            Assert.Equal($"environment variable {variable} is not set or empty", failure.Message);
            Assert.Equal("Env-Pw-9", OdooCredentials.FromEnvironment("perf", "admin", variable).Secret.Reveal());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void The_secret_prints_and_serialises_as_stars_and_is_never_read_from_json()
    {
        var credentials = new OdooCredentials("perf", "admin", new OdooSecret("Pw-Visible-42", OdooSecretKind.Password));

        Assert.Equal("***", credentials.Secret.ToString());
        Assert.Equal("\"***\"", JsonSerializer.Serialize(credentials.Secret));
        Assert.Equal("admin@perf (Password: ***)", credentials.ToString());
        var json = JsonSerializer.Serialize(credentials);
        Assert.DoesNotContain("Pw-Visible-42", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Pw-Visible-42", $"{credentials.Secret}", StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OdooSecret>("\"x\""));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }
}
