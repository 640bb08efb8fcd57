using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jidoka.Bridge.Identity;

/// <summary>
/// Broker password hashes in Mosquitto 2's password_file format, <c>$7$iterations$salt$hash</c>
/// (PBKDF2-HMAC-SHA512, 12-byte salt, 64-byte hash, both base64), so the embedded broker and an
/// external Mosquitto check the same stored hash and the registry never holds a broker password.
/// Generated passwords are 192 random bits, so the iteration count guards against nothing that the
/// entropy does not already; it is kept modest because every connect pays it.
/// </summary>
public static class BrokerPasswordHash
{
    /// <summary>PBKDF2 iterations for new hashes.</summary>
    public const int IterationsDefault = 1000;

    private const int SaltBytes = 12;
    private const int HashBytes = 64;
    private const int IterationsMax = 1_000_000;

    /// <summary>A new random broker password: 24 random bytes as 32 base64url characters.</summary>
    public static string NewPassword() => Base64Url(RandomNumberGenerator.GetBytes(24));

    /// <summary>Hashes <paramref name="password"/> with a fresh salt.</summary>
    public static string Create(string password, int iterations = IterationsDefault)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashBytes);
        return "$7$" + iterations.ToString(CultureInfo.InvariantCulture) + "$" + Convert.ToBase64String(salt) + "$" + Convert.ToBase64String(hash);
    }

    /// <summary>True when <paramref name="password"/> hashes to <paramref name="stored"/>; false for any malformed stored value.</summary>
    public static bool Verify(string password, string stored)
    {
        if (string.IsNullOrEmpty(password) || !TryParse(stored, out int iterations, out byte[] salt, out byte[] expected))
        {
            return false;
        }

        byte[] actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when <paramref name="stored"/> has the $7$ form this class writes.</summary>
    public static bool IsWellFormed(string stored) => TryParse(stored, out _, out _, out _);

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = Array.Empty<byte>();
        hash = Array.Empty<byte>();
        string[] parts = (stored ?? "").Split('$');
        if (parts.Length != 5 || parts[0].Length != 0 || parts[1] != "7"
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations < 1 || iterations > IterationsMax)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[3]);
            hash = Convert.FromBase64String(parts[4]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length > 0 && hash.Length == HashBytes;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
