using OdooPerf.Odoo.Rpc;
using Xunit;

namespace OdooPerf.Odoo.Tests.Rpc;

/// <summary>
/// Masking the secret in text: the password itself, as a whole word or quoted, never a word that merely contains it,
/// never a short password found bare, never the login.
/// </summary>
public sealed class SecretMaskingTests
{
    private static OdooCredentials Credentials(string password, string login = "load-user") =>
        new("perf", login, new OdooSecret(password, OdooSecretKind.Password));

    [Theory]
    [InlineData("Wrong-Pw-5b8e2a71", "login failed for password Wrong-Pw-5b8e2a71.", "login failed for password ***.")]
    [InlineData("hunter22", "(request was {\"login\":\"load-user\",\"password\":\"hunter22\"})", "(request was {\"login\":\"load-user\",\"password\":\"***\"})")]
    [InlineData("hunter22", "url ?password=hunter22&db=perf", "url ?password=***&db=perf")]
    [InlineData("hunter22", "hunter22", "***")]
    [InlineData("-pw-!", "x-pw-!y", "x***y")]
    public void The_password_is_masked_where_it_stands_as_itself(string password, string text, string expected) =>
        Assert.Equal(expected, Credentials(password).Redact(text));

    [Theory]
    [InlineData("admin", "Only an administrator can do this (group admins).")]
    [InlineData("word", "Wrong login or password")]
    [InlineData("pass", "Wrong login or password: passwords differ")]
    [InlineData("or", "Wrong login or password")]
    [InlineData("a", "Access Denied")]
    public void A_word_that_contains_the_password_or_a_short_password_found_bare_is_left_alone(string password, string text) =>
        Assert.Equal(text, Credentials(password).Redact(text));

    [Fact]
    public void A_short_password_is_still_masked_where_it_is_quoted()
    {
        Assert.Equal("{\"password\":\"***\"} or ab", Credentials("ab").Redact("{\"password\":\"ab\"} or ab"));
    }

    [Fact]
    public void A_password_that_is_the_login_does_not_turn_the_login_into_stars()
    {
        const string line = "cannot log in to http://127.0.0.1:8069 as admin on database perf: wrong login or password (AccessDenied)";
        var credentials = Credentials("admin", login: "admin");

        Assert.Equal(line, credentials.Redact(line));

        // With another login, the same password is masked as a word.
        Assert.Equal("wrong password *** for demo", Credentials("admin", login: "demo").Redact("wrong password admin for demo"));
    }
}
