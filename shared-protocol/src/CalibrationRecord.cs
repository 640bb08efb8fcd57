namespace Jidoka.Protocol
{
    /// <summary>
    /// A channel calibration: raw counts to engineering units, plus who calibrated it and when.
    /// value = (counts - <see cref="OffsetCounts"/>) × <see cref="GainMicroUnitsPerCount"/> / 1 000 000,
    /// in milli-newtons for force and 1/10 000 for vision. A 24-bit HX711 count times a 32-bit gain fits
    /// in 64 bits, so the node computes it exactly in integers.
    /// </summary>
    /// <remarks>
    /// Layout (53 bytes, little-endian): channel u8, calibrationId u16, version u16,
    /// gainMicroUnitsPerCount i32, offsetCounts i32, calibratedUnixSeconds i64, technician 32 B.
    /// </remarks>
    public sealed class CalibrationRecord
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int SizeBytes = 53;

        /// <summary>Earliest plausible calibration date, 2000-01-01T00:00:00Z, Unix seconds.</summary>
        public const long CalibratedUnixSecondsMin = 946684800;

        /// <summary>Latest plausible calibration date, 2200-01-01T00:00:00Z, Unix seconds.</summary>
        public const long CalibratedUnixSecondsMax = 7258118400;

        /// <summary>Gain that passes counts through unchanged (1.0).</summary>
        public const int UnityGainMicro = 1000000;

        private readonly FieldCursor _cursor = new FieldCursor();

        /// <summary>Creates an empty record.</summary>
        public CalibrationRecord()
        {
            Technician = "";
        }

        /// <summary>The channel calibrated: force or vision.</summary>
        public InputChannel Channel { get; set; }

        /// <summary>Identifies the calibration (for example the load-cell serial's record), 1 or more.</summary>
        public ushort CalibrationId { get; set; }

        /// <summary>Version of this calibration; a new version for every change, 1 or more.</summary>
        public ushort Version { get; set; }

        /// <summary>Gain in millionths of an engineering unit per count; not 0.</summary>
        public int GainMicroUnitsPerCount { get; set; }

        /// <summary>Raw count that reads as zero (tare moves this).</summary>
        public int OffsetCounts { get; set; }

        /// <summary>When the calibration was made, Unix seconds.</summary>
        public long CalibratedUnixSeconds { get; set; }

        /// <summary>Who made it.</summary>
        public string Technician { get; set; }

        /// <summary>Converts raw counts to engineering units with this calibration, saturating at the int range.</summary>
        public int ToUnits(int counts)
        {
            long scaled = ((long)counts - OffsetCounts) * GainMicroUnitsPerCount / UnityGainMicro;
            return scaled > int.MaxValue ? int.MaxValue : scaled < int.MinValue ? int.MinValue : (int)scaled;
        }

        /// <summary>Copies every field from <paramref name="other"/>.</summary>
        public void CopyFrom(CalibrationRecord other)
        {
            Channel = other.Channel;
            CalibrationId = other.CalibrationId;
            Version = other.Version;
            GainMicroUnitsPerCount = other.GainMicroUnitsPerCount;
            OffsetCounts = other.OffsetCounts;
            CalibratedUnixSeconds = other.CalibratedUnixSeconds;
            Technician = other.Technician;
        }

        /// <summary>Writes the record at the cursor.</summary>
        public void Write(FieldCursor cursor)
        {
            cursor.WriteUInt8((byte)Channel);
            cursor.WriteUInt16(CalibrationId);
            cursor.WriteUInt16(Version);
            cursor.WriteInt32(GainMicroUnitsPerCount);
            cursor.WriteInt32(OffsetCounts);
            cursor.WriteInt64(CalibratedUnixSeconds);
            cursor.WriteFixedId(ProtocolLimits.PersonIdMaxLength, Technician);
        }

        /// <summary>
        /// Reads the record at the cursor and returns "technician" when that field has characters an id
        /// may not have, else an empty string. Structure only: call <see cref="Validate"/> before using it.
        /// </summary>
        public string Read(FieldCursor cursor)
        {
            Channel = (InputChannel)cursor.ReadUInt8();
            CalibrationId = cursor.ReadUInt16();
            Version = cursor.ReadUInt16();
            GainMicroUnitsPerCount = cursor.ReadInt32();
            OffsetCounts = cursor.ReadInt32();
            CalibratedUnixSeconds = cursor.ReadInt64();
            if (!cursor.TryReadFixedId(ProtocolLimits.PersonIdMaxLength, true, true, out string technician))
            {
                Technician = "";
                return "technician";
            }

            Technician = technician;
            return "";
        }

        /// <summary>
        /// Writes the record into <paramref name="buffer"/> at <paramref name="offset"/>, for stores and
        /// tools that keep the bare record. The caller provides the room: a window outside the buffer is
        /// a programming error and throws, as indexing past an array would.
        /// </summary>
        public void Write(byte[] buffer, int offset)
        {
            OpenWindow(buffer, offset);
            Write(_cursor);
        }

        /// <summary>
        /// Reads the record from <paramref name="buffer"/> at <paramref name="offset"/>, as
        /// <see cref="Read(FieldCursor)"/> does; a window outside the buffer throws, as in
        /// <see cref="Write(byte[], int)"/>.
        /// </summary>
        public string Read(byte[] buffer, int offset)
        {
            OpenWindow(buffer, offset);
            return Read(_cursor);
        }

        private void OpenWindow(byte[] buffer, int offset)
        {
            _cursor.Reset(buffer, offset, SizeBytes);
            if (_cursor.Overran)
            {
                throw new System.ArgumentOutOfRangeException("offset");
            }
        }

        /// <summary>Checks every field; node and bridge both call this.</summary>
        public CalibrationProblem Validate()
        {
            if (Channel != InputChannel.Force && Channel != InputChannel.Vision)
            {
                return CalibrationProblem.Channel;
            }

            if (CalibrationId == 0)
            {
                return CalibrationProblem.CalibrationId;
            }

            if (Version == 0)
            {
                return CalibrationProblem.Version;
            }

            if (GainMicroUnitsPerCount == 0)
            {
                return CalibrationProblem.Gain;
            }

            if (CalibratedUnixSeconds < CalibratedUnixSecondsMin || CalibratedUnixSeconds > CalibratedUnixSecondsMax)
            {
                return CalibrationProblem.CalibratedAt;
            }

            if (!Identifiers.IsValidPersonId(Technician))
            {
                return CalibrationProblem.Technician;
            }

            return CalibrationProblem.None;
        }

        /// <summary>Lists the fields for vectors and diagnostics, each prefixed with <paramref name="prefix"/>.</summary>
        public void Describe(FieldList fields, string prefix)
        {
            fields.Add(prefix + "channel", InputChannelNames.Name(Channel));
            fields.Add(prefix + "calibrationId", CalibrationId);
            fields.Add(prefix + "version", Version);
            fields.Add(prefix + "gainMicroUnitsPerCount", GainMicroUnitsPerCount);
            fields.Add(prefix + "offsetCounts", OffsetCounts);
            fields.Add(prefix + "calibratedUnixSeconds", CalibratedUnixSeconds);
            fields.Add(prefix + "technician", Technician);
        }
    }
}
