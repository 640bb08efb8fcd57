namespace Jidoka.Protocol.Security
{
    /// <summary>
    /// Comparisons whose running time does not depend on where two byte runs first differ, so a forger
    /// on the network cannot learn a valid tag byte by byte from how fast refusals come back.
    /// </summary>
    public static class ConstantTime
    {
        /// <summary>
        /// Says whether <paramref name="length"/> bytes at <paramref name="leftOffset"/> of
        /// <paramref name="left"/> equal those at <paramref name="rightOffset"/> of <paramref name="right"/>.
        /// The caller has checked both ranges; every byte is always compared.
        /// </summary>
        public static bool Equals(byte[] left, int leftOffset, byte[] right, int rightOffset, int length)
        {
            int difference = 0;
            for (int i = 0; i < length; i++)
            {
                difference |= left[leftOffset + i] ^ right[rightOffset + i];
            }

            return difference == 0;
        }
    }
}
