using System;
using System.Buffers.Binary;
using System.IO;
using Jidoka.Node.Hardware;
using Jidoka.SimBoard.Time;
using Microsoft.Win32.SafeHandles;

namespace Jidoka.SimBoard.Storage;

/// <summary>Thrown by the store when power is cut in the middle of a write (after the torn part reached the file).</summary>
public sealed class PowerLossException : IOException
{
    /// <summary>Creates the exception.</summary>
    public PowerLossException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// A plan to tear one future write: the <see cref="WriteIndex"/>-th write (counting from when the plan was
/// set, 0 = the next one) to a slot in [<see cref="FromSlot"/>, <see cref="ToSlot"/>] stores only its
/// first <see cref="BytesKept"/> bytes (of the length field and data together), then power is lost.
/// </summary>
/// <param name="WriteIndex">Which matching write to tear, 0 = the next.</param>
/// <param name="FromSlot">First slot the plan applies to.</param>
/// <param name="ToSlot">Last slot the plan applies to.</param>
/// <param name="BytesKept">Bytes of the write that reach the file; a negative value picks a number from the seed at the time of the write.</param>
public sealed record TornWritePlan(int WriteIndex, int FromSlot, int ToSlot, int BytesKept);

/// <summary>
/// The node's persistent store as one file per node directory (<c>store.bin</c>): a header, then each
/// slot as a 2-byte length and <see cref="SlotSizeBytes"/> of data. Every <see cref="Write"/> is one
/// positioned write straight to the operating system (no user-space buffer), so a killed process loses
/// nothing a write returned for; <see cref="Durability.WriteThrough"/> also survives an OS crash.
/// Power loss mid-write is injected with a <see cref="TornWritePlan"/>: only a prefix of the new bytes
/// (length field first) reaches the file, over the old slot contents, the store goes dead (every call
/// throws until <see cref="PowerOn"/>) and <see cref="PowerCut"/> is raised so the board can drop the
/// node. The core's record framing (magic, length, CRC-32) is what must detect the torn slot.
/// </summary>
public sealed class FileSlotStore : IPersistentStore, IDisposable
{
    /// <summary>File name inside the node's directory.</summary>
    public const string FileName = "store.bin";

    private const int HeaderBytes = 16;
    private const int LengthBytes = 2;
    private static readonly byte[] Magic = "JDKSTOR1"u8.ToArray();

    private readonly object _sync = new();
    private readonly SimRandom _random;
    private readonly byte[] _scratch;
    private SafeFileHandle? _file;
    private TornWritePlan? _plan;
    private int _planMatches;
    private bool _failWrites;

    /// <summary>Opens (or creates) the store in <paramref name="directory"/>.</summary>
    /// <exception cref="InvalidDataException">The file exists with another geometry.</exception>
    public FileSlotStore(string directory, int slotCount, int slotSizeBytes, SimRandom random, Durability durability = Durability.ProcessKill)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (slotCount < 1 || slotSizeBytes < 1 || slotSizeBytes > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(slotCount));
        }

        Directory.CreateDirectory(directory);
        PathName = Path.Combine(directory, FileName);
        SlotCount = slotCount;
        SlotSizeBytes = slotSizeBytes;
        DurabilityMode = durability;
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _scratch = new byte[LengthBytes + slotSizeBytes];
        Open();
    }

    /// <summary>Full path of the store file.</summary>
    public string PathName { get; }

    /// <inheritdoc/>
    public int SlotCount { get; }

    /// <inheritdoc/>
    public int SlotSizeBytes { get; }

    /// <summary>What a completed write survives.</summary>
    public Durability DurabilityMode { get; }

    /// <summary>False after a power cut until <see cref="PowerOn"/>.</summary>
    public bool IsPowered
    {
        get
        {
            lock (_sync)
            {
                return _file != null;
            }
        }
    }

    /// <summary>Raised (once, on the writing thread) when an injected torn write cuts the power.</summary>
    public event Action<FileSlotStore>? PowerCut;

    /// <summary>Completed writes, since creation.</summary>
    public long Writes { get; private set; }

    /// <summary>Erases, since creation.</summary>
    public long Erases { get; private set; }

    /// <summary>Torn writes injected, since creation.</summary>
    public int TornWrites { get; private set; }

    /// <summary>Slots that read back with an impossible length field (a tear inside the length), since creation.</summary>
    public int CorruptLengthReads { get; private set; }

    /// <summary>The slot and byte count of the last torn write, for reports.</summary>
    public (int Slot, int BytesKept, int BytesIntended)? LastTear { get; private set; }

    /// <summary>Schedules a torn write (replacing any earlier plan).</summary>
    public void PlanTornWrite(TornWritePlan plan)
    {
        lock (_sync)
        {
            _plan = plan ?? throw new ArgumentNullException(nameof(plan));
            _planMatches = 0;
        }
    }

    /// <summary>
    /// Schedules a torn write of a journal or record write picked from the seed: one of the next
    /// <paramref name="withinWrites"/> writes to slots in [<paramref name="fromSlot"/>, <paramref name="toSlot"/>],
    /// torn at a seeded byte count.
    /// </summary>
    public TornWritePlan PlanRandomTornWrite(int withinWrites, int fromSlot, int toSlot)
    {
        if (withinWrites < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(withinWrites));
        }

        TornWritePlan plan;
        lock (_sync)
        {
            plan = new TornWritePlan((int)_random.NextLong(withinWrites), fromSlot, toSlot, -1);
        }

        PlanTornWrite(plan);
        return plan;
    }

    /// <summary>The plan not yet carried out, if any.</summary>
    public TornWritePlan? PendingPlan
    {
        get
        {
            lock (_sync)
            {
                return _plan;
            }
        }
    }

    /// <summary>Fault injection: writes and erases throw an I/O error (without a power cut) while true.</summary>
    public bool FailWrites
    {
        get
        {
            lock (_sync)
            {
                return _failWrites;
            }
        }

        set
        {
            lock (_sync)
            {
                _failWrites = value;
            }
        }
    }

    /// <inheritdoc/>
    public bool TryRead(int slot, byte[] buffer, int offset, out int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        lock (_sync)
        {
            SafeFileHandle file = Powered();
            CheckSlot(slot);
            length = 0;
            int read = RandomAccess.Read(file, _scratch, SlotOffset(slot));
            if (read < LengthBytes)
            {
                return false;
            }

            int stored = BinaryPrimitives.ReadUInt16LittleEndian(_scratch);
            if (stored == 0)
            {
                return false;
            }

            if (stored > SlotSizeBytes || stored > read - LengthBytes || offset < 0 || offset > buffer.Length - stored)
            {
                // Only a tear inside the length field makes this; flash would hand back garbage of some length.
                CorruptLengthReads++;
                return false;
            }

            Array.Copy(_scratch, LengthBytes, buffer, offset, stored);
            length = stored;
            return true;
        }
    }

    /// <inheritdoc/>
    public void Write(int slot, byte[] buffer, int offset, int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Action<FileSlotStore>? cut = null;
        lock (_sync)
        {
            SafeFileHandle file = Powered();
            CheckSlot(slot);
            if (length < 1 || length > SlotSizeBytes || offset < 0 || offset > buffer.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            if (_failWrites)
            {
                throw new IOException("simulated flash write failure");
            }

            BinaryPrimitives.WriteUInt16LittleEndian(_scratch, (ushort)length);
            Array.Copy(buffer, offset, _scratch, LengthBytes, length);
            int total = LengthBytes + length;
            if (TakePlan(slot, out int kept, total))
            {
                RandomAccess.Write(file, new ReadOnlySpan<byte>(_scratch, 0, kept), SlotOffset(slot));
                TornWrites++;
                LastTear = (slot, kept, total);
                CutLocked();
                cut = PowerCut;
            }
            else
            {
                RandomAccess.Write(file, new ReadOnlySpan<byte>(_scratch, 0, total), SlotOffset(slot));
                Flush(file);
                Writes++;
            }
        }

        if (cut != null)
        {
            cut(this);
            throw new PowerLossException("power lost while writing store slot " + slot);
        }
    }

    /// <inheritdoc/>
    public void Erase(int slot)
    {
        lock (_sync)
        {
            SafeFileHandle file = Powered();
            CheckSlot(slot);
            if (_failWrites)
            {
                throw new IOException("simulated flash erase failure");
            }

            Span<byte> zero = stackalloc byte[LengthBytes];
            zero.Clear();
            RandomAccess.Write(file, zero, SlotOffset(slot));
            Flush(file);
            Erases++;
        }
    }

    /// <summary>Cuts the power to the store (the board lost power): every call throws until <see cref="PowerOn"/>.</summary>
    public void PowerOff()
    {
        lock (_sync)
        {
            CutLocked();
        }
    }

    /// <summary>Powers the store up again: reopens the file as a rebooted node would mount its flash.</summary>
    public void PowerOn()
    {
        lock (_sync)
        {
            if (_file == null)
            {
                Open();
            }
        }
    }

    /// <summary>Raw bytes of a slot (length field and data), for tests and reports.</summary>
    public byte[] RawSlot(int slot)
    {
        lock (_sync)
        {
            CheckSlot(slot);
            using SafeFileHandle file = File.OpenHandle(PathName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            byte[] raw = new byte[LengthBytes + SlotSizeBytes];
            RandomAccess.Read(file, raw, SlotOffset(slot));
            return raw;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_sync)
        {
            CutLocked();
        }
    }

    private void Open()
    {
        bool existed = File.Exists(PathName);
        FileOptions options = DurabilityMode == Durability.WriteThrough ? FileOptions.WriteThrough : FileOptions.None;
        SafeFileHandle file = File.OpenHandle(PathName, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, options);
        try
        {
            byte[] header = new byte[HeaderBytes];
            if (existed && RandomAccess.GetLength(file) >= HeaderBytes)
            {
                RandomAccess.Read(file, header, 0);
                if (!header.AsSpan(0, 8).SequenceEqual(Magic)
                    || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8)) != SlotCount
                    || BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12)) != SlotSizeBytes)
                {
                    throw new InvalidDataException(PathName + " was made with another slot geometry or is not a store file");
                }
            }
            else
            {
                Magic.CopyTo(header, 0);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), SlotCount);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), SlotSizeBytes);
                RandomAccess.SetLength(file, SlotOffset(SlotCount));
                RandomAccess.Write(file, header, 0);
                Flush(file);
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }

        _file = file;
    }

    private bool TakePlan(int slot, out int kept, int total)
    {
        kept = 0;
        if (_plan == null || slot < _plan.FromSlot || slot > _plan.ToSlot)
        {
            return false;
        }

        if (_planMatches++ < _plan.WriteIndex)
        {
            return false;
        }

        kept = _plan.BytesKept >= 0 ? Math.Min(_plan.BytesKept, total - 1) : (int)_random.NextLong(total);
        _plan = null;
        return true;
    }

    private void CutLocked()
    {
        _file?.Dispose();
        _file = null;
    }

    private void Flush(SafeFileHandle file)
    {
        if (DurabilityMode == Durability.WriteThrough)
        {
            RandomAccess.FlushToDisk(file);
        }
    }

    private SafeFileHandle Powered() => _file ?? throw new IOException("store has no power");

    private long SlotOffset(int slot) => HeaderBytes + ((long)slot * (LengthBytes + SlotSizeBytes));

    private void CheckSlot(int slot)
    {
        if (slot < 0 || slot >= SlotCount)
        {
            throw new ArgumentOutOfRangeException(nameof(slot));
        }
    }
}

/// <summary>What a completed store write survives.</summary>
public enum Durability
{
    /// <summary>A killed process (the write is in the OS page cache when it returns). Fast; the default.</summary>
    ProcessKill = 0,

    /// <summary>An OS crash or host power cut too (write-through and a flush to disk per write). Slow.</summary>
    WriteThrough = 1,
}
