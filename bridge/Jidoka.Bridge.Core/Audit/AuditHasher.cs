using System;
using System.Security.Cryptography;
using System.Text;
using Jidoka.Bridge.Storage;

namespace Jidoka.Bridge.Audit;

/// <summary>
/// The audit chain's hash: SHA-256 over the previous entry's hash (32 bytes) followed by the entry's
/// canonical form. The canonical form writes each field as its UTF-8 byte length, ':', the bytes and a
/// newline, in a fixed order, so no choice of field values can make two entries encode alike.
/// The sequence number is not hashed: order is carried by the chain itself, which is what lets the
/// verifier tell a reordered record from an edited one.
/// </summary>
public static class AuditHasher
{
    /// <summary>Length of a hash in bytes.</summary>
    public const int HashBytes = 32;

    /// <summary>The "previous hash" of the first entry: 32 zero bytes, as hex.</summary>
    public static readonly string GenesisHash = new string('0', HashBytes * 2);

    /// <summary>The hash of <paramref name="entry"/> chained after <paramref name="prevHashHex"/>, lowercase hex.</summary>
    public static string Compute(string prevHashHex, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        byte[] prev = Convert.FromHexString(prevHashHex);
        if (prev.Length != HashBytes)
        {
            throw new ArgumentException("A previous hash is 32 bytes of hex.", nameof(prevHashHex));
        }

        byte[] canonical = Canonical(entry);
        byte[] input = new byte[prev.Length + canonical.Length];
        prev.CopyTo(input, 0);
        canonical.CopyTo(input, prev.Length);
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    /// <summary>True when <paramref name="hex"/> is 64 hex digits.</summary>
    public static bool IsWellFormed(string hex)
    {
        if (hex == null || hex.Length != HashBytes * 2)
        {
            return false;
        }

        foreach (char c in hex)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The canonical bytes of an entry.</summary>
    public static byte[] Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder();
        Append(text, entry.RecordedUnixUs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Append(text, entry.Kind);
        Append(text, entry.NodeId);
        Append(text, entry.Actor);
        Append(text, entry.Subject);
        Append(text, entry.Details);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>SHA-256 of evidence bytes (a raw event), lowercase hex, for entry details.</summary>
    public static string Digest(byte[] evidence) => Convert.ToHexStringLower(SHA256.HashData(evidence));

    private static void Append(StringBuilder text, string value)
    {
        text.Append(Encoding.UTF8.GetByteCount(value).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Append(':').Append(value).Append('\n');
    }
}
