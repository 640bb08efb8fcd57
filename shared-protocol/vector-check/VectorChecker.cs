using System.Collections;

namespace Jidoka.Protocol.Vectors
{
    /// <summary>
    /// Checks one golden vector against the decoders: the verdict, the rejection reason and field, every
    /// expected field value, and that an accepted message re-encodes to the same bytes. Shared source, so
    /// the .NET tests run it and the nanoFramework compile gate compiles it.
    /// </summary>
    public static class VectorChecker
    {
        /// <summary>Checks vector text; returns the list of failures (strings), empty when the vector passes.</summary>
        public static ArrayList Check(string vectorText)
        {
            ArrayList failures = new ArrayList();
            GoldenVector vector = new GoldenVector();
            string parseError = vector.Parse(vectorText);
            if (parseError.Length != 0)
            {
                failures.Add("vector file: " + parseError);
                return failures;
            }

            IWireMessage? message = MessageFactory.Create(vector.Message);
            if (message == null)
            {
                failures.Add("unknown message kind '" + vector.Message + "'");
                return failures;
            }

            DecodeResult result = message.TryDecode(vector.Input, 0, vector.Input.Length);
            if (!vector.ExpectAccept)
            {
                CheckRejection(vector, result, failures);
                return failures;
            }

            if (!result.IsAccepted)
            {
                failures.Add("expected accept, got " + result.ToString());
                return failures;
            }

            CheckFields(vector, message, failures);
            if (vector.ExpectRoundTrip)
            {
                CheckRoundTrip(vector, message, failures);
            }

            return failures;
        }

        private static void CheckRejection(GoldenVector vector, DecodeResult result, ArrayList failures)
        {
            if (result.IsAccepted)
            {
                failures.Add("expected reject " + RejectReasonNames.Name(vector.ExpectedReason) + ", got Accepted");
                return;
            }

            if (result.Reason != vector.ExpectedReason || result.Field != vector.ExpectedField)
            {
                failures.Add("expected " + RejectReasonNames.Name(vector.ExpectedReason) + "(" + vector.ExpectedField + "), got " + result.ToString());
            }
        }

        private static void CheckFields(GoldenVector vector, IWireMessage message, ArrayList failures)
        {
            FieldList actual = new FieldList();
            message.Describe(actual);
            for (int i = 0; i < vector.ExpectedFieldCount; i++)
            {
                string expected = vector.ExpectedFieldLine(i);
                int eq = expected.IndexOf('=');
                if (eq <= 0)
                {
                    failures.Add("field line '" + expected + "' is not name=value");
                    continue;
                }

                string name = expected.Substring(0, eq);
                string value = expected.Substring(eq + 1);
                if (!actual.TryGet(name, out string got))
                {
                    failures.Add("field " + name + " missing from decoded message");
                }
                else if (got != value)
                {
                    failures.Add("field " + name + ": expected '" + value + "', decoded '" + got + "'");
                }
            }
        }

        private static void CheckRoundTrip(GoldenVector vector, IWireMessage message, ArrayList failures)
        {
            byte[] buffer = new byte[ProtocolLimits.MaxMessageBytes];
            EncodeResult encoded = message.TryEncode(buffer, 0);
            if (!encoded.IsWritten)
            {
                failures.Add("re-encode refused: " + encoded.Field);
                return;
            }

            if (encoded.BytesWritten != vector.Input.Length)
            {
                failures.Add("re-encode length " + encoded.BytesWritten.ToString() + " differs from input " + vector.Input.Length.ToString());
                return;
            }

            for (int i = 0; i < encoded.BytesWritten; i++)
            {
                if (buffer[i] != vector.Input[i])
                {
                    failures.Add("re-encode differs from input at byte " + i.ToString());
                    return;
                }
            }
        }
    }
}
