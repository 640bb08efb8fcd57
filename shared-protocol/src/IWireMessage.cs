namespace Jidoka.Protocol
{
    /// <summary>
    /// What every protocol message can do: write itself into a caller's buffer, read itself from bytes
    /// with a typed rejection, and list its fields for golden vectors.
    /// </summary>
    public interface IWireMessage
    {
        /// <summary>Encodes into <paramref name="buffer"/> at <paramref name="offset"/>.</summary>
        EncodeResult TryEncode(byte[] buffer, int offset);

        /// <summary>Decodes from <paramref name="length"/> bytes at <paramref name="offset"/>; never throws.</summary>
        DecodeResult TryDecode(byte[] buffer, int offset, int length);

        /// <summary>Lists the fields in canonical text form.</summary>
        void Describe(FieldList fields);
    }
}
