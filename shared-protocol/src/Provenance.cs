namespace Jidoka.Protocol
{
    /// <summary>
    /// The 29-byte block frames and events share: how the node's clock maps to wall time and how good
    /// that mapping is, and which policy and calibrations were in force. It is what lets a reviewer say
    /// which limits applied to a sample or a trip.
    /// </summary>
    /// <remarks>
    /// Layout (little-endian): wallOffsetUs i64, timeUncertaintyUs u32, timeQuality u8, policyId u32,
    /// policyHash u32, forceCalibrationId u16, forceCalibrationVersion u16, visionCalibrationId u16,
    /// visionCalibrationVersion u16.
    /// </remarks>
    public sealed class Provenance
    {
        /// <summary>Encoded size in bytes.</summary>
        public const int SizeBytes = 29;

        /// <summary>Wall-clock Unix time in µs = node monotonic µs + this offset.</summary>
        public long WallOffsetUs { get; set; }

        /// <summary>Bound on the error of the offset, µs; meaningful when <see cref="TimeQuality"/> is not Unsynced.</summary>
        public uint TimeUncertaintyUs { get; set; }

        /// <summary>How far the offset can be trusted.</summary>
        public TimeQuality TimeQuality { get; set; }

        /// <summary>Id of the active policy (1 or more).</summary>
        public uint PolicyId { get; set; }

        /// <summary>CRC-32 of the active policy's encoded record.</summary>
        public uint PolicyHash { get; set; }

        /// <summary>Id of the force channel's calibration.</summary>
        public ushort ForceCalibrationId { get; set; }

        /// <summary>Version of the force channel's calibration.</summary>
        public ushort ForceCalibrationVersion { get; set; }

        /// <summary>Id of the vision channel's calibration.</summary>
        public ushort VisionCalibrationId { get; set; }

        /// <summary>Version of the vision channel's calibration.</summary>
        public ushort VisionCalibrationVersion { get; set; }

        /// <summary>Copies every field from <paramref name="other"/>.</summary>
        public void CopyFrom(Provenance other)
        {
            WallOffsetUs = other.WallOffsetUs;
            TimeUncertaintyUs = other.TimeUncertaintyUs;
            TimeQuality = other.TimeQuality;
            PolicyId = other.PolicyId;
            PolicyHash = other.PolicyHash;
            ForceCalibrationId = other.ForceCalibrationId;
            ForceCalibrationVersion = other.ForceCalibrationVersion;
            VisionCalibrationId = other.VisionCalibrationId;
            VisionCalibrationVersion = other.VisionCalibrationVersion;
        }

        /// <summary>Field at fault, or an empty string when every field holds a possible value.</summary>
        public string FindImpossibleField()
        {
            if (!TimeQualityNames.IsDefined(TimeQuality))
            {
                return "timeQuality";
            }

            if (PolicyId == 0)
            {
                return "policyId";
            }

            return "";
        }

        /// <summary>Writes the block. The caller has checked space.</summary>
        public void Write(byte[] buffer, int offset)
        {
            LittleEndian.WriteInt64(buffer, offset, WallOffsetUs);
            LittleEndian.WriteUInt32(buffer, offset + 8, TimeUncertaintyUs);
            buffer[offset + 12] = (byte)TimeQuality;
            LittleEndian.WriteUInt32(buffer, offset + 13, PolicyId);
            LittleEndian.WriteUInt32(buffer, offset + 17, PolicyHash);
            LittleEndian.WriteUInt16(buffer, offset + 21, ForceCalibrationId);
            LittleEndian.WriteUInt16(buffer, offset + 23, ForceCalibrationVersion);
            LittleEndian.WriteUInt16(buffer, offset + 25, VisionCalibrationId);
            LittleEndian.WriteUInt16(buffer, offset + 27, VisionCalibrationVersion);
        }

        /// <summary>Reads the block and returns the field at fault, or an empty string.</summary>
        public string Read(byte[] buffer, int offset)
        {
            WallOffsetUs = LittleEndian.ReadInt64(buffer, offset);
            TimeUncertaintyUs = LittleEndian.ReadUInt32(buffer, offset + 8);
            TimeQuality = (TimeQuality)buffer[offset + 12];
            PolicyId = LittleEndian.ReadUInt32(buffer, offset + 13);
            PolicyHash = LittleEndian.ReadUInt32(buffer, offset + 17);
            ForceCalibrationId = LittleEndian.ReadUInt16(buffer, offset + 21);
            ForceCalibrationVersion = LittleEndian.ReadUInt16(buffer, offset + 23);
            VisionCalibrationId = LittleEndian.ReadUInt16(buffer, offset + 25);
            VisionCalibrationVersion = LittleEndian.ReadUInt16(buffer, offset + 27);
            return FindImpossibleField();
        }

        /// <summary>Lists the fields for vectors and diagnostics.</summary>
        public void Describe(FieldList fields)
        {
            fields.Add("wallOffsetUs", WallOffsetUs);
            fields.Add("timeUncertaintyUs", TimeUncertaintyUs);
            fields.Add("timeQuality", TimeQualityNames.Name(TimeQuality));
            fields.Add("policyId", PolicyId);
            fields.AddHex32("policyHash", PolicyHash);
            fields.Add("forceCalibration", ForceCalibrationId.ToString() + "." + ForceCalibrationVersion.ToString());
            fields.Add("visionCalibration", VisionCalibrationId.ToString() + "." + VisionCalibrationVersion.ToString());
        }
    }
}
