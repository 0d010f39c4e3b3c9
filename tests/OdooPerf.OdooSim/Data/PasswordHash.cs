using System.Security.Cryptography;
using System.Text;

namespace OdooPerf.OdooSim.Data;

/// <summary>Salted PBKDF2-SHA512 in passlib's notation, as Odoo stores passwords and API keys (fewer rounds: this is a test fixture).</summary>
internal static class PasswordHash
{
    private const int Rounds = 1000;

    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, Rounds, HashAlgorithmName.SHA512, 64);
        return $"$pbkdf2-sha512${Rounds}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string secret, string? stored)
    {
        var parts = stored?.Split('$') ?? [];
        if (parts.Length != 5 || parts[1] != "pbkdf2-sha512" || !int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var rounds))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[4]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), Convert.FromBase64String(parts[3]), rounds, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
