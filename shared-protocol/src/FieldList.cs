using System.Collections;

namespace Jidoka.Protocol
{
    /// <summary>
    /// A flat list of "name=value" lines describing a decoded message, in a canonical text form that
    /// golden vectors compare against. Used by tests and diagnostics only, never in the trip loop.
    /// </summary>
    public sealed class FieldList
    {
        private readonly ArrayList _lines = new ArrayList();

        /// <summary>Number of fields listed.</summary>
        public int Count => _lines.Count;

        /// <summary>Field line at <paramref name="index"/>, "name=value".</summary>
        public string this[int index] => (string)_lines[index]!;

        /// <summary>Adds a text field.</summary>
        public void Add(string name, string value) => _lines.Add(name + "=" + value);

        /// <summary>Adds a signed integer field.</summary>
        public void Add(string name, long value) => _lines.Add(name + "=" + value.ToString());

        /// <summary>Adds an unsigned integer field.</summary>
        public void AddUnsigned(string name, ulong value) => _lines.Add(name + "=" + value.ToString());

        /// <summary>Adds a boolean field as "true" or "false".</summary>
        public void Add(string name, bool value) => _lines.Add(name + "=" + (value ? "true" : "false"));

        /// <summary>Adds a 32-bit value as eight lowercase hex digits.</summary>
        public void AddHex32(string name, uint value) => _lines.Add(name + "=" + Hex.Format32(value));

        /// <summary>Finds the value of <paramref name="name"/>; false when absent.</summary>
        public bool TryGet(string name, out string value)
        {
            string prefix = name + "=";
            for (int i = 0; i < _lines.Count; i++)
            {
                string line = (string)_lines[i]!;
                if (line.StartsWith(prefix))
                {
                    value = line.Substring(prefix.Length);
                    return true;
                }
            }

            value = "";
            return false;
        }
    }
}
