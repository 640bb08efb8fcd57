namespace Jidoka.Boards.Logic.Network
{
    /// <summary>
    /// The broker must be addressed by an IPv4 literal: lwIP on these targets resolves a bare host name only
    /// through the DNS server DHCP hands out and applies no search domain, so "jidoka-broker" fails on most
    /// cell networks and every connection attempt then waits for a DNS timeout.
    /// </summary>
    public static class BrokerAddress
    {
        /// <summary>True for a dotted-quad IPv4 address ("192.0.2.10").</summary>
        public static bool IsIPv4Literal(string? host)
        {
            if (host == null || host.Length < 7 || host.Length > 15)
            {
                return false;
            }

            int parts = 0;
            int value = 0;
            int digits = 0;
            for (int i = 0; i <= host.Length; i++)
            {
                char ch = i < host.Length ? host[i] : '.';
                if (ch == '.')
                {
                    if (digits == 0 || value > 255)
                    {
                        return false;
                    }

                    parts++;
                    value = 0;
                    digits = 0;
                }
                else if (ch >= '0' && ch <= '9' && digits < 3)
                {
                    value = (value * 10) + (ch - '0');
                    digits++;
                }
                else
                {
                    return false;
                }
            }

            return parts == 4;
        }

        /// <summary>Why <paramref name="host"/> cannot be used; null when it can.</summary>
        public static string? Refusal(string host) => IsIPv4Literal(host)
            ? null
            : "broker '" + host + "' is not an IPv4 address: set Site.BrokerHost to the broker's address (the node does not resolve host names)";
    }
}
