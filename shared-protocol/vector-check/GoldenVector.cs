using System.Collections;

namespace Jidoka.Protocol.Vectors
{
    /// <summary>
    /// One golden vector parsed from its text file (format in shared-protocol/vectors/README.md):
    /// the input bytes, the message kind, and either the fields the decoder must produce or the
    /// rejection reason and field it must report.
    /// </summary>
    public sealed class GoldenVector
    {
        private readonly ArrayList _expectedFields = new ArrayList();

        /// <summary>Vector name.</summary>
        public string Name { get; private set; } = "";

        /// <summary>Message kind, one of <see cref="MessageFactory.Names"/>.</summary>
        public string Message { get; private set; } = "";

        /// <summary>The input bytes.</summary>
        public byte[] Input { get; private set; } = new byte[0];

        /// <summary>True when the decoder must accept the input.</summary>
        public bool ExpectAccept { get; private set; }

        /// <summary>The rejection reason expected when <see cref="ExpectAccept"/> is false.</summary>
        public RejectReason ExpectedReason { get; private set; }

        /// <summary>The field the rejection must name.</summary>
        public string ExpectedField { get; private set; } = "";

        /// <summary>True when re-encoding the decoded message must reproduce <see cref="Input"/> byte for byte.</summary>
        public bool ExpectRoundTrip { get; private set; } = true;

        /// <summary>Number of expected "name=value" field lines.</summary>
        public int ExpectedFieldCount => _expectedFields.Count;

        /// <summary>Expected field line at <paramref name="index"/>, "name=value".</summary>
        public string ExpectedFieldLine(int index) => (string)_expectedFields[index]!;

        /// <summary>Parses vector text. Returns an empty string on success, else what is wrong with the file.</summary>
        public string Parse(string text)
        {
            string hex = "";
            string ascii = "";
            string expect = "";
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                int colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    return "line " + (i + 1).ToString() + ": expected 'key: value'";
                }

                string key = line.Substring(0, colon).Trim();
                string value = line.Substring(colon + 1).Trim();
                switch (key)
                {
                    case "name": Name = value; break;
                    case "message": Message = value; break;
                    case "expect": expect = value; break;
                    case "hex": hex = hex + value; break;
                    case "text": ascii = value; break;
                    case "roundtrip": ExpectRoundTrip = value == "yes"; break;
                    case "field": _expectedFields.Add(value); break;
                    default: return "line " + (i + 1).ToString() + ": unknown key '" + key + "'";
                }
            }

            if (Name.Length == 0 || Message.Length == 0 || expect.Length == 0)
            {
                return "a vector needs name, message and expect";
            }

            if ((hex.Length == 0) == (ascii.Length == 0))
            {
                return "a vector needs exactly one of hex or text";
            }

            if (hex.Length != 0)
            {
                if (!Hex.TryParse(hex, out byte[] bytes))
                {
                    return "hex is not valid hexadecimal";
                }

                Input = bytes;
            }
            else
            {
                byte[] bytes = new byte[ascii.Length];
                for (int i = 0; i < ascii.Length; i++)
                {
                    bytes[i] = (byte)ascii[i];
                }

                Input = bytes;
            }

            return ParseExpect(expect);
        }

        private string ParseExpect(string expect)
        {
            if (expect == "accept")
            {
                ExpectAccept = true;
                return "";
            }

            string[] parts = expect.Split(' ');
            if (parts.Length != 3 || parts[0] != "reject" || !RejectReasonNames.TryParse(parts[1], out RejectReason reason) || reason == RejectReason.None)
            {
                return "expect must be 'accept' or 'reject <Reason> <field>'";
            }

            ExpectAccept = false;
            ExpectedReason = reason;
            ExpectedField = parts[2];
            return "";
        }
    }
}
