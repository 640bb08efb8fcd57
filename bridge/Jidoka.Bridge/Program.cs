namespace Jidoka.Bridge; internal static class Program { private static void Main() { } }
