using System;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Jidoka.SimBoard.Time;

/// <summary>
/// Compiles the node's code before real-time nodes start. The device interprets IL, so a code path runs
/// as fast the first time as the hundredth; the host JIT compiles each method at its first call, inside
/// whichever loop step gets there first, and every other node reaching the same new path (the first
/// trip, the first outage) waits for that one compilation. That is tens of milliseconds of "step" a
/// device never has, counted rightly by the node as a loop overrun. Compiling the node core, protocol and
/// simulated-board assemblies up front removes that host artefact without touching what the node measures.
/// </summary>
public static class NodeCodeWarmup
{
    private static int _done;

    /// <summary>Methods compiled by the first call of <see cref="EnsureCompiled"/> (0 before).</summary>
    public static int MethodsCompiled { get; private set; }

    /// <summary>How long that took, ms.</summary>
    public static double ElapsedMs { get; private set; }

    /// <summary>Compiles every non-generic method body of the node core, protocol and simulated-board assemblies, once per process.</summary>
    public static void EnsureCompiled()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        int count = 0;
        count += Compile(typeof(Jidoka.Node.NodeCore).Assembly);
        count += Compile(typeof(Jidoka.Protocol.Topics).Assembly);
        count += Compile(typeof(NodeCodeWarmup).Assembly);
        MethodsCompiled = count;
        ElapsedMs = watch.Elapsed.TotalMilliseconds;
    }

    private static int Compile(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        int count = 0;
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types;
        }

        foreach (Type? type in types)
        {
            if (type == null || type.ContainsGenericParameters)
            {
                continue;
            }

            foreach (MethodBase method in type.GetMethods(all))
            {
                count += Prepare(method);
            }

            foreach (MethodBase ctor in type.GetConstructors(all))
            {
                count += Prepare(ctor);
            }
        }

        return count;
    }

    private static int Prepare(MethodBase method)
    {
        if (method.IsAbstract || method.ContainsGenericParameters || method.GetMethodBody() == null)
        {
            return 0;
        }

        try
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
            return 1;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or BadImageFormatException or TypeLoadException or InvalidOperationException)
        {
            // A method the runtime cannot compile ahead of a call (a P/Invoke stub, say) compiles at its first call instead.
            return 0;
        }
    }
}
